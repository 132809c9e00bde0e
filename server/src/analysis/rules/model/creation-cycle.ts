// Rule model/creation-cycle: Applications create each other in a loop.
import { defineRule } from '../rule';

/** Applications create each other in a loop. */
export const creationCycle = defineRule({
  id: 'model/creation-cycle',
  defaultSeverity: 'error',
  summary: 'Applications create each other in a loop.',
});
