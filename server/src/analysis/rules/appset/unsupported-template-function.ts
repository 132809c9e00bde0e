// Rule appset/unsupported-template-function: A template uses a function this analyser does not evaluate; the Applications it renders are not listed.
import { defineRule } from '../rule';

/** A template uses a function this analyser does not evaluate; the Applications it renders are not listed. */
export const unsupportedTemplateFunction = defineRule({
  id: 'appset/unsupported-template-function',
  defaultSeverity: 'info',
  summary: 'A template uses a function this analyser does not evaluate; the Applications it renders are not listed.',
});
