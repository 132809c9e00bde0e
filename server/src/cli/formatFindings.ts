// Text and JSON renderings of findings for `check`.
import type { Analysis } from '../analysis/analyze';
import type { Finding, Severity } from '../analysis/rules/rule';

/** A finding with 1-based line/column positions, as printed. */
export interface PrintedFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly related: readonly { readonly message: string; readonly file: string; readonly line: number; readonly column: number }[];
}

/** Converts findings to printed positions (1-based lines and columns). */
export function printedFindings(analysis: Analysis): PrintedFinding[] {
  return analysis.findings.map((finding) => toPrinted(analysis, finding));
}

function toPrinted(analysis: Analysis, finding: Finding): PrintedFinding {
  const start = analysis.index.position(finding.location);
  const end = analysis.index.position({ file: finding.location.file, span: { start: finding.location.span.end, end: finding.location.span.end } });
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.location.file,
    line: start.line + 1,
    column: start.column + 1,
    endLine: end.line + 1,
    endColumn: end.column + 1,
    related: (finding.related ?? []).map((related) => {
      const position = analysis.index.position(related.location);
      return { message: related.message, file: related.location.file, line: position.line + 1, column: position.column + 1 };
    }),
  };
}

/** Counts of findings by severity. */
export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

const COLORS: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', hint: '\u001b[2m' };

/** `file:line:column severity rule-id message`, one per finding, then a summary line. */
export function formatFindingsText(findings: readonly PrintedFinding[], color: boolean): string {
  const lines: string[] = [];
  for (const finding of findings) {
    const severity = color ? `${COLORS[finding.severity]}${finding.severity}\u001b[0m` : finding.severity;
    lines.push(`${finding.file}:${finding.line}:${finding.column}  ${severity}  ${finding.ruleId}  ${finding.message}`);
    for (const related of finding.related) lines.push(`    ${related.file}:${related.line}:${related.column}  ${related.message}`);
  }
  const counts = countBySeverity(findings);
  lines.push(`${lines.length > 0 ? '\n' : ''}${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info, ${counts.hint} hint(s)`);
  return lines.join('\n');
}
