// Rule parse/unreadable: A file or folder could not be read.
import { defineRule } from '../rule';

/** A file or folder could not be read. */
export const unreadable = defineRule({
  id: 'parse/unreadable',
  defaultSeverity: 'warning',
  summary: 'A file or folder could not be read.',
});
