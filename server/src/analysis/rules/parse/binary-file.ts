// Rule parse/binary-file: A .yaml, .yml or .json file that holds binary data was skipped.
import { defineRule } from '../rule';

/** A .yaml, .yml or .json file that holds binary data was skipped. */
export const binaryFile = defineRule({
  id: 'parse/binary-file',
  defaultSeverity: 'warning',
  summary: 'A .yaml, .yml or .json file that holds binary data was skipped.',
});
