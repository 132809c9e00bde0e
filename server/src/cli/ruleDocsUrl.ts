// Where each rule's documentation page is published, for SARIF `helpUri` and links in CI output.

/** The base URL of the rule pages and a rule's page: one definition for the CLI and the language server. */
export { RULE_DOCS_BASE_URL, ruleDocsUrl } from '../analysis/rules/docsUrl';

/** The project's home page (SARIF `tool.driver.informationUri`). */
export const PROJECT_URL = 'https://github.com/gitops-waves/gitops-waves';
