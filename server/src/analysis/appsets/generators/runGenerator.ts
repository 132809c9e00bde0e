// Runs one generator entry like Argo CD's Transform: interpolate, dispatch by kind, then apply its selector.
import { isRecord } from '../../kube/kubeObject';
import { invalidGenerator } from '../../rules/appset/invalid-generator';
import { templateError } from '../../rules/appset/template-error';
import { unsupportedTemplateFunction } from '../../rules/appset/unsupported-template-function';
import { flattenParameters } from '../flattenParameters';
import { parseLabelSelector } from '../labelSelector';
import { renderValue } from '../renderTemplate';
import { clustersGenerator } from './clustersGenerator';
import type { GeneratorEnvironment, GeneratorImplementation, GeneratorInput, ParameterSet } from './generatorTypes';
import { gitGenerator } from './gitGenerator';
import { listGenerator } from './listGenerator';
import { LIVE_GENERATOR_KINDS, liveGeneratorFor } from './liveGenerators';
import { matrixGenerator } from './matrixGenerator';
import { mergeGenerator } from './mergeGenerator';

const IMPLEMENTATIONS: ReadonlyMap<string, GeneratorImplementation> = new Map<string, GeneratorImplementation>([
  ['list', listGenerator],
  ['git', gitGenerator],
  ['clusters', clustersGenerator],
  ['matrix', matrixGenerator],
  ['merge', mergeGenerator],
  ...LIVE_GENERATOR_KINDS.map((kind): [string, GeneratorImplementation] => [kind, liveGeneratorFor(kind)]),
]);

/** The generator kinds set in an entry (normally exactly one). */
export function generatorKinds(entry: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(entry).filter((key) => IMPLEMENTATIONS.has(key) && entry[key] !== null && entry[key] !== undefined);
}

/**
 * The parameter sets of one generator entry. With `inherited` parameters (the second child of a
 * matrix) every string of the entry is first templated with them, as Argo CD's
 * `RenderGeneratorParams` does. The entry's own `selector` then filters the sets on their
 * flattened parameters (`path.basename`, `values.env`…).
 */
export function runGenerator(input: GeneratorInput, environment: GeneratorEnvironment, inherited?: ParameterSet): ParameterSet[] {
  let entry = input.generator;
  if (inherited && Object.keys(inherited).length > 0) {
    const rendered = renderValue(entry, inherited, environment.mode);
    if (!rendered.ok) {
      if (rendered.unsupportedFunction) {
        environment.report(unsupportedTemplateFunction, `Not evaluated offline: ${rendered.error}.`, [...input.path, ...rendered.path], 'value');
        environment.markIncomplete();
      } else {
        environment.report(templateError, `This generator does not render with the first matrix generator's parameters: ${rendered.error}`, [...input.path, ...rendered.path], 'value');
      }
      return [];
    }
    if (!isRecord(rendered.value)) return [];
    entry = rendered.value;
  }
  const kinds = generatorKinds(entry);
  if (kinds.length === 0) {
    const keys = Object.keys(entry).filter((key) => key !== 'selector');
    environment.report(invalidGenerator, keys.length > 0 ? `Unknown generator "${keys.join('", "')}"; Argo CD ignores it.` : 'Empty generator.', input.path);
    return [];
  }
  const selector = parseLabelSelector(entry.selector);
  if (!selector.ok) {
    environment.report(invalidGenerator, `Invalid generator selector: ${selector.error}.`, [...input.path, 'selector']);
    return [];
  }
  const sets: ParameterSet[] = [];
  for (const kind of kinds) {
    const body = entry[kind];
    const implementation = IMPLEMENTATIONS.get(kind);
    if (!implementation) continue;
    if (!isRecord(body)) {
      environment.report(invalidGenerator, `The ${kind} generator must be a map.`, [...input.path, kind]);
      continue;
    }
    for (const set of implementation(body, [...input.path, kind], input, environment)) {
      if (selector.empty || selector.matches(flattenParameters(set))) sets.push(set);
    }
  }
  return sets;
}
