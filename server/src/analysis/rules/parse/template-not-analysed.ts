// Rule parse/template-not-analysed: A Go-templated file (Helm or similar) is not YAML until rendered, so it is not analysed.
import { defineRule } from '../rule';

/** A Go-templated file (Helm or similar) is not YAML until rendered, so it is not analysed. */
export const templateNotAnalysed = defineRule({
  id: 'parse/template-not-analysed',
  defaultSeverity: 'info',
  summary: 'A Go-templated file (Helm or similar) is not YAML until rendered, so it is not analysed.',
});
