// Decides whether `check` fails (exit 1) from the findings' severities and `--fail-on`.
import { SEVERITIES, type Severity } from '../analysis/rules/rule';
import type { FailOn } from './args';

/** True when some finding is at least as severe as `failOn` (never for `never`). */
export function failsOn(findings: readonly { readonly severity: Severity }[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = SEVERITIES.indexOf(failOn);
  return findings.some((finding) => SEVERITIES.indexOf(finding.severity) <= threshold);
}
