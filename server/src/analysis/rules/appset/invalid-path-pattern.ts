// Rule appset/invalid-path-pattern: A git generator path is not a valid Go path.Match pattern; Argo CD matches nothing with it.
import { defineRule } from '../rule';

/** A git generator path is not a valid Go path.Match pattern; Argo CD matches nothing with it. */
export const invalidPathPattern = defineRule({
  id: 'appset/invalid-path-pattern',
  defaultSeverity: 'warning',
  summary: 'A git generator path is not a valid Go path.Match pattern; Argo CD matches nothing with it.',
});
