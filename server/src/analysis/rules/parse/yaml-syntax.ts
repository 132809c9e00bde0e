// Rule parse/yaml-syntax: A YAML file that does not parse; its broken documents are not analysed.
import { defineRule } from '../rule';

/** A YAML file that does not parse; its broken documents are not analysed. */
export const yamlSyntax = defineRule({
  id: 'parse/yaml-syntax',
  defaultSeverity: 'warning',
  summary: 'A YAML file that does not parse; its broken documents are not analysed.',
});
