// Rule model/duplicate-application-name: Two Applications in the same namespace have the same name: one overwrites the other.
import { defineRule } from '../rule';

/** Two Applications in the same namespace have the same name: one overwrites the other. */
export const duplicateApplicationName = defineRule({
  id: 'model/duplicate-application-name',
  defaultSeverity: 'error',
  summary: 'Two Applications in the same namespace have the same name: one overwrites the other.',
});
