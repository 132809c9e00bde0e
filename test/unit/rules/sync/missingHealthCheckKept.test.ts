// sync/missing-application-health-check across analyses: a parent made new by one child's change keeps its problem while it names the same children, in the same places.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../../server/src/analysis/snapshot';
import { missingApplicationHealthCheck } from '../../../../server/src/analysis/rules/sync/missing-application-health-check';
import { applicationText as application } from '../../../support/applicationText';

const RULE = 'sync/missing-application-health-check';

/** The rule's findings as text, related places (with their offsets) included. */
function described(analysis: Analysis): string[] {
  return analysis.findings
    .filter((finding) => finding.ruleId === RULE)
    .map((finding) => `${finding.location.file}:${finding.location.span.start} ${finding.message} | ${(finding.related ?? []).map((item) => `${item.location.file}:${item.location.span.start} ${item.message}`).join('; ')}`);
}

const configMap = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('sync/missing-application-health-check with a memo', () => {
  it('keeps the problem object through a child resource edit and makes it again when a child file, wave or name changes', () => {
    let texts: Record<string, string> = {
      'root.yaml': application('root', 'apps', 0),
      'apps/kustomization.yaml': 'resources:\n  - a.yaml\n  - b.yaml\n  - c.yaml\n',
      'apps/a.yaml': application('a', 'platform/a', 0),
      'apps/b.yaml': application('b', 'platform/b', 1),
      'apps/c.yaml': application('c', 'platform/c', 2),
      'platform/a/config.yaml': configMap('a'),
      'platform/b/config.yaml': configMap('b'),
      'platform/c/config.yaml': configMap('c'),
    };
    const memo = new AnalysisMemo();
    const first = analyze(snapshotFromTexts(texts), { memo });
    expect(described(first)).toHaveLength(1);
    let lastProblem = missingApplicationHealthCheck.check(first)[0];
    const edits: Record<string, string>[] = [
      // Child a's resources: a is a new node, and so is root; the problem names the same children in the same places.
      { 'platform/a/config.yaml': configMap('a2') },
      { 'platform/b/config.yaml': configMap('b2') },
      // A comment above child a moves its wave annotation.
      { 'apps/a.yaml': `# moved\n${application('a', 'platform/a', 0)}` },
      { 'apps/b.yaml': application('b', 'platform/b', 3) },
      { 'apps/a.yaml': `# moved\n${application('a-renamed', 'platform/a', 0)}` },
      { 'platform/c/config.yaml': configMap('c2') },
    ];
    const kept: boolean[] = [];
    const seen: string[][] = [];
    for (const edit of edits) {
      texts = { ...texts, ...edit };
      const snapshot = snapshotFromTexts(texts);
      const analysis = analyze(snapshot, { memo });
      const problem = missingApplicationHealthCheck.check(analysis)[0];
      kept.push(problem === lastProblem);
      lastProblem = problem;
      const found = described(analysis);
      expect(found, JSON.stringify(edit)).toEqual(described(analyze(snapshot)));
      seen.push(found);
    }
    expect(seen[2]![0]).toContain('apps/a.yaml:');
    expect(seen[3]![0]).toContain('waves 0, 2, 3');
    expect(seen[4]![0]).toContain('a-renamed (wave 0)');
    expect(kept).toEqual([true, true, false, false, false, true]);
  });
});
