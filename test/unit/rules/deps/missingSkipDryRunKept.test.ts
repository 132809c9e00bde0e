// deps/missing-skip-dry-run across analyses: its findings are kept while the needs and the nodes they name are the same, and follow a renamed provider or dependent.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../../server/src/analysis/snapshot';
import { missingSkipDryRun } from '../../../../server/src/analysis/rules/deps/missing-skip-dry-run';
import { applicationText as application } from '../../../support/applicationText';
import { crdUserOtherTexts, widget, withoutPathLine as body } from './dependencyFixtures';

function messages(analysis: Analysis): string[] {
  return analysis.findings.filter((finding) => finding.ruleId === 'deps/missing-skip-dry-run').map((finding) => `${finding.location.file}:${finding.location.span.start} ${finding.message} ${JSON.stringify(finding.fixes?.map((fix) => fix.title))}`);
}

describe('deps/missing-skip-dry-run with a memo', () => {
  it('says what a fresh analysis says after each edit, renames of either side included', () => {
    let texts = crdUserOtherTexts();
    const memo = new AnalysisMemo();
    const first = analyze(snapshotFromTexts(texts), { memo });
    expect(messages(first)).toHaveLength(1);
    // The check's own list, asked again of each analysis: the same array when it was kept.
    let lastList = missingSkipDryRun.check(first);
    const kept: boolean[] = [];
    const edits: Record<string, string>[] = [
      { 'platform/other/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other2\n' },
      { 'apps/crds.yaml': application('crd-installer', 'platform/crds', 1) },
      { 'apps/user.yaml': application('widget-user', 'platform/user', 1) },
      { 'apps/user.yaml': `# a comment moves the fix\n${application('widget-user', 'platform/user', 1)}` },
      // The option on the Application: the needs stay as they were, the finding goes.
      { 'apps/user.yaml': application('widget-user', 'platform/user', 1).replace('spec:\n', 'spec:\n  syncPolicy:\n    syncOptions:\n      - SkipDryRunOnMissingResource=true\n') },
      { 'apps/user.yaml': application('widget-user', 'platform/user', 1) },
      { 'platform/user/widget.yaml': body(widget('user', 'first', '    argocd.argoproj.io/sync-options: SkipDryRunOnMissingResource=true')) },
    ];
    const seen: string[][] = [];
    for (const edit of edits) {
      texts = { ...texts, ...edit };
      const snapshot = snapshotFromTexts(texts);
      const analysis = analyze(snapshot, { memo });
      const found = messages(analysis);
      const list = missingSkipDryRun.check(analysis);
      kept.push(list === lastList);
      lastList = list;
      expect(found, JSON.stringify(edit)).toEqual(messages(analyze(snapshot)));
      seen.push(found);
    }
    // The renames show in the message, and the option on the resource ends the finding.
    expect(seen[1]![0]).toContain('crd-installer is not ready');
    expect(seen[2]![0]).toContain("widget-user's sync");
    expect(seen[4]).toEqual([]);
    expect(seen[5]).toHaveLength(1);
    expect(seen[6]).toEqual([]);
    // Kept only after the edit of a file no node it names reads.
    expect(kept).toEqual([true, false, false, false, false, false, false]);
  });
});
