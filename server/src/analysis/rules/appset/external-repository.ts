// Rule appset/external-repository: A git generator reads another repository: its Applications cannot be listed from this one.
import { defineRule } from '../rule';

/** A git generator reads another repository: its Applications cannot be listed from this one. */
export const externalRepository = defineRule({
  id: 'appset/external-repository',
  defaultSeverity: 'info',
  summary: 'A git generator reads another repository: its Applications cannot be listed from this one.',
});
