// Tests of readRepository on real temporary folders: skipping, symlink containment, caps, decoding, git remotes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readRepository } from '../../../server/src/host/readRepository';
import { snapshotProblems } from '../../../server/src/analysis/snapshotProblems';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { locate } from '../../../server/src/analysis/yaml/yamlDocument';
import type { RepositoryFileSystem } from '../../../server/src/host/fileSystem';
import { renderProblems } from '../../support/fixture';
import { createSandbox, describeFiles, recordingFileSystem, type Sandbox } from './tempRepository';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await createSandbox();
});
afterEach(async () => {
  await sandbox.remove();
});

/** The problems of a snapshot, one line each (no source excerpt: these problems are about whole files). */
function problemLines(snapshot: Awaited<ReturnType<typeof readRepository>>): string {
  return renderProblems(snapshotProblems(snapshot), {});
}

describe('readRepository: what is walked', () => {
  it('reads YAML and JSON (any case), lists other files, and skips .git, node_modules, hidden folders and *.tgz', async () => {
    await sandbox.write({
      'repo/apps/root.yaml': 'kind: Application\n',
      'repo/apps/values.YML': 'a: 1\n',
      'repo/apps/data.Json': '{"a": 1}\n',
      'repo/apps/_helpers.tpl': '{{ define "x" }}{{ end }}\n',
      'repo/README.md': '# hi\n',
      'repo/.sops.yaml': 'creation_rules: []\n',
      'repo/charts/thing-1.0.0.tgz': 'not really a tarball',
      'repo/.git/config': '[core]\n',
      'repo/.github/workflows/ci.yaml': 'on: push\n',
      'repo/node_modules/pkg/package.json': '{}\n',
      'repo/apps/node_modules/x.yaml': 'a: 1\n',
      'repo/empty/.keep': '',
    });
    const { fileSystem, readPaths } = recordingFileSystem();
    const snapshot = await readRepository(sandbox.repo, { fileSystem });
    expect(describeFiles(snapshot.files)).toEqual([
      '.sops.yaml: text',
      'README.md: listed',
      'apps/_helpers.tpl: listed',
      'apps/data.Json: text',
      'apps/root.yaml: text',
      'apps/values.YML: text',
      'empty/.keep: listed',
    ]);
    expect([...snapshot.directories]).toEqual(['', 'apps', 'charts', 'empty']);
    expect(snapshot.files.get('apps/root.yaml')).toEqual({ kind: 'text', text: 'kind: Application\n' });
    // Only the four YAML/JSON files were read (plus nothing under .git but its config, by the git-remote lookup).
    expect(readPaths.filter((file) => !file.includes(`${path.sep}.git${path.sep}`)).map((file) => path.relative(sandbox.repo, file)).sort()).toEqual([
      '.sops.yaml',
      'apps/data.Json',
      'apps/root.yaml',
      'apps/values.YML',
    ]);
    expect(snapshot.walkProblems).toEqual([]);
  });

  it('rejects a missing root folder with a clear error, and a file given as root', async () => {
    await sandbox.write({ 'repo/a.yaml': 'a: 1\n' });
    await expect(readRepository(path.join(sandbox.base, 'nope'))).rejects.toThrow(/Repository folder not found: .*nope/);
    await expect(readRepository(path.join(sandbox.repo, 'a.yaml'))).rejects.toThrow(/Not a folder/);
  });

  it('keeps the same files under the file-count cap on every run and reports the cap once', async () => {
    await sandbox.write({ 'repo/a.yaml': 'a: 1\n', 'repo/b.txt': 'b', 'repo/sub/c.yaml': 'c: 1\n', 'repo/sub/d.yaml': 'd: 1\n', 'repo/sub/e.yaml': 'e: 1\n' });
    const first = await readRepository(sandbox.repo, { maxFiles: 3 });
    const second = await readRepository(sandbox.repo, { maxFiles: 3 });
    expect([...first.files.keys()]).toEqual(['a.yaml', 'b.txt', 'sub/c.yaml']);
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    expect(problemLines(first)).toMatchInlineSnapshot(`"sub/d.yaml parse/file-count-cap Repository walk stopped: more than 3 files; this file and the rest were not listed."`);
  });
});

