// DiskSnapshot.refresh: re-reading only the changed paths gives the same snapshot as a full walk.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RepoSnapshot } from '../../../server/src/analysis/snapshot';
import { DiskSnapshot, isExcludedPath } from '../../../server/src/host/diskSnapshot';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'gitops-waves-disk-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(repoPath: string, text: string): void {
  const file = path.join(root, repoPath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A snapshot as plain data, for comparison. */
function plain(snapshot: RepoSnapshot): unknown {
  return { files: Object.fromEntries([...snapshot.files].sort(([a], [b]) => (a < b ? -1 : 1))), directories: [...snapshot.directories].sort() };
}

describe('DiskSnapshot', () => {
  it('updates created, changed and deleted files and folders like a full walk would', async () => {
    write('apps/a.yaml', 'a: 1\n');
    write('apps/b.yaml', 'b: 1\n');
    write('old/deep/c.yaml', 'c: 1\n');
    write('README.md', '# r\n');
    const disk = await DiskSnapshot.read(root);
    const before = disk.current();

    write('apps/a.yaml', 'a: 2\n');
    unlinkSync(path.join(root, 'apps/b.yaml'));
    write('apps/new.yml', 'n: 1\n');
    write('apps/notes.txt', 'listed only\n');
    rmSync(path.join(root, 'old'), { recursive: true });
    expect(await disk.refresh(['apps/a.yaml', 'apps/b.yaml', 'apps/new.yml', 'apps/notes.txt', 'old'])).toBe('updated');

    expect(plain(disk.current())).toEqual(plain((await DiskSnapshot.read(root)).current()));
    // Snapshots handed out earlier are not affected.
    expect(before.files.get('apps/a.yaml')).toEqual({ kind: 'text', text: 'a: 1\n' });
    expect(before.files.has('old/deep/c.yaml')).toBe(true);
  });

  it('walks a new folder in place (like a full walk would), and reads an extensionless Kustomization as the walk does', async () => {
    write('apps/a.yaml', 'a: 1\n');
    const disk = await DiskSnapshot.read(root);
    write('fresh/x.yaml', 'x: 1\n');
    write('fresh/deeper/y.yaml', 'y: 1\n');
    write('fresh/deeper/notes.md', '# notes\n');
    write('apps/Kustomization', 'resources:\n  - a.yaml\n');
    expect(await disk.refresh(['fresh', 'fresh/deeper', 'fresh/x.yaml', 'apps/Kustomization'])).toBe('updated');
    expect(plain(disk.current())).toEqual(plain((await DiskSnapshot.read(root)).current()));
    expect(disk.current().files.get('apps/Kustomization')).toEqual({ kind: 'text', text: 'resources:\n  - a.yaml\n' });
  });

  it('asks for a full re-read for a new folder holding a link, for symbolic links, and ignores excluded paths', async () => {
    write('apps/a.yaml', 'a: 1\n');
    const disk = await DiskSnapshot.read(root);
    write('linked/x.yaml', 'x: 1\n');
    symlinkSync(os.tmpdir(), path.join(root, 'linked/outside'));
    expect(await disk.refresh(['linked'])).toBe('needs-rescan');
    symlinkSync(path.join(root, 'apps/a.yaml'), path.join(root, 'apps/link.yaml'));
    expect(await disk.refresh(['apps/link.yaml'])).toBe('needs-rescan');
    write('.github/workflows/ci.yaml', 'on: push\n');
    write('node_modules/p/x.yaml', 'x: 1\n');
    expect(await disk.refresh(['.github/workflows/ci.yaml', 'node_modules/p/x.yaml', '.git', 'node_modules'])).toBe('updated');
    expect([...disk.current().files.keys()]).toEqual(['apps/a.yaml']);
  });

  it('excludes the paths the walk never lists', () => {
    expect(['.git/config', 'a/.hidden/x.yaml', 'node_modules/x.yaml', 'charts/c-1.0.0.tgz'].map(isExcludedPath)).toEqual([true, true, true, true]);
    expect(['.gitops-waves.yaml', 'apps/x.yaml', 'a.b/c.yaml'].map(isExcludedPath)).toEqual([false, false, false]);
  });
});
