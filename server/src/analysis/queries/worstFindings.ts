// The worst finding inside an object's document, for the tree and the graph (built once per list of findings).
import type { Finding, Severity } from '../rules/rule';
import { SEVERITIES } from '../rules/rule';
import type { Span } from '../text/span';

/** The worst finding of a span and how many findings it holds. */
export interface WorstFindingData {
  readonly finding: Finding;
  readonly count: number;
}

/** Finds the worst finding of spans of files; findings are grouped by file once. */
export class WorstFindings {
  readonly #byFile = new Map<string, Finding[]>();

  constructor(findings: readonly Finding[]) {
    for (const finding of findings) {
      const list = this.#byFile.get(finding.location.file);
      if (list) list.push(finding);
      else this.#byFile.set(finding.location.file, [finding]);
    }
  }

  /** The worst (then first) finding starting inside `span` of `file`, or undefined. */
  in(file: string, span: Span): WorstFindingData | undefined {
    let worst: Finding | undefined;
    let count = 0;
    for (const finding of this.#byFile.get(file) ?? []) {
      const start = finding.location.span.start;
      if (start < span.start || start > span.end) continue;
      count++;
      if (!worst || rank(finding.severity) < rank(worst.severity)) worst = finding;
    }
    return worst ? { finding: worst, count } : undefined;
  }
}

/** The worse of two severities (undefined counts as none). */
export function worseSeverity(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return rank(a) <= rank(b) ? a : b;
}

function rank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}