describe('readRepository: symbolic links', () => {
  it('never follows or reads a link to /etc or to a file outside the repository', async () => {
    await sandbox.write({ 'outside/secret.yaml': 'password: hunter2\n', 'repo/ok.yaml': 'a: 1\n' });
    await sandbox.link({
      'repo/etc': '/etc',
      'repo/passwd.yaml': '/etc/passwd',
      'repo/secret.yaml': '../outside/secret.yaml',
      'repo/sneaky.yaml': `${sandbox.base}/outside/secret.yaml`,
      'repo/inner': '../outside',
      'repo/apps/through-inner.yaml': '../inner/secret.yaml',
    });
    const { fileSystem, readPaths } = recordingFileSystem();
    const snapshot = await readRepository(sandbox.repo, { fileSystem });
    expect(readPaths.some((file) => file.startsWith('/etc') || file.includes(`${path.sep}outside${path.sep}`))).toBe(false);
    expect(describeFiles(snapshot.files)).toEqual(['ok.yaml: text']);
    const rendered = problemLines(snapshot);
    expect(rendered.split('\n')).toEqual([
      'apps/through-inner.yaml parse/symlink-escape Symbolic link not followed: its target "../inner/secret.yaml" resolves outside the repository through another link.',
      'etc parse/symlink-escape Symbolic link not followed: its target "/etc" is an absolute path.',
      'inner parse/symlink-escape Symbolic link not followed: its target "../outside" leads out of the repository.',
      'passwd.yaml parse/symlink-escape Symbolic link not followed: its target "/etc/passwd" is an absolute path.',
      'secret.yaml parse/symlink-escape Symbolic link not followed: its target "../outside/secret.yaml" leads out of the repository.',
      `sneaky.yaml parse/symlink-escape Symbolic link not followed: its target "${sandbox.base}/outside/secret.yaml" is an absolute path.`,
    ]);
    // Messages quote only the link text: the outside file's resolved path never appears for relative links.
    expect(rendered.split('\n').filter((line) => !line.startsWith('sneaky.yaml')).some((line) => line.includes(sandbox.base))).toBe(false);
  });

  it('refuses an absolute target even when it points inside the repository, like Argo CD', async () => {
    await sandbox.write({ 'repo/real/app.yaml': 'a: 1\n' });
    await sandbox.link({ 'repo/alias.yaml': path.join(sandbox.repo, 'real/app.yaml') });
    const snapshot = await readRepository(sandbox.repo);
    expect([...snapshot.files.keys()]).toEqual(['real/app.yaml']);
    expect(snapshot.walkProblems.map((item) => `${item.kind} ${item.location.file}`)).toEqual(['symlink-escape alias.yaml']);
  });

  it('reads a link to a file inside the repository as its own path, and follows a folder link once', async () => {
    await sandbox.write({ 'repo/base/kustomization.yaml': 'resources: []\n', 'repo/real/app.yaml': 'kind: A\n' });
    await sandbox.link({ 'repo/alias.yaml': 'real/app.yaml', 'repo/overlays/prod/base': '../../base', 'repo/broken.yaml': 'missing.yaml', 'repo/broken-notes': 'missing.txt' });
    const snapshot = await readRepository(sandbox.repo);
    expect(describeFiles(snapshot.files)).toEqual([
      'alias.yaml: text',
      'base/kustomization.yaml: text',
      'broken.yaml: skipped unreadable (broken symbolic link: its target "missing.yaml" does not exist)',
      'overlays/prod/base/kustomization.yaml: text',
      'real/app.yaml: text',
    ]);
    expect(snapshot.files.get('alias.yaml')).toEqual({ kind: 'text', text: 'kind: A\n' });
    expect(snapshot.directories.has('overlays/prod/base')).toBe(true);
    expect(snapshot.walkProblems).toEqual([]);
  });

  it('ends on a link to its own folder and reports it once', async () => {
    await sandbox.write({ 'repo/x.yaml': 'a: 1\n', 'repo/sub/y.yaml': 'b: 1\n' });
    await sandbox.link({ 'repo/a': '.', 'repo/sub/up': '..' });
    const snapshot = await readRepository(sandbox.repo);
    expect([...snapshot.files.keys()]).toEqual(['sub/y.yaml', 'x.yaml']);
    expect(problemLines(snapshot)).toMatchInlineSnapshot(`
      "a parse/symlink-loop Symbolic link not followed: it points back to the repository root, which is already being walked.
      sub/up parse/symlink-loop Symbolic link not followed: it points back to the repository root, which is already being walked."
    `);
  });

  it('ends on links pointing at each other (a -> b -> a) and reports each link once', async () => {
    await sandbox.link({ 'repo/a': 'b', 'repo/b': 'a', 'repo/c.yaml': 'd.yaml', 'repo/d.yaml': 'c.yaml' });
    const snapshot = await readRepository(sandbox.repo);
    expect(snapshot.files.size).toBe(0);
    expect(problemLines(snapshot)).toMatchInlineSnapshot(`
      "a parse/symlink-loop Symbolic link not followed: its target "b" leads back to itself through links.
      b parse/symlink-loop Symbolic link not followed: its target "a" leads back to itself through links.
      c.yaml parse/symlink-loop Symbolic link not followed: its target "d.yaml" leads back to itself through links.
      d.yaml parse/symlink-loop Symbolic link not followed: its target "c.yaml" leads back to itself through links."
    `);
  });

  it('ends on folders linking to each other and reports each link once, where it really is', async () => {
    await sandbox.write({ 'repo/x/f.yaml': 'f: 1\n', 'repo/y/g.yaml': 'g: 1\n' });
    await sandbox.link({ 'repo/x/to-y': '../y', 'repo/y/to-x': '../x' });
    const snapshot = await readRepository(sandbox.repo);
    expect([...snapshot.files.keys()]).toEqual(['x/f.yaml', 'x/to-y/g.yaml', 'y/g.yaml', 'y/to-x/f.yaml']);
    expect(snapshot.walkProblems.map((item) => `${item.kind} ${item.location.file}`)).toEqual(['symlink-loop x/to-y', 'symlink-loop y/to-x']);
  });

  it('gives up on a chain of more than 10 links', async () => {
    await sandbox.write({ 'repo/end.yaml': 'a: 1\n' });
    const links: Record<string, string> = { 'repo/l0.yaml': 'end.yaml' };
    for (let index = 1; index <= 11; index++) links[`repo/l${index}.yaml`] = `l${index - 1}.yaml`;
    await sandbox.link(links);
    const snapshot = await readRepository(sandbox.repo);
    expect(snapshot.files.get('l9.yaml')?.kind).toBe('text');
    expect(snapshot.files.has('l10.yaml')).toBe(false);
    expect(snapshot.walkProblems.map((item) => `${item.kind} ${item.location.file}`)).toEqual(['symlink-loop l10.yaml', 'symlink-loop l11.yaml']);
  });
});

