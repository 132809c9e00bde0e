// RepoIndex.following, snapshotChanges, scanEveryFile and ReadMemo: what is carried over after an edit, and what is not.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ReadMemo } from '../../../server/src/analysis/incremental/readMemo';
import { ReadersIndex } from '../../../server/src/analysis/incremental/readersIndex';
import { snapshotChanges } from '../../../server/src/analysis/incremental/snapshotChanges';
import { ParseCache } from '../../../server/src/analysis/parseCache';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts, type RepoSnapshot, type SnapshotFile } from '../../../server/src/analysis/snapshot';
import { DEFAULT_PARSE_LIMITS } from '../../../server/src/analysis/yaml/parseYamlFile';

const TEXTS = {
  'apps/a.yaml': 'kind: ConfigMap\nmetadata: {name: a}\n',
  'apps/b.yaml': 'kind: Secret\nmetadata: {name: b}\n',
  'chart/templates/deploy.yaml': 'kind: {{ .Values.kind }}\n',
  'chart/values.yaml': 'replicas: 1\n',
};

/** A snapshot that shares the unchanged entries of `base` (as a host keeps them) with some entries replaced or removed. */
function edited(base: RepoSnapshot, changes: Record<string, string | null>): RepoSnapshot {
  const files = new Map<string, SnapshotFile>(base.files);
  const directories = new Set(base.directories);
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) files.delete(path);
    else files.set(path, { kind: 'text', text });
    for (let folder = path.slice(0, Math.max(0, path.lastIndexOf('/'))); folder !== '' && !directories.has(folder); folder = folder.slice(0, Math.max(0, folder.lastIndexOf('/')))) directories.add(folder);
  }
  return { ...base, files, directories };
}

describe('snapshotChanges', () => {
  const base = snapshotFromTexts(TEXTS);

  it('lists only what differs, and calls an edit of a text not structural', () => {
    expect(snapshotChanges(base, edited(base, {}))).toEqual({ files: new Set(), structural: false });
    expect(snapshotChanges(base, edited(base, { 'apps/a.yaml': 'kind: ConfigMap\n' }))).toEqual({ files: new Set(['apps/a.yaml']), structural: false });
    // The same text in a new entry object is no change.
    expect(snapshotChanges(base, edited(base, { 'apps/b.yaml': TEXTS['apps/b.yaml'] }))).toEqual({ files: new Set(), structural: false });
  });

  it('calls files that come or go structural, with their paths', () => {
    expect(snapshotChanges(base, edited(base, { 'apps/c.yaml': 'x: 1\n' }))).toEqual({ files: new Set(['apps/c.yaml']), structural: true });
    expect(snapshotChanges(base, edited(base, { 'apps/a.yaml': null }))).toEqual({ files: new Set(['apps/a.yaml']), structural: true });
    // One file replaced by another: same count, both paths.
    expect(snapshotChanges(base, edited(edited(base, { 'apps/a.yaml': null }), { 'apps/z.yaml': 'x: 1\n' }))).toEqual({ files: new Set(['apps/a.yaml', 'apps/z.yaml']), structural: true });
  });
});

describe('RepoIndex.following', () => {
  const parseCache = new ParseCache(DEFAULT_PARSE_LIMITS);
  const base = snapshotFromTexts(TEXTS);

  function follow(previous: RepoIndex, next: RepoSnapshot): RepoIndex {
    return RepoIndex.following(previous, next, snapshotChanges(previous.snapshot, next), parseCache);
  }

  function answers(index: RepoIndex): unknown {
    return {
      files: index.allFiles(),
      inApps: index.filesIn('apps'),
      underChart: index.filesUnder('chart'),
      charts: [...index.chartRoots()],
      mentioningSecret: index.filesMentioning('Secret'),
      parsed: index.allFiles().map((path) => index.parsed(path)?.documents.map((document) => document.value) ?? null),
    };
  }

  it('answers as a new index would after edits, additions and removals', () => {
    const first = new RepoIndex(base, DEFAULT_PARSE_LIMITS, parseCache);
    answers(first);
    const changes: Record<string, string | null>[] = [{ 'apps/a.yaml': 'kind: Secret\n' }, { 'apps/c.yaml': 'kind: Secret\n' }, { 'apps/b.yaml': null }];
    for (const change of changes) {
      const next = edited(first.snapshot, change);
      expect(answers(follow(first, next))).toEqual(answers(new RepoIndex(next, DEFAULT_PARSE_LIMITS, new ParseCache(DEFAULT_PARSE_LIMITS))));
    }
  });

  it('keeps the parse of an unchanged file and re-parses a changed one', () => {
    const first = new RepoIndex(base, DEFAULT_PARSE_LIMITS, parseCache);
    const before = { a: first.parsed('apps/a.yaml'), b: first.parsed('apps/b.yaml') };
    const next = follow(first, edited(base, { 'apps/a.yaml': 'kind: Namespace\n' }));
    expect(next.parsed('apps/b.yaml')).toBe(before.b);
    expect(next.parsed('apps/a.yaml')).not.toBe(before.a);
    expect(next.parsed('apps/a.yaml')?.documents[0]?.value).toEqual({ kind: 'Namespace' });
  });

  it('stops parsing files that a new Chart.yaml turns into Helm templates', () => {
    const texts = { ...TEXTS, 'other/templates/x.yaml': 'kind: ConfigMap\n' };
    const first = new RepoIndex(snapshotFromTexts(texts), DEFAULT_PARSE_LIMITS, parseCache);
    expect(first.parsed('other/templates/x.yaml')).toBeDefined();
    const next = follow(first, edited(first.snapshot, { 'other/Chart.yaml': 'name: other\n' }));
    expect(next.parsed('other/templates/x.yaml')).toBeUndefined();
  });
});

