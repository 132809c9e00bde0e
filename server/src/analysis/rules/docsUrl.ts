// Where each rule's documentation page is published: one base URL for every host (LSP codeDescription, SARIF helpUri).

/** The folder of the rule pages (`docs/rules/` of the repository), ending with `/`. */
export const RULE_DOCS_BASE_URL = 'https://github.com/gitops-waves/gitops-waves/blob/main/docs/rules/';

/** The documentation page of a rule id (`group/kebab-name` → `…/docs/rules/group/kebab-name.md`). */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
