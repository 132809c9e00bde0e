// The `values` map of git, clusters and other generators: each value templated with the generator's parameters.
import { isRecord } from '../../kube/kubeObject';
import { templateError } from '../../rules/appset/template-error';
import { unsupportedTemplateFunction } from '../../rules/appset/unsupported-template-function';
import type { ValuePath } from '../../yaml/yamlDocument';
import { renderString } from '../renderTemplate';
import type { GeneratorEnvironment, ParameterSet } from './generatorTypes';

/**
 * Adds `values` to a parameter set: `values.<key>` strings with fasttemplate, a `values` map with
 * goTemplate. Values see the generator's own parameters only (not each other). Returns false when
 * a value fails to render (reported), as Argo CD then fails the generator.
 */
export function appendTemplatedValues(parameters: ParameterSet, rawValues: unknown, valuesPath: ValuePath, environment: GeneratorEnvironment): boolean {
  if (!isRecord(rawValues) || Object.keys(rawValues).length === 0) return true;
  const rendered: Record<string, string> = {};
  for (const [key, raw] of Object.entries(rawValues)) {
    const text = typeof raw === 'string' ? raw : String(raw);
    const outcome = renderString(text, parameters, environment.mode);
    if (!outcome.ok) {
      if (outcome.unsupportedFunction) {
        environment.report(unsupportedTemplateFunction, `Not evaluated offline: ${outcome.error}.`, [...valuesPath, key], 'value');
        environment.markIncomplete();
      } else {
        environment.report(templateError, `values.${key} does not render: ${outcome.error}`, [...valuesPath, key], 'value');
      }
      return false;
    }
    rendered[key] = outcome.value;
  }
  if (environment.mode.goTemplate) parameters.values = rendered;
  else for (const [key, value] of Object.entries(rendered)) parameters[`values.${key}`] = value;
  return true;
}
