// Rule appset/template-error: An ApplicationSet template that Argo CD cannot render for some parameters; those Applications are not generated.
import { defineRule } from '../rule';

/** An ApplicationSet template that Argo CD cannot render for some parameters; those Applications are not generated. */
export const templateError = defineRule({
  id: 'appset/template-error',
  defaultSeverity: 'warning',
  summary: 'An ApplicationSet template that Argo CD cannot render for some parameters; those Applications are not generated.',
});
