// Rule parse/alias-limit: A YAML document expands too many aliases (a billion-laughs shape) and was not analysed.
import { defineRule } from '../rule';

/** A YAML document expands too many aliases (a billion-laughs shape) and was not analysed. */
export const aliasLimit = defineRule({
  id: 'parse/alias-limit',
  defaultSeverity: 'warning',
  summary: 'A YAML document expands too many aliases (a billion-laughs shape) and was not analysed.',
});
