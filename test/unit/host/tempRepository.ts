// Test helper: builds a throw-away folder tree (files, links) in the OS temp folder and a recording file system.
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SnapshotFile } from '../../../server/src/analysis/snapshot';
import { nodeFileSystem, type RepositoryFileSystem } from '../../../server/src/host/fileSystem';

/** A temporary sandbox: `repo/` is the repository under test; siblings play "outside the repository". */
export interface Sandbox {
  /** The real path of the sandbox folder. */
  readonly base: string;
  /** `<base>/repo`. */
  readonly repo: string;
  /** Writes files, relative to the sandbox (`repo/a.yaml`, `outside/secret.yaml`), creating folders. */
  write(files: Readonly<Record<string, string | Uint8Array>>): Promise<void>;
  /** Creates symbolic links: path (relative to the sandbox) → link text, exactly as given. */
  link(links: Readonly<Record<string, string>>): Promise<void>;
  /** Removes the sandbox. */
  remove(): Promise<void>;
}

/** Makes an empty sandbox with an empty `repo/` folder. */
export async function createSandbox(): Promise<Sandbox> {
  const base = await realpath(await mkdtemp(path.join(tmpdir(), 'gitops-waves-host-')));
  const repo = path.join(base, 'repo');
  await mkdir(repo);
  return {
    base,
    repo,
    async write(files) {
      for (const [file, content] of Object.entries(files)) {
        const absolute = path.join(base, file);
        await mkdir(path.dirname(absolute), { recursive: true });
        await writeFile(absolute, content);
      }
    },
    async link(links) {
      for (const [file, target] of Object.entries(links)) {
        const absolute = path.join(base, file);
        await mkdir(path.dirname(absolute), { recursive: true });
        await symlink(target, absolute);
      }
    },
    remove: () => rm(base, { recursive: true, force: true }),
  };
}

/** The real file system, recording every absolute path whose bytes were read. */
export function recordingFileSystem(): { fileSystem: RepositoryFileSystem; readPaths: string[] } {
  const readPaths: string[] = [];
  const fileSystem: RepositoryFileSystem = {
    ...nodeFileSystem,
    readFile: (file) => {
      readPaths.push(file);
      return nodeFileSystem.readFile(file);
    },
    readRegularFile: (file, maxBytes) => {
      // Recorded only when the bytes are read (a file over the cap or not a file is not read).
      return nodeFileSystem.readRegularFile(file, maxBytes).then((read) => {
        if (read.kind === 'bytes') readPaths.push(file);
        return read;
      });
    },
  };
  return { fileSystem, readPaths };
}

/** A compact view of a snapshot's files: `path: kind[/reason detail]`. */
export function describeFiles(files: ReadonlyMap<string, SnapshotFile>): string[] {
  return [...files].map(([file, entry]) => (entry.kind === 'skipped' ? `${file}: skipped ${entry.reason} (${entry.detail})` : `${file}: ${entry.kind}`));
}
