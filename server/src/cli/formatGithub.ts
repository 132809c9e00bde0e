// GitHub Actions workflow commands for `check --format github`: one annotation per finding.
import type { Severity } from '../analysis/rules/rule';
import type { PrintedFinding } from './formatFindings';

const COMMANDS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/**
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`, one line per finding
 * (`::warning` for warnings, `::notice` for info and hints). Related locations follow the message on
 * their own lines, encoded as `%0A` like every line break. `pathPrefix` makes paths relative to the
 * git repository root, where GitHub looks for them.
 */
export function formatGithub(findings: readonly PrintedFinding[], pathPrefix: string): string {
  return findings
    .map((finding) => {
      const properties = [
        `file=${escapeProperty(`${pathPrefix}${finding.file}`)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(finding.ruleId)}`,
      ].join(',');
      const related = finding.related.map((item) => `\n${pathPrefix}${item.file}:${item.line}:${item.column}: ${item.message}`).join('');
      return `::${COMMANDS[finding.severity]} ${properties}::${escapeData(`${finding.message}${related}`)}`;
    })
    .join('\n');
}

/** The escaping GitHub's runner applies to a command's message: `%`, carriage return and line feed. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping of a property value: as for the message, plus `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
