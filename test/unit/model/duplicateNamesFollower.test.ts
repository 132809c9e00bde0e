// Duplicate Application names followed across analyses: the findings equal a fresh analysis's after each edit, and are
// the same objects when the edit touched no node that shares a name.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { DuplicateNamesFollower } from '../../../server/src/analysis/model/duplicateNames';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { applicationText as application } from '../../support/applicationText';

const RULE = 'model/duplicate-application-name';

function duplicates(analysis: Analysis): string[] {
  return analysis.findings.filter((finding) => finding.ruleId === RULE).map((finding) => `${finding.location.file}:${finding.location.span.start} ${finding.message}`);
}

describe('duplicate Application names across analyses', () => {
  it('follow each edit as a fresh analysis does, keeping the problems when no node sharing a name changed', () => {
    let texts: Record<string, string> = {
      'apps/a.yaml': application('web', 'platform/web', 1),
      'apps/b.yaml': application('web', 'platform/web', 2),
      'apps/c.yaml': application('api', 'platform/web', 3),
      'platform/web/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
    };
    const memo = new AnalysisMemo();
    const first = analyze(snapshotFromTexts(texts), { memo });
    expect(duplicates(first)).toHaveLength(2);
    const problemsOf = (analysis: Analysis) => analysis.findings.filter((finding) => finding.ruleId === RULE);
    const edits: Record<string, string>[] = [
      // c, which shares no name, changes: the findings are kept as they are.
      { 'apps/c.yaml': application('api', 'platform/web', 4) },
      // A comment before b's name moves it: found again.
      { 'apps/b.yaml': `# moved\n${application('web', 'platform/web', 2)}` },
      // c takes the name: three share it.
      { 'apps/c.yaml': application('web', 'platform/web', 4) },
      // a and c rename: none shares a name.
      { 'apps/a.yaml': application('front', 'platform/web', 1), 'apps/c.yaml': application('api', 'platform/web', 4) },
      // a file with a duplicate comes.
      { 'apps/d.yaml': application('api', 'platform/web', 5) },
    ];
    let previous = first;
    const kept: boolean[] = [];
    // A follower of its own, given the same models: whether it hands back its last list (the same array).
    const follower = new DuplicateNamesFollower();
    let lastList = follower.find(first.index, first.model);
    const reused: boolean[] = [];
    for (const edit of edits) {
      texts = { ...texts, ...edit };
      const snapshot = snapshotFromTexts(texts);
      const analysis = analyze(snapshot, { memo });
      expect(duplicates(analysis), JSON.stringify(edit)).toEqual(duplicates(analyze(snapshot)));
      const before = problemsOf(previous);
      const now = problemsOf(analysis);
      kept.push(now.length > 0 && now.length === before.length && now.every((finding, at) => finding === before[at]));
      const list = follower.find(analysis.index, analysis.model);
      reused.push(list === lastList);
      lastList = list;
      previous = analysis;
    }
    expect(kept).toEqual([true, false, false, false, false]);
    expect(reused).toEqual([true, false, false, false, false]);
    expect(duplicates(previous)).toHaveLength(2);
  });
});
