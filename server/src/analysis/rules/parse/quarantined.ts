// Rule parse/quarantined: a file left out of the analysis because reading it once killed the language server.
import { defineRule } from '../rule';

/** A file left out of the analysis because the language server process died while parsing it. */
export const quarantined = defineRule({
  id: 'parse/quarantined',
  defaultSeverity: 'warning',
  summary: 'A file left out of the analysis because the language server process died while parsing it.',
});
