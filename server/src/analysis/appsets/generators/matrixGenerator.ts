// The matrix generator: the cartesian product of two child generators; the second may use the first's parameters.
import { isRecord } from '../../kube/kubeObject';
import { invalidGenerator } from '../../rules/appset/invalid-generator';
import { mergeParameters } from '../mergeParameters';
import type { GeneratorImplementation, ParameterSet } from './generatorTypes';

/** How deeply matrix/merge generators may nest (Argo CD allows one level of nesting). */
export const MAX_COMBINATION_DEPTH = 2;

/**
 * Exactly two children. For each set `a` of the first child, the second child is interpolated
 * with `a` and run; each of its sets `b` is combined with `a`: with goTemplate a deep merge where
 * `a` wins, with fasttemplate a union that fails on a key with two different values.
 */
export const matrixGenerator: GeneratorImplementation = (body, bodyPath, input, environment) => {
  const children = Array.isArray(body.generators) ? body.generators : [];
  if (children.length !== 2) {
    environment.report(invalidGenerator, `A matrix generator needs exactly 2 child generators (found ${children.length}); Argo CD fails it.`, [...bodyPath, 'generators']);
    return [];
  }
  if (input.depth >= MAX_COMBINATION_DEPTH) {
    environment.report(invalidGenerator, 'Matrix and merge generators nest only one level deep; Argo CD drops this one.', bodyPath);
    return [];
  }
  const [first, second] = children;
  if (!isRecord(first) || !isRecord(second)) {
    environment.report(invalidGenerator, 'Matrix children must be generator maps.', [...bodyPath, 'generators']);
    return [];
  }
  const depth = input.depth + 1;
  const firstSets = environment.run({ generator: first, path: [...bodyPath, 'generators', 0], depth });
  const sets: ParameterSet[] = [];
  for (const a of firstSets) {
    const secondSets = environment.run({ generator: second, path: [...bodyPath, 'generators', 1], depth }, a);
    for (const b of secondSets) {
      if (environment.mode.goTemplate) {
        sets.push(mergeParameters(b, a));
        continue;
      }
      const conflict = Object.keys(b).find((key) => Object.hasOwn(a, key) && a[key] !== b[key]);
      if (conflict !== undefined) {
        environment.report(invalidGenerator, `Both matrix children set "${conflict}" with different values (${String(a[conflict])}, ${String(b[conflict])}); Argo CD fails the generator.`, [...bodyPath, 'generators']);
        return [];
      }
      sets.push({ ...a, ...b });
    }
  }
  return sets;
};
