// Where each rule's documentation page is published, for SARIF `helpUri` and links in CI output.

/** The base URL of the rule pages; a rule's page is `<base><group>/<name>.md`. */
export const RULE_DOCS_BASE_URL = 'https://github.com/gitops-waves/gitops-waves/blob/main/docs/rules/';

/** The project's home page (SARIF `tool.driver.informationUri`). */
export const PROJECT_URL = 'https://github.com/gitops-waves/gitops-waves';

/** The documentation page of a rule id such as `parse/yaml-syntax`. */
export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
