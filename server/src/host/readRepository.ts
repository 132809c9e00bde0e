// Reads a repository folder from disk into a RepoSnapshot: a bounded, symlink-safe walk plus the git remotes.
import path from 'node:path';
import type { RepoSnapshot } from '../analysis/snapshot';
import { createLimiter } from './concurrency';
import { blockingNodeFileSystem, type RepositoryFileSystem } from './fileSystem';
import { findGitRemoteUrls } from './gitRemotes';
import { walkRepository, type WalkResult } from './walkRepository';

/** The default cap on the size of a file read (2 MiB): `yaml` needs ~0.7 s and ~33 MB of heap per MB. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/** The default cap on the number of files listed. */
export const DEFAULT_MAX_FILES = 200_000;
/** File-system operations in flight at once: enough to keep libuv's thread pool busy. */
const MAX_CONCURRENT_OPERATIONS = 32;

/** Limits of {@link readRepository}, and the file system to use (tests wrap it). */
export interface ReadRepositoryOptions {
  /** Files bigger than this many bytes are listed as skipped and never read. Default 2 MiB. */
  maxFileBytes?: number;
  /** At most this many files are listed (and, separately, this many folders walked). Default 200,000. */
  maxFiles?: number;
  /** The file system to read; defaults to the real one through synchronous calls ({@link blockingNodeFileSystem}: fastest for a whole walk). */
  fileSystem?: RepositoryFileSystem;
}

/**
 * Reads the repository at `root` into a snapshot. Skips `.git`, `node_modules`, hidden folders and
 * `*.tgz`; reads `*.yaml`, `*.yml` and `*.json` (size-checked first, strict UTF-8) and only lists
 * other files; never follows a link out of the repository nor around a loop. Everything wrong inside
 * the repository becomes a skipped file or a walk problem. Rejects only when `root` is not a folder.
 */
export async function readRepository(root: string, options: ReadRepositoryOptions = {}): Promise<RepoSnapshot> {
  const fileSystem = withConcurrencyLimit(options.fileSystem ?? blockingNodeFileSystem, MAX_CONCURRENT_OPERATIONS);
  const rootRealPath = await resolveRootFolder(root, fileSystem);
  const [walked, gitRemoteUrls] = await Promise.all([
    walkRepository({
      rootRealPath,
      maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES,
      fileSystem,
    }),
    findGitRemoteUrls(rootRealPath, fileSystem),
  ]);
  return { files: walked.files, directories: walked.directories, gitRemoteUrls, walkProblems: walked.walkProblems };
}

/**
 * Walks one folder of a repository already read (a folder that came since, reached from the root without
 * folder links) with the same rules as {@link readRepository}: its files and folders, and the walk's problems.
 */
export async function readRepositoryFolder(rootRealPath: string, folder: string, options: ReadRepositoryOptions = {}): Promise<WalkResult> {
  const fileSystem = withConcurrencyLimit(options.fileSystem ?? blockingNodeFileSystem, MAX_CONCURRENT_OPERATIONS);
  return walkRepository({ rootRealPath, maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES, fileSystem, startFolder: folder });
}

/** The root's real path; rejects with a readable Error when it is missing or not a folder. */
async function resolveRootFolder(root: string, fileSystem: RepositoryFileSystem): Promise<string> {
  let rootRealPath: string;
  try {
    rootRealPath = await fileSystem.realPath(path.resolve(root));
  } catch {
    throw new Error(`Repository folder not found: ${root}`);
  }
  const stats = await fileSystem.stat(rootRealPath).catch(() => undefined);
  if (!stats?.isDirectory()) throw new Error(`Not a folder: ${root}`);
  return rootRealPath;
}

/** The same file system with every call going through one limiter. */
function withConcurrencyLimit(fileSystem: RepositoryFileSystem, maxInFlight: number): RepositoryFileSystem {
  const limit = createLimiter(maxInFlight);
  return {
    lstat: (file) => limit(() => fileSystem.lstat(file)),
    stat: (file) => limit(() => fileSystem.stat(file)),
    readFolder: (folder) => limit(() => fileSystem.readFolder(folder)),
    readFile: (file) => limit(() => fileSystem.readFile(file)),
    readRegularFile: (file, maxBytes) => limit(() => fileSystem.readRegularFile(file, maxBytes)),
    readLink: (file) => limit(() => fileSystem.readLink(file)),
    realPath: (file) => limit(() => fileSystem.realPath(file)),
  };
}