describe('RepoIndex.scanEveryFile', () => {
  const parseCache = new ParseCache(DEFAULT_PARSE_LIMITS);
  const secretsIn = (index: RepoIndex, path: string): string[] =>
    (index.parsed(path)?.documents ?? []).map((document) => (document.value as { kind?: string } | null)?.kind).filter((kind): kind is string => kind === 'Secret');

  it('keeps its list when the changed files have no items, and rebuilds it when they have', () => {
    const first = new RepoIndex(snapshotFromTexts(TEXTS), DEFAULT_PARSE_LIMITS, parseCache);
    const secrets = first.scanEveryFile('secrets', secretsIn);
    expect(secrets).toEqual(['Secret']);
    const quiet = edited(first.snapshot, { 'apps/a.yaml': 'kind: ConfigMap\nmetadata: {name: renamed}\n' });
    const second = RepoIndex.following(first, quiet, snapshotChanges(first.snapshot, quiet), parseCache);
    expect(second.scanEveryFile('secrets', secretsIn)).toBe(secrets);
    const loud = edited(second.snapshot, { 'apps/a.yaml': 'kind: Secret\n' });
    const third = RepoIndex.following(second, loud, snapshotChanges(second.snapshot, loud), parseCache);
    expect(third.scanEveryFile('secrets', secretsIn)).toEqual(['Secret', 'Secret']);
  });

  it('follows edits that give files items, take them away, add and remove files: the items of a fresh scan, in path order', () => {
    const paths = ['a.yaml', 'a-b.yaml', 'a/b.yaml', 'B.yaml', 'z/y/x.yaml', 'é.yaml'];
    const namesIn = (index: RepoIndex, path: string): string[] =>
      (index.parsed(path)?.documents ?? []).map((document) => (document.value as { metadata?: { name?: string } } | null)?.metadata?.name).filter((name): name is string => typeof name === 'string');
    const textOf = (items: number, path: string): string | null => (items < 0 ? null : Array.from({ length: items }, (_, at) => `kind: Secret\nmetadata: {name: ${path}-${at}}\n`).join('---\n') || 'kind: ConfigMap\n');
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.nat({ max: paths.length - 1 }), fc.integer({ min: -1, max: 2 })), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (steps) => {
        let index = new RepoIndex(snapshotFromTexts({ 'keep.yaml': 'kind: Secret\nmetadata: {name: keep}\n' }), DEFAULT_PARSE_LIMITS, new ParseCache(DEFAULT_PARSE_LIMITS));
        index.scanEveryFile('names', namesIn);
        for (const step of steps) {
          const changes: Record<string, string | null> = {};
          for (const [at, items] of step) changes[paths[at] as string] = textOf(items, paths[at] as string);
          for (const [path, text] of Object.entries(changes)) if (text === null && !index.snapshot.files.has(path)) delete changes[path];
          const next = edited(index.snapshot, changes);
          index = RepoIndex.following(index, next, snapshotChanges(index.snapshot, next), new ParseCache(DEFAULT_PARSE_LIMITS));
          const fresh = new RepoIndex(next, DEFAULT_PARSE_LIMITS, new ParseCache(DEFAULT_PARSE_LIMITS));
          expect(index.scanEveryFile('names', namesIn)).toEqual(fresh.scanEveryFile('names', namesIn));
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** What the first document of `path` says its kind is (a derivation reading one file). */
const kindOf =
  (path: string) =>
  (index: RepoIndex): unknown =>
    (index.parsed(path)?.documents[0]?.value as { kind?: string } | undefined)?.kind;

/** The index that follows `previous` after `changes`. */
function followWith(parseCache: ParseCache, previous: RepoIndex, changes: Record<string, string>): RepoIndex {
  const next = edited(previous.snapshot, changes);
  return RepoIndex.following(previous, next, snapshotChanges(previous.snapshot, next), parseCache);
}

describe('ReadMemo', () => {
  it('reuses a value while the files it read are unchanged, and forgets entries an analysis did not use', () => {
    const parseCache = new ParseCache(DEFAULT_PARSE_LIMITS);
    const memo = new ReadMemo<string>();
    let computed = 0;
    const readA = (index: RepoIndex) => () => {
      computed++;
      return JSON.stringify(index.parsed('apps/a.yaml')?.documents[0]?.value);
    };
    const first = new RepoIndex(snapshotFromTexts(TEXTS), DEFAULT_PARSE_LIMITS, parseCache);
    memo.nextGeneration();
    expect(memo.get(first, 'a', readA(first))).toBe('{"kind":"ConfigMap","metadata":{"name":"a"}}');
    const otherEdit = edited(first.snapshot, { 'apps/b.yaml': 'kind: Namespace\n' });
    const second = RepoIndex.following(first, otherEdit, snapshotChanges(first.snapshot, otherEdit), parseCache);
    memo.nextGeneration();
    memo.get(second, 'a', readA(second));
    expect(computed).toBe(1);
    const ownEdit = edited(second.snapshot, { 'apps/a.yaml': 'kind: Namespace\n' });
    const third = RepoIndex.following(second, ownEdit, snapshotChanges(second.snapshot, ownEdit), parseCache);
    memo.nextGeneration();
    expect(memo.get(third, 'a', readA(third))).toBe('{"kind":"Namespace"}');
    expect(computed).toBe(2);
    // Two analyses that do not ask for it: it is gone.
    memo.nextGeneration();
    memo.nextGeneration();
    expect(memo.size).toBe(0);
  });

  it('following indexes, carries a derivation forward untouched by an edit without asking its reads, and never past an edit it missed', () => {
    const parseCache = new ParseCache(DEFAULT_PARSE_LIMITS);
    const derivations = new ReadMemo<unknown>(undefined, { followsIndexes: true });
    let computed = 0;
    const kindOfA = (index: RepoIndex): unknown => {
      computed++;
      return (index.parsed('apps/a.yaml')?.documents[0]?.value as { kind?: string } | undefined)?.kind;
    };
    const follow = (previous: RepoIndex, changes: Record<string, string>): RepoIndex => {
      const next = edited(previous.snapshot, changes);
      return RepoIndex.following(previous, next, snapshotChanges(previous.snapshot, next), parseCache);
    };
    const first = new RepoIndex(snapshotFromTexts(TEXTS), DEFAULT_PARSE_LIMITS, parseCache, derivations);
    expect(first.derived('kind-of-a', kindOfA)).toBe('ConfigMap');
    // b edited: the derivation holds in the next index as it is, its reads not asked again.
    const second = follow(first, { 'apps/b.yaml': 'kind: Namespace\n' });
    const asked = vi.spyOn(second, 'answersAsBefore');
    expect(second.derived('kind-of-a', kindOfA)).toBe('ConfigMap');
    // Asked as already checked in this index (answered at once), not as checked in the one before.
    expect(asked.mock.calls.map(([, checkedIn]) => checkedIn)).toEqual([second.serial]);
    expect(computed).toBe(1);
    // a edited in an index nobody asks the derivation of, then b: the derivation is not carried past a's edit.
    const third = follow(second, { 'apps/a.yaml': 'kind: Secret\n' });
    const fourth = follow(third, { 'apps/b.yaml': 'kind: Service\n' });
    expect(fourth.derived('kind-of-a', kindOfA)).toBe('Secret');
    expect(computed).toBe(2);
  });

  it('does not carry a derivation kept, in an older index, after the step its changes were weighed at', () => {
    const parseCache = new ParseCache(DEFAULT_PARSE_LIMITS);
    const derivations = new ReadMemo<unknown>(undefined, { followsIndexes: true });
    const first = new RepoIndex(snapshotFromTexts(TEXTS), DEFAULT_PARSE_LIMITS, parseCache, derivations);
    // a edited: the step from the first index to the second knew no derivation reading a.
    const second = followWith(parseCache, first, { 'apps/a.yaml': 'kind: Secret\n' });
    // Asked in the first index only now: valid there, but a changed on the way to the second.
    expect(first.derived('kind-of-a', kindOf('apps/a.yaml'))).toBe('ConfigMap');
    expect(second.derived('kind-of-a', kindOf('apps/a.yaml'))).toBe('Secret');
    // Kept before the next step (b edited): carried past it.
    const third = followWith(parseCache, second, { 'apps/b.yaml': 'kind: Service\n' });
    const asked = vi.spyOn(third, 'answersAsBefore');
    expect(third.derived('kind-of-a', kindOf('apps/a.yaml'))).toBe('Secret');
    expect(asked.mock.calls.map(([, checkedIn]) => checkedIn)).toEqual([third.serial]);
  });

  it('names the derivations an edit may have changed, so readers of the others are not asked', () => {
    const parseCache = new ParseCache(DEFAULT_PARSE_LIMITS);
    const derivations = new ReadMemo<unknown>(undefined, { followsIndexes: true });
    const follow = (previous: RepoIndex, changes: Record<string, string>): RepoIndex => followWith(parseCache, previous, changes);
    const first = new RepoIndex(snapshotFromTexts(TEXTS), DEFAULT_PARSE_LIMITS, parseCache, derivations);
    derivations.nextGeneration();
    first.derived('kind-of-a', kindOf('apps/a.yaml'));
    first.derived('kind-of-b', kindOf('apps/b.yaml'));
    // a edited: only the derivation reading a may answer otherwise.
    const second = follow(first, { 'apps/a.yaml': 'kind: Secret\n' });
    expect([...(second.derivationsPossiblyChangedSince(first.serial) ?? ['unknown'])]).toEqual(['kind-of-a']);
    derivations.nextGeneration();
    expect(second.derived('kind-of-a', kindOf('apps/a.yaml'))).toBe('Secret');
    expect(second.derived('kind-of-b', kindOf('apps/b.yaml'))).toBe('Secret');
    // An edit that changes neither: nothing named; asked about an index this one does not follow: unknown.
    const third = follow(second, { 'chart/values.yaml': 'replicas: 2\n' });
    expect(third.derivationsPossiblyChangedSince(second.serial)?.size).toBe(0);
    expect(third.derivationsPossiblyChangedSince(first.serial)).toBeUndefined();
    // Two analyses that ask neither: their entries are forgotten, and so named (what they read may have changed unseen).
    derivations.nextGeneration();
    derivations.nextGeneration();
    const fourth = follow(third, { 'apps/b.yaml': 'kind: Service\n' });
    expect([...(fourth.derivationsPossiblyChangedSince(third.serial) ?? [])].sort()).toEqual(['kind-of-a', 'kind-of-b']);
    // Without kept derivations nothing is known.
    const plain = new RepoIndex(snapshotFromTexts(TEXTS), DEFAULT_PARSE_LIMITS, parseCache);
    expect(follow(plain, { 'apps/a.yaml': 'kind: Secret\n' }).derivationsPossiblyChangedSince(plain.serial)).toBeUndefined();
  });

  it('asks a reader of a derivation again only when the derivation may have changed', () => {
    const parseCache = new ParseCache(DEFAULT_PARSE_LIMITS);
    const derivations = new ReadMemo<unknown>(undefined, { followsIndexes: true });
    const follow = (previous: RepoIndex, changes: Record<string, string>): RepoIndex => followWith(parseCache, previous, changes);
    const readers = new ReadersIndex<string>();
    const first = new RepoIndex(snapshotFromTexts(TEXTS), DEFAULT_PARSE_LIMITS, parseCache, derivations);
    derivations.nextGeneration();
    for (const [key, path] of [['reader-of-a', 'apps/a.yaml'], ['reader-of-b', 'apps/b.yaml']] as const) {
      readers.add(key, [first.recordReads(() => first.derived(`kind-of-${path}`, kindOf(path))).reads]);
    }
    const second = follow(first, { 'apps/a.yaml': 'kind: Secret\n' });
    derivations.nextGeneration();
    const asked = vi.spyOn(second, 'derivationAnswers');
    const touched = new Set<string>();
    expect(readers.touched(second, first.serial, touched)).toBe(true);
    expect([...touched]).toEqual(['reader-of-a']);
    expect(asked.mock.calls.map(([name]) => name)).toEqual(['kind-of-apps/a.yaml']);
    // Asking every derivation finds the same keys.
    const everyOne = new Set<string>();
    readers.touched(second, first.serial, everyOne, { askEveryDerivation: true });
    expect([...everyOne]).toEqual(['reader-of-a']);
  });
});
