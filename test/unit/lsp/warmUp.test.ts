// The language server's warm-up edits: which files they touch, and that the analysis after them equals the first one.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { OverlaidFiles } from '../../../server/src/analysis/overlaidFiles';
import { snapshotFromTexts, type RepoSnapshot } from '../../../server/src/analysis/snapshot';
import { graphView } from '../../../server/src/analysis/views/graphView';
import { planView } from '../../../server/src/analysis/views/planView';
import { WARM_UP_ROUNDS, warmUpSnapshots } from '../../../server/src/lsp/warmUp';
import { readRepository } from '../../../server/src/host/readRepository';
import { listModel } from '../../support/modelListing';

const HOMELAB = resolve(__dirname, '../../../examples/homelab');

/** The files a list of snapshots changed from `base`, with the lines they added. */
function changedFiles(base: RepoSnapshot, snapshots: readonly RepoSnapshot[]): string[] {
  return snapshots.map((snapshot) => {
    const changed = [...snapshot.files.keys()].filter((path) => snapshot.files.get(path) !== base.files.get(path));
    expect(changed).toHaveLength(1);
    const path = changed[0] ?? '';
    const before = base.files.get(path);
    const after = snapshot.files.get(path);
    const added = before?.kind === 'text' && after?.kind === 'text' && after.text.startsWith(before.text) ? after.text.slice(before.text.length) : '(not an append)';
    return `${path} +${JSON.stringify(added)}`;
  });
}

/** What a user sees of an analysis. */
function observable(analysis: Analysis): string {
  return JSON.stringify({ findings: analysis.findings, plan: planView(analysis), graph: graphView(analysis), model: listModel(analysis, { resources: true }) });
}

describe('warmUpSnapshots', () => {
  it('appends a comment to a manifest of an ordered leaf Application and to a written leaf Application, once per round', async () => {
    const disk = await readRepository(HOMELAB);
    const base: RepoSnapshot = { ...disk, files: new OverlaidFiles(disk.files, new Map()) };
    const first = analyze(base, {});
    expect(warmUpSnapshots(base, first.model)).toHaveLength(2 * WARM_UP_ROUNDS);
    const snapshots = warmUpSnapshots(base, first.model, 2);
    expect(changedFiles(base, snapshots)).toMatchInlineSnapshot(`
      [
        "infrastructure/controllers/1password-connect/namespace.yaml +"\\n# gitops-waves warm-up 0\\n"",
        "infrastructure/controllers/argocd/apps/1password-connect.yaml +"\\n# gitops-waves warm-up 0\\n"",
        "infrastructure/controllers/1password-connect/namespace.yaml +"\\n# gitops-waves warm-up 1\\n"",
        "infrastructure/controllers/argocd/apps/1password-connect.yaml +"\\n# gitops-waves warm-up 1\\n"",
      ]
    `);
    // Over the same base as the analysed snapshot's overlay: the memo compares replacements only.
    for (const snapshot of snapshots) expect((snapshot.files as OverlaidFiles).base).toBe(disk.files);
  });

  it('leaves the memo following the first snapshot: the analysis after the warm-up equals the first', async () => {
    const disk = await readRepository(HOMELAB);
    const base: RepoSnapshot = { ...disk, files: new OverlaidFiles(disk.files, new Map()) };
    const memo = new AnalysisMemo();
    const first = analyze(base, { memo });
    const warmUps = warmUpSnapshots(base, first.model);
    expect(warmUps.length).toBeGreaterThan(0);
    for (const snapshot of warmUps) analyze(snapshot, { memo });
    const again = analyze(base, { memo });
    expect(observable(again)).toBe(observable(first));
    // And an edit after it is analysed as a fresh analysis would.
    const path = 'infrastructure/apps/cert-manager.yaml';
    const file = base.files.get(path);
    const edited: RepoSnapshot = { ...base, files: new OverlaidFiles(disk.files, new Map([[path, { kind: 'text', text: `${file?.kind === 'text' ? file.text : ''}\n# typed\n` }]])) };
    expect(observable(analyze(edited, { memo }))).toBe(observable(analyze(edited, {})));
  });

  it('is empty for a repository without an ordered leaf Application', () => {
    const snapshot = snapshotFromTexts({ 'deploy/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n' });
    expect(warmUpSnapshots(snapshot, analyze(snapshot, {}).model)).toEqual([]);
  });
});
