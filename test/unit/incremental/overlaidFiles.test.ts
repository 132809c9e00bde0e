// OverlaidFiles (a base map with replaced entries) reads and iterates like the map it stands for, and two overlays of one base compare by their replacements.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotChanges } from '../../../server/src/analysis/incremental/snapshotChanges';
import { OverlaidFiles } from '../../../server/src/analysis/overlaidFiles';
import { snapshotProblems } from '../../../server/src/analysis/snapshotProblems';
import type { RepoSnapshot, SnapshotFile } from '../../../server/src/analysis/snapshot';

const text = (value: string): SnapshotFile => ({ kind: 'text', text: value });

const BASE = new Map<string, SnapshotFile>([
  ['a.yaml', text('a: 1\n')],
  ['b.yaml', text('b: 1\n')],
  ['big.bin', { kind: 'skipped', reason: 'binary', detail: 'NUL byte at 3' }],
  ['c.yaml', text('c: 1\n')],
]);

/** What setting the replacements on a copy of the base would give. */
function copied(base: ReadonlyMap<string, SnapshotFile>, replacements: ReadonlyMap<string, SnapshotFile | undefined>): Map<string, SnapshotFile> {
  const files = new Map(base);
  for (const [path, file] of replacements) {
    if (file === undefined) files.delete(path);
    else files.set(path, file);
  }
  return files;
}

const snapshotOf = (files: ReadonlyMap<string, SnapshotFile>): RepoSnapshot => ({ files, directories: new Set(['']), gitRemoteUrls: [], walkProblems: [] });

/** Replacements of some base entries and some new paths: new texts, the same entries, removals. */
const replacementsArbitrary = fc
  .array(
    fc.tuple(
      fc.constantFrom('a.yaml', 'b.yaml', 'big.bin', 'c.yaml', 'd.yaml', 'e.yaml'),
      fc.oneof(
        fc.constant<'same' | 'remove'>('same'),
        fc.constant<'same' | 'remove'>('remove'),
        fc.string({ maxLength: 6 }).map((value) => `x: ${JSON.stringify(value)}\n`),
      ),
    ),
    { maxLength: 6 },
  )
  .map((entries) => {
    const replacements = new Map<string, SnapshotFile | undefined>();
    for (const [path, change] of entries) {
      if (change === 'remove') replacements.set(path, undefined);
      else if (change === 'same') replacements.set(path, BASE.get(path) ?? text('new\n'));
      else replacements.set(path, text(change));
    }
    return replacements;
  });

describe('OverlaidFiles', () => {
  it('reads, counts and iterates like a copy of the base with the replacements set', () => {
    fc.assert(
      fc.property(replacementsArbitrary, (replacements) => {
        const overlay = new OverlaidFiles(BASE, replacements);
        const expected = copied(BASE, replacements);
        expect([...overlay]).toEqual([...expected]);
        expect([...overlay.keys()]).toEqual([...expected.keys()]);
        expect(overlay.size).toBe(expected.size);
        for (const path of ['a.yaml', 'b.yaml', 'big.bin', 'c.yaml', 'd.yaml', 'e.yaml']) {
          expect(overlay.get(path)).toBe(expected.get(path));
          expect(overlay.has(path)).toBe(expected.has(path));
        }
      }),
    );
  });

  it('gives two overlays of one base the changes a full comparison of their copies gives', () => {
    fc.assert(
      fc.property(replacementsArbitrary, replacementsArbitrary, (before, after) => {
        const fast = snapshotChanges(snapshotOf(new OverlaidFiles(BASE, before)), snapshotOf(new OverlaidFiles(BASE, after)));
        const full = snapshotChanges(snapshotOf(copied(BASE, before)), snapshotOf(copied(BASE, after)));
        expect(fast).toEqual(full);
      }),
    );
  });

  it('reports skipped files of the base and of the replacements, and not replaced ones', () => {
    const problemsOf = (replacements: ReadonlyMap<string, SnapshotFile | undefined>): string[] =>
      snapshotProblems(snapshotOf(new OverlaidFiles(BASE, replacements))).map((found) => `${found.ruleId} ${found.location.file}`);
    expect(problemsOf(new Map())).toEqual(['parse/binary-file big.bin']);
    expect(problemsOf(new Map([['big.bin', text('now text\n')]]))).toEqual([]);
    expect(problemsOf(new Map([['d.yaml', { kind: 'skipped', reason: 'too-large', detail: '3 MB' }]]))).toEqual(['parse/binary-file big.bin', 'parse/file-too-large d.yaml']);
  });
});
