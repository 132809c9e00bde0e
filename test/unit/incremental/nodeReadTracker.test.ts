// NodeReadTracker: which kept nodes an edit can have touched, from the files they read; and forgetting nodes that went.
import { describe, expect, it } from 'vitest';
import { NodeReadTracker } from '../../../server/src/analysis/incremental/nodeReadTracker';
import { snapshotChanges } from '../../../server/src/analysis/incremental/snapshotChanges';
import type { AppNode } from '../../../server/src/analysis/model/types';
import { ParseCache } from '../../../server/src/analysis/parseCache';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { DEFAULT_PARSE_LIMITS } from '../../../server/src/analysis/yaml/parseYamlFile';
import { edited } from '../../support/editedSnapshot';

const node = (id: string): AppNode => ({ id }) as AppNode;

describe('NodeReadTracker', () => {
  const parseCache = new ParseCache(DEFAULT_PARSE_LIMITS);
  const base = snapshotFromTexts({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n' });

  it('trusts a node whose files did not change, not one whose file did; after files came or went, not one whose listing changed', () => {
    const tracker = new NodeReadTracker();
    const first = new RepoIndex(base, DEFAULT_PARSE_LIMITS, parseCache);
    const reader = { a: node('reads-a'), b: node('reads-b'), top: node('lists-top'), apps: node('lists-apps') };
    tracker.begin(first);
    // Nothing is trusted before anything was tracked.
    expect(tracker.trusts(reader.a)).toBe(false);
    tracker.track(reader.a, [first.recordReads(() => first.parsed('a.yaml')).reads]);
    tracker.track(reader.b, [first.recordReads(() => first.parsed('b.yaml')).reads]);
    tracker.track(reader.top, [first.recordReads(() => first.filesIn('')).reads]);
    tracker.track(reader.apps, [first.recordReads(() => first.filesUnder('apps')).reads]);

    const next = edited(base, { 'a.yaml': 'a: 2\n' });
    const second = RepoIndex.following(first, next, snapshotChanges(base, next), parseCache);
    tracker.begin(second);
    expect(tracker.trusts(reader.a)).toBe(false);
    expect(tracker.trusts(reader.b)).toBe(true);
    expect(tracker.trusts(reader.top)).toBe(true);
    // Another object for the same id is not the tracked node.
    expect(tracker.trusts(node('reads-b'))).toBe(false);

    // A file comes at the top: the top folder's listing changes, the other reads answer as before.
    const grown = { ...next, files: new Map([...next.files, ['c.yaml', { kind: 'text' as const, text: 'c: 1\n' }]]) };
    const third = RepoIndex.following(second, grown, snapshotChanges(next, grown), parseCache);
    tracker.begin(third);
    expect(tracker.trusts(reader.b)).toBe(true);
    expect(tracker.trusts(reader.apps)).toBe(true);
    expect(tracker.trusts(reader.top)).toBe(false);

    // A folder and a file in it come: what lists that folder is touched.
    const withFolder = { ...grown, files: new Map([...grown.files, ['apps/d.yaml', { kind: 'text' as const, text: 'd: 1\n' }]]), directories: new Set([...grown.directories, 'apps']) };
    const fourth = RepoIndex.following(third, withFolder, snapshotChanges(grown, withFolder), parseCache);
    tracker.begin(fourth);
    expect(tracker.trusts(reader.b)).toBe(true);
    expect(tracker.trusts(reader.apps)).toBe(false);

    // A Helm chart comes: any file may parse differently, nothing is trusted.
    const chart = { ...withFolder, files: new Map([...withFolder.files, ['Chart.yaml', { kind: 'text' as const, text: 'name: top\n' }]]) };
    tracker.begin(RepoIndex.following(fourth, chart, snapshotChanges(withFolder, chart), parseCache));
    expect(tracker.trusts(reader.b)).toBe(false);
  });

  it('forgets the nodes a model no longer has', () => {
    const tracker = new NodeReadTracker();
    const first = new RepoIndex(base, DEFAULT_PARSE_LIMITS, parseCache);
    tracker.begin(first);
    const kept = node('kept');
    const gone = node('gone');
    tracker.track(kept, [[]]);
    tracker.track(gone, [[]]);
    tracker.retainNodes((id) => id === 'kept');
    const same = { ...base, files: new Map(base.files) };
    tracker.begin(RepoIndex.following(first, same, snapshotChanges(base, same), parseCache));
    expect(tracker.trusts(kept)).toBe(true);
    expect(tracker.trusts(gone)).toBe(false);
  });
});
