// Rule parse/nesting-too-deep: A file nested deeper than the limit was rejected before parsing.
import { defineRule } from '../rule';

/** A file nested deeper than the limit was rejected before parsing. */
export const nestingTooDeep = defineRule({
  id: 'parse/nesting-too-deep',
  defaultSeverity: 'warning',
  summary: 'A file nested deeper than the limit was rejected before parsing.',
});
