// The list generator: `elements` (each a parameter set) and `elementsYaml` (a YAML list string).
import { isRecord } from '../../kube/kubeObject';
import { invalidGenerator } from '../../rules/appset/invalid-generator';
import { parseYamlValue } from '../goTemplate/goSerialize';
import type { GeneratorImplementation, ParameterSet } from './generatorTypes';

/**
 * With goTemplate every element is a parameter set as written. With fasttemplate every value
 * must be a string (and `values` a map of strings, flattened to `values.<key>`); otherwise Argo
 * CD fails the whole generator. `elementsYaml` elements are appended as parsed, in both modes.
 * Inside a matrix, `elementsYaml` may itself be templated with the first generator's parameters
 * (the expander interpolates the generator before calling this).
 */
export const listGenerator: GeneratorImplementation = (body, bodyPath, _input, environment) => {
  const sets: ParameterSet[] = [];
  const elements = body.elements;
  if (elements !== undefined && elements !== null && !Array.isArray(elements)) {
    environment.report(invalidGenerator, 'list.elements must be a list.', [...bodyPath, 'elements']);
    return [];
  }
  for (const [index, element] of (Array.isArray(elements) ? elements : []).entries()) {
    const elementPath = [...bodyPath, 'elements', index];
    if (!isRecord(element)) {
      environment.report(invalidGenerator, 'Each list element must be a map of parameters.', elementPath);
      return [];
    }
    if (environment.mode.goTemplate) {
      sets.push({ ...element });
      continue;
    }
    const flat: ParameterSet = {};
    for (const [key, value] of Object.entries(element)) {
      if (key === 'values') {
        if (!isRecord(value)) {
          environment.report(invalidGenerator, 'values in a list element must be a map (error parsing values map).', [...elementPath, key]);
          return [];
        }
        for (const [valueKey, valueItem] of Object.entries(value)) {
          if (typeof valueItem !== 'string') {
            environment.report(invalidGenerator, `values.${valueKey} is not a string; without goTemplate Argo CD only accepts string values and fails the generator.`, [...elementPath, key, valueKey]);
            return [];
          }
          flat[`values.${valueKey}`] = valueItem;
        }
      } else if (typeof value !== 'string') {
        environment.report(invalidGenerator, `"${key}" is not a string; without goTemplate Argo CD only accepts string element values and fails the generator (quote it, or use goTemplate: true).`, [...elementPath, key]);
        return [];
      } else {
        flat[key] = value;
      }
    }
    sets.push(flat);
  }
  const elementsYaml = body.elementsYaml;
  if (typeof elementsYaml === 'string' && elementsYaml.trim() !== '') {
    const parsed = parseYamlValue(elementsYaml);
    const list = parsed.ok ? parsed.value : undefined;
    if (!parsed.ok || (list !== null && !Array.isArray(list)) || (Array.isArray(list) && !list.every(isRecord))) {
      environment.report(invalidGenerator, `elementsYaml is not a YAML list of maps${parsed.ok ? '' : `: ${parsed.error}`}.`, [...bodyPath, 'elementsYaml'], 'value');
      return [];
    }
    for (const item of Array.isArray(list) ? list : []) sets.push({ ...(item as Record<string, unknown>) });
  }
  return sets;
};