describe('readRepository: file contents', () => {
  it('never reads a file over the default 2 MiB cap', async () => {
    const big = `a: "${'x'.repeat(3.1 * 1024 * 1024)}"\n`;
    await sandbox.write({ 'repo/big.yaml': big, 'repo/small.yaml': 'a: 1\n' });
    const { fileSystem, readPaths } = recordingFileSystem();
    const snapshot = await readRepository(sandbox.repo, { fileSystem });
    expect(readPaths.some((file) => file.endsWith('big.yaml'))).toBe(false);
    expect(describeFiles(snapshot.files)).toEqual(['big.yaml: skipped too-large (3.1 MB > 2 MB cap)', 'small.yaml: text']);
    expect(problemLines(snapshot)).toMatchInlineSnapshot(`"big.yaml parse/file-too-large File not read: it is over the size cap (3.1 MB > 2 MB cap); it is not analysed."`);
  });

  it('applies a configurable cap, also to files reached through a link', async () => {
    await sandbox.write({ 'repo/medium.json': `{"a": "${'x'.repeat(200)}"}`, 'repo/tiny.yaml': 'a: 1\n' });
    await sandbox.link({ 'repo/alias.json': 'medium.json' });
    const { fileSystem, readPaths } = recordingFileSystem();
    const snapshot = await readRepository(sandbox.repo, { fileSystem, maxFileBytes: 100 });
    expect(readPaths.some((file) => file.endsWith('medium.json'))).toBe(false);
    expect(describeFiles(snapshot.files)).toEqual([
      'alias.json: skipped too-large (209 bytes > 100 bytes cap)',
      'medium.json: skipped too-large (209 bytes > 100 bytes cap)',
      'tiny.yaml: text',
    ]);
  });

  it('skips binary (NUL byte, PNG header) and latin-1 files with the right reason', async () => {
    await sandbox.write({
      'repo/nul.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0x00, 0x31]),
      'repo/image.json': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'repo/latin1.yaml': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x3a, 0x20, 0x31, 0x0a]),
      'repo/utf8.yaml': 'café: 1\n',
    });
    const snapshot = await readRepository(sandbox.repo);
    expect(describeFiles(snapshot.files)).toEqual([
      'image.json: skipped binary (NUL byte at offset 8)',
      'latin1.yaml: skipped not-utf8 (not valid UTF-8)',
      'nul.yaml: skipped binary (NUL byte at offset 3)',
      'utf8.yaml: text',
    ]);
    expect(problemLines(snapshot)).toMatchInlineSnapshot(`
      "image.json parse/binary-file File skipped: it holds binary data (NUL byte at offset 8); it is not analysed.
      latin1.yaml parse/not-utf8 File skipped: it is not valid UTF-8 text (not valid UTF-8); it is not analysed.
      nul.yaml parse/binary-file File skipped: it holds binary data (NUL byte at offset 3); it is not analysed."
    `);
  });

  it('drops a UTF-8 byte-order mark, so positions equal those of the same file without it', async () => {
    const text = 'metadata:\n  name: web\n  annotations:\n    argocd.argoproj.io/sync-wave: "3"\n';
    await sandbox.write({ 'repo/plain.yaml': text, 'repo/bom.yaml': `\uFEFF${text}` });
    const snapshot = await readRepository(sandbox.repo);
    expect(snapshot.files.get('bom.yaml')).toEqual({ kind: 'text', text });
    const index = new RepoIndex(snapshot);
    const where = (file: string) => locate(index.parsed(file)!.documents[0]!, ['metadata', 'annotations', 'argocd.argoproj.io/sync-wave']);
    expect(where('bom.yaml')).toEqual(where('plain.yaml'));
    expect(where('bom.yaml')?.key?.start).toBe(text.indexOf('argocd.argoproj.io'));
  });

  it('reports unreadable files and folders without throwing', async () => {
    await sandbox.write({ 'repo/locked.yaml': 'a: 1\n', 'repo/ok.yaml': 'b: 1\n', 'repo/secret/x.yaml': 'c: 1\n' });
    const { fileSystem } = recordingFileSystem();
    const permissionDenied = (): Error => Object.assign(new Error(`EACCES: permission denied, open '/somewhere/private'`), { code: 'EACCES' });
    const failing: RepositoryFileSystem = {
      ...fileSystem,
      readFile: (file) => (file.endsWith('locked.yaml') ? Promise.reject(permissionDenied()) : fileSystem.readFile(file)),
      readRegularFile: (file, maxBytes) => (file.endsWith('locked.yaml') ? Promise.reject(permissionDenied()) : fileSystem.readRegularFile(file, maxBytes)),
      readFolder: (folder) => (folder.endsWith(`${path.sep}secret`) ? Promise.reject(permissionDenied()) : fileSystem.readFolder(folder)),
    };
    const snapshot = await readRepository(sandbox.repo, { fileSystem: failing });
    expect([...snapshot.directories]).toEqual(['', 'secret']);
    expect(problemLines(snapshot)).toMatchInlineSnapshot(`
      "locked.yaml parse/unreadable File skipped: could not be read (EACCES); it is not analysed.
      secret parse/unreadable Folder skipped: the folder could not be listed (EACCES); nothing in it is analysed."
    `);
  });
});

