// The merge generator: the first child's sets, overridden by later children's sets with equal merge keys.
import { isRecord } from '../../kube/kubeObject';
import { invalidGenerator } from '../../rules/appset/invalid-generator';
import { goJsonMarshal } from '../goTemplate/goSerialize';
import { toGoValue } from '../goTemplate/goValues';
import { mergeParameters } from '../mergeParameters';
import { MAX_COMBINATION_DEPTH } from './matrixGenerator';
import type { GeneratorImplementation, ParameterSet } from './generatorTypes';

/**
 * Sets are keyed by the JSON of their `mergeKeys` values (top-level keys only: with fasttemplate
 * `values.x` is a flat key, with goTemplate nested keys cannot be merge keys). A later set
 * overrides the base set with the same key; a later set with no base is dropped; two sets with
 * the same key inside one child fail the generator, as in Argo CD.
 */
export const mergeGenerator: GeneratorImplementation = (body, bodyPath, input, environment) => {
  const children = Array.isArray(body.generators) ? body.generators : [];
  const mergeKeys = Array.isArray(body.mergeKeys) ? [...new Set(body.mergeKeys.filter((key): key is string => typeof key === 'string'))] : [];
  if (children.length < 2) {
    environment.report(invalidGenerator, `A merge generator needs at least 2 child generators (found ${children.length}); Argo CD fails it.`, [...bodyPath, 'generators']);
    return [];
  }
  if (mergeKeys.length === 0) {
    environment.report(invalidGenerator, 'A merge generator needs mergeKeys; Argo CD fails it.', bodyPath);
    return [];
  }
  if (input.depth >= MAX_COMBINATION_DEPTH) {
    environment.report(invalidGenerator, 'Matrix and merge generators nest only one level deep; Argo CD drops this one.', bodyPath);
    return [];
  }
  const childSets: ParameterSet[][] = [];
  for (const [index, child] of children.entries()) {
    if (!isRecord(child)) {
      environment.report(invalidGenerator, 'Merge children must be generator maps.', [...bodyPath, 'generators', index]);
      return [];
    }
    childSets.push(environment.run({ generator: child, path: [...bodyPath, 'generators', index], depth: input.depth + 1 }));
  }
  const keyed: Map<string, ParameterSet>[] = [];
  for (const [index, sets] of childSets.entries()) {
    const byKey = new Map<string, ParameterSet>();
    for (const set of sets) {
      const key = mergeKeyOf(set, mergeKeys);
      if (byKey.has(key)) {
        environment.report(invalidGenerator, `Child generator ${index} yields two parameter sets with the same merge key ${key}; Argo CD fails the generator.`, [...bodyPath, 'generators', index]);
        return [];
      }
      byKey.set(key, set);
    }
    keyed.push(byKey);
  }
  const [base, ...overrides] = keyed;
  const result: ParameterSet[] = [];
  for (const [key, baseSet] of base ?? new Map<string, ParameterSet>()) {
    let merged = baseSet;
    for (const override of overrides) {
      const match = override.get(key);
      if (match) merged = environment.mode.goTemplate ? mergeParameters(merged, match) : { ...merged, ...match };
    }
    result.push(merged);
  }
  return result;
};

/** The JSON of the merge-key values of a set (absent keys are null), as Argo CD keys sets. */
function mergeKeyOf(set: ParameterSet, mergeKeys: readonly string[]): string {
  const key: Record<string, unknown> = {};
  for (const name of mergeKeys) key[name] = Object.hasOwn(set, name) ? set[name] : null;
  return goJsonMarshal(toGoValue(key)) ?? '{}';
}
