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
import { WARM_UP_ROUNDS, warmUpSnapshots } from '../../../server/src/lsp/warmUp';
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

/** The first run of a scheduler over a small repository with warm-up edits: what it read and did, in order, and what it published. */
async function firstRun(settings: { readonly warmUpBudgetMs?: number } = {}): Promise<{ events: string[]; results: AnalysisResult[] }> {
  const disk = snapshotFromTexts({
    'root.yaml': application('root', 'apps', 0),
    'apps/kustomization.yaml': 'resources:\n  - web.yaml\n',
    'apps/web.yaml': application('web', 'platform/web', 2),
    'platform/web/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
  });
  const events: string[] = [];
  const snapshot = logged({ ...disk, files: new OverlaidFiles(disk.files, new Map()) }, 'snapshot', events);
  const results: AnalysisResult[] = [];
  await new Promise<void>((resolve) => {
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
      ...settings,
    });
    scheduler.request(0);
  });
  return { events, results };
}

describe('AnalysisScheduler: the first run', () => {
  it('analyses, runs the warm-up edits, collects the garbage, then analyses again and publishes that', async () => {
    const { events, results } = await firstRun();
    // Each analysis also reads the snapshot before it (the memo diffs them): what matters is what comes first.
    const collectedAt = events.indexOf('collect');
    expect(events.filter((event) => event === 'collect')).toHaveLength(1);
    expect(events.slice(0, events.indexOf('warm-up 0'))).toEqual(['snapshot']);
    const warmUps = [...new Set(events.filter((event) => event.startsWith('warm-up')))];
    expect(warmUps).toEqual(Array.from({ length: 2 * WARM_UP_ROUNDS }, (_, position) => `warm-up ${position}`));
    for (const label of warmUps) expect(events.indexOf(label), label).toBeLessThan(collectedAt);
    expect(events.slice(collectedAt + 1)).toContain('snapshot');
    expect(events.at(-1)).toBe('published');
    expect(results[0]?.analysis.model.nodes.map((node) => node.name)).toEqual(['root', 'web']);
  });

  it('stops warming up once the warm-up has taken its time budget, and still collects and publishes', async () => {
    const { events, results } = await firstRun({ warmUpBudgetMs: 0 });
    expect(new Set(events.filter((event) => event.startsWith('warm-up')))).toEqual(new Set(['warm-up 0']));
    expect(events.indexOf('collect')).toBeGreaterThan(events.indexOf('warm-up 0'));
    expect(events.at(-1)).toBe('published');
    expect(results[0]?.analysis.model.nodes.map((node) => node.name)).toEqual(['root', 'web']);
  });
});
