// The real file systems' capped read: regular files only, within the cap, links not followed, pipes not waited on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockingNodeFileSystem, nodeFileSystem, type CappedRead } from '../../../server/src/host/fileSystem';

const folder = mkdtempSync(path.join(tmpdir(), 'gitops-waves-fs-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
writeFileSync(path.join(folder, 'small.yaml'), 'a: 1\n');
writeFileSync(path.join(folder, 'empty.yaml'), '');
writeFileSync(path.join(folder, 'big.yaml'), 'x'.repeat(2048));
symlinkSync(path.join(folder, 'small.yaml'), path.join(folder, 'link.yaml'));
let hasPipe = true;
try {
  execFileSync('mkfifo', [path.join(folder, 'pipe.yaml')]);
} catch {
  hasPipe = false;
}

const describeRead = (read: CappedRead): string => (read.kind === 'bytes' ? `bytes ${Buffer.from(read.bytes).toString('utf8')}` : read.kind === 'too-large' ? `too-large ${read.size}` : read.kind);

describe.each([
  ['blocking', blockingNodeFileSystem],
  ['asynchronous', nodeFileSystem],
])('readRegularFile (%s)', (_name, fileSystem) => {
  const read = (file: string, maxBytes = 1024) => fileSystem.readRegularFile(path.join(folder, file), maxBytes).then(describeRead);

  it('reads a regular file within the cap, an empty one too', async () => {
    expect(await read('small.yaml')).toBe('bytes a: 1\n');
    expect(await read('empty.yaml')).toBe('bytes ');
  });

  it('tells the size of a file over the cap without reading it', async () => {
    expect(await read('big.yaml')).toBe('too-large 2048');
    expect(await read('big.yaml', 2048)).toMatch(/^bytes x{2048}$/);
  });

  it('does not follow a final symbolic link', async () => {
    await expect(read('link.yaml')).rejects.toMatchObject({ code: 'ELOOP' });
  });

  it.skipIf(!hasPipe)('answers "not a file" for a named pipe at once (no writer to wait for)', async () => {
    expect(await read('pipe.yaml')).toBe('not-a-file');
  });

  it('rejects a missing file with its code', async () => {
    await expect(read('missing.yaml')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
