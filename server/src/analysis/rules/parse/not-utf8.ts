// Rule parse/not-utf8: A file that is not valid UTF-8 was skipped.
import { defineRule } from '../rule';

/** A file that is not valid UTF-8 was skipped. */
export const notUtf8 = defineRule({
  id: 'parse/not-utf8',
  defaultSeverity: 'warning',
  summary: 'A file that is not valid UTF-8 was skipped.',
});
