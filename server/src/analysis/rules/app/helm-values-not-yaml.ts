// Rule app/helm-values-not-yaml: The `helm.values` string is not a YAML map: Helm cannot read it.
import { defineRule } from '../rule';

/** The `helm.values` string is not a YAML map: Helm cannot read it. */
export const helmValuesNotYaml = defineRule({
  id: 'app/helm-values-not-yaml',
  defaultSeverity: 'warning',
  summary: 'The `helm.values` string is not a YAML map: Helm cannot read it.',
});
