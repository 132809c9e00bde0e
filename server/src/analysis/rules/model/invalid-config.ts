// Rule model/invalid-config: The project config file (.gitops-waves.yaml) has an entry the analyser cannot use.
import { defineRule } from '../rule';

/** The project config file (.gitops-waves.yaml) has an entry the analyser cannot use. */
export const invalidConfig = defineRule({
  id: 'model/invalid-config',
  defaultSeverity: 'warning',
  summary: 'The project config file (.gitops-waves.yaml) has an entry the analyser cannot use.',
});