describe('readRepository: git remotes', () => {
  const config = [
    '[core]',
    '\trepositoryformatversion = 0',
    '[remote "origin"]',
    '\turl = https://github.com/example/gitops.git',
    '\tfetch = +refs/heads/*:refs/remotes/origin/*',
    '[branch "main"]',
    '\tremote = origin',
    '[Remote "mirror"]',
    '\tURL = "git@gitlab.example.com:team/gitops.git" ; a comment',
    '',
  ].join('\n');

  it('reads the remotes of .git/config without running git', async () => {
    await sandbox.write({ 'repo/.git/config': config, 'repo/a.yaml': 'a: 1\n' });
    const snapshot = await readRepository(sandbox.repo);
    expect(snapshot.gitRemoteUrls).toEqual(['https://github.com/example/gitops.git', 'git@gitlab.example.com:team/gitops.git']);
  });

  it('finds the enclosing checkout when the analysed folder is a subfolder of it', async () => {
    await sandbox.write({ 'repo/.git/config': config, 'repo/clusters/prod/app.yaml': 'a: 1\n' });
    const snapshot = await readRepository(path.join(sandbox.repo, 'clusters'));
    expect(snapshot.gitRemoteUrls).toEqual(['https://github.com/example/gitops.git', 'git@gitlab.example.com:team/gitops.git']);
    expect([...snapshot.files.keys()]).toEqual(['prod/app.yaml']);
  });

  it('follows a worktree .git file to the shared config', async () => {
    await sandbox.write({
      'main/.git/config': config,
      'main/.git/worktrees/feature/commondir': '../..\n',
      'repo/.git': `gitdir: ${path.join(sandbox.base, 'main/.git/worktrees/feature')}\n`,
      'repo/a.yaml': 'a: 1\n',
    });
    const snapshot = await readRepository(sandbox.repo);
    expect(snapshot.gitRemoteUrls).toEqual(['https://github.com/example/gitops.git', 'git@gitlab.example.com:team/gitops.git']);
  });

  it('has no remotes outside a git checkout', async () => {
    await sandbox.write({ 'repo/a.yaml': 'a: 1\n' });
    expect((await readRepository(sandbox.repo)).gitRemoteUrls).toEqual([]);
  });
});

const corpus = path.resolve(__dirname, '../../../../shared/corpus');

describe.skipIf(!existsSync(corpus))('readRepository on the real corpus (skipped when ../shared/corpus is absent)', () => {
  it('reads every corpus repository without walk problems or skipped files', async () => {
    const snapshot = await readRepository(corpus);
    const texts = [...snapshot.files.values()].filter((file) => file.kind === 'text').length;
    expect(texts).toBeGreaterThan(1000);
    expect(snapshotProblems(snapshot)).toEqual([]);
  });
});
