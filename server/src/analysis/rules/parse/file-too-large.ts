// Rule parse/file-too-large: A file over the size cap was skipped, not read.
import { defineRule } from '../rule';

/** A file over the size cap was skipped, not read. */
export const fileTooLarge = defineRule({
  id: 'parse/file-too-large',
  defaultSeverity: 'warning',
  summary: 'A file over the size cap was skipped, not read.',
});
