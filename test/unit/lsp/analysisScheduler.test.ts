// The scheduler's first run: the analysis, the warm-up edits, the full collection, then the analysis whose result is published.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { OverlaidFiles } from '../../../server/src/analysis/overlaidFiles';
import { snapshotFromTexts, type RepoSnapshot } from '../../../server/src/analysis/snapshot';
import { AnalysisScheduler, type AnalysisResult } from '../../../server/src/lsp/analysisScheduler';
import { CrashJournal } from '../../../server/src/lsp/crashJournal';
import { warmUpSnapshots } from '../../../server/src/lsp/warmUp';
import { applicationText as application } from '../../support/applicationText';

const stateFolder = mkdtempSync(path.join(tmpdir(), 'gitops-waves-scheduler-'));
afterAll(() => rmSync(stateFolder, { recursive: true, force: true }));

/** A snapshot whose file reads are logged under `label` (once per run of reads). */
function logged(snapshot: RepoSnapshot, label: string, events: string[]): RepoSnapshot {
  const files = new Proxy(snapshot.files, {
    get(target, property) {
      if (property === 'get' && events.at(-1) !== label) events.push(label);
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { ...snapshot, files };
}

describe('AnalysisScheduler: the first run', () => {
  it('analyses, runs the warm-up edits, collects the garbage, then analyses again and publishes that', async () => {
    const disk = snapshotFromTexts({
      'root.yaml': application('root', 'apps', 0),
      'apps/kustomization.yaml': 'resources:\n  - web.yaml\n',
      'apps/web.yaml': application('web', 'platform/web', 2),
      'platform/web/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
    });
    const events: string[] = [];
    const snapshot = logged({ ...disk, files: new OverlaidFiles(disk.files, new Map()) }, 'snapshot', events);
    const results: AnalysisResult[] = [];
    const published = new Promise<void>((resolve) => {
      const scheduler = new AnalysisScheduler({
        takeInput: () => ({ snapshot, openDocuments: new Map(), hostProblems: [], hostRules: [], options: {} }),
        memo: new AnalysisMemo(),
        journal: new CrashJournal(path.join(stateFolder, 'journal.json'), 'folder'),
        log: { info: () => undefined, warn: () => undefined, error: (message) => events.push(`error ${message}`) },
        onResult: (result) => {
          results.push(result);
          events.push('published');
          resolve();
        },
        warmUpSnapshots: (current, analysis) => warmUpSnapshots(current, analysis.model).map((edited, position) => logged(edited, `warm-up ${position}`, events)),
        collectGarbage: () => events.push('collect'),
      });
      scheduler.request(0);
    });
    await published;
    // Each analysis also reads the snapshot before it (the memo diffs them): what matters is what comes first.
    const collectedAt = events.indexOf('collect');
    expect(events.filter((event) => event === 'collect')).toHaveLength(1);
    expect(events.slice(0, events.indexOf('warm-up 0'))).toEqual(['snapshot']);
    for (const label of ['warm-up 0', 'warm-up 1', 'warm-up 2', 'warm-up 3']) expect(events.indexOf(label), label).toBeLessThan(collectedAt);
    expect(events.slice(collectedAt + 1)).toContain('snapshot');
    expect(events.at(-1)).toBe('published');
    expect(results[0]?.analysis.model.nodes.map((node) => node.name)).toEqual(['root', 'web']);
  });
});
