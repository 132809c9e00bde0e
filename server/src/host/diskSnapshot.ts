// DiskSnapshot: a repository read from disk once, then kept current by re-reading only the paths reported changed.
import path from 'node:path';
import type { RepoSnapshot, SnapshotFile, WalkProblem } from '../analysis/snapshot';
import { parentDirectory } from '../analysis/snapshot';
import { errorCode, nodeFileSystem, type RepositoryFileSystem } from './fileSystem';
import { readRepository, readRepositoryFolder, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES, type ReadRepositoryOptions } from './readRepository';
import { IGNORED_FILE_NAME, READ_FILE_NAME } from './walkRepository';
import { readSnapshotFile } from './readSnapshotFile';

/** What re-reading a batch of changed paths needs next. */
export type RefreshOutcome =
  /** The snapshot is current. */
  | 'updated'
  /**
   * A change the incremental path does not handle (a new folder holding a link or past the file cap, a symbolic link, a path through a
   * folder link): the caller should {@link DiskSnapshot.read} the repository again.
   */
  | 'needs-rescan';


/**
 * A repository's files as last read from disk. {@link read} walks the whole folder (with every
 * safety rule of `readRepository`); {@link refresh} re-reads a few changed paths and edits the
 * snapshot in place. {@link current} hands out an immutable copy, so an analysis running on it is
 * never disturbed by later refreshes.
 */
export class DiskSnapshot {
  readonly #root: string;
  readonly #rootRealPath: string;
  readonly #options: ReadRepositoryOptions;
  readonly #fileSystem: RepositoryFileSystem;
  readonly #files: Map<string, SnapshotFile>;
  readonly #directories: Set<string>;
  /** The copy `current` hands out, until the next change. */
  #published: RepoSnapshot | undefined;
  readonly #gitRemoteUrls: readonly string[];
  readonly #walkProblems: readonly WalkProblem[];

  private constructor(root: string, rootRealPath: string, options: ReadRepositoryOptions, snapshot: RepoSnapshot) {
    this.#root = root;
    this.#rootRealPath = rootRealPath;
    this.#options = options;
    this.#fileSystem = options.fileSystem ?? nodeFileSystem;
    this.#files = new Map(snapshot.files);
    this.#directories = new Set(snapshot.directories);
    this.#gitRemoteUrls = snapshot.gitRemoteUrls;
    this.#walkProblems = snapshot.walkProblems;
  }

  /** Walks the repository at `root` (an absolute folder path). Rejects only when `root` is not a folder. */
  static async read(root: string, options: ReadRepositoryOptions = {}): Promise<DiskSnapshot> {
    const fileSystem = options.fileSystem ?? nodeFileSystem;
    const snapshot = await readRepository(root, options);
    const rootRealPath = await fileSystem.realPath(path.resolve(root));
    return new DiskSnapshot(path.resolve(root), rootRealPath, options, snapshot);
  }

  /** Walks the same repository again from scratch, with the same options. */
  reread(): Promise<DiskSnapshot> {
    return DiskSnapshot.read(this.#root, this.#options);
  }

  /** Number of files listed. */
  get fileCount(): number {
    return this.#files.size;
  }

  /**
   * An immutable copy of the current state: the same one until the next change on disk (each refresh
   * makes one copy), so successive snapshots share their maps. Callers must not change it.
   */
  current(): RepoSnapshot {
    this.#published ??= {
      files: new Map(this.#files),
      directories: new Set(this.#directories),
      gitRemoteUrls: this.#gitRemoteUrls,
      walkProblems: this.#walkProblems,
    };
    return this.#published;
  }

  /**
   * Re-reads the given repository-relative paths (created, changed or deleted files or folders).
   * Paths the full walk would skip (inside hidden folders or `node_modules`, `*.tgz`) are ignored.
   * Never throws: unreadable files become skipped entries, as in the full walk.
   */
  async refresh(paths: Iterable<string>): Promise<RefreshOutcome> {
    for (const repoPath of paths) {
      if (repoPath === '' || isExcludedPath(repoPath)) continue;
      const outcome = await this.#refreshOne(repoPath);
      if (outcome === 'needs-rescan') return outcome;
    }
    return 'updated';
  }

  async #refreshOne(repoPath: string): Promise<RefreshOutcome> {
    const absolutePath = path.join(this.#rootRealPath, ...repoPath.split('/'));
    let stats;
    try {
      stats = await this.#fileSystem.lstat(absolutePath);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
        this.#forget(repoPath);
        return 'updated';
      }
      return 'needs-rescan';
    }
    if (stats.isSymbolicLink()) return 'needs-rescan';
    if (stats.isDirectory()) return this.#directories.has(repoPath) || isSkippedFolderName(repoPath) ? 'updated' : this.#addFolder(repoPath);
    if (!stats.isFile()) {
      this.#forget(repoPath);
      return 'updated';
    }
    if (!(await this.#reachedWithoutLinks(repoPath))) return 'needs-rescan';
    const entry: SnapshotFile = READ_FILE_NAME.test(repoPath)
      ? await readSnapshotFile(absolutePath, stats, this.#options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, this.#fileSystem)
      : { kind: 'listed' };
    this.#published = undefined;
    this.#files.set(repoPath, entry);
    for (let folder = parentDirectory(repoPath); folder !== '' && !this.#directories.has(folder); folder = parentDirectory(folder)) {
      this.#directories.add(folder);
    }
    return 'updated';
  }

  /**
   * Walks a folder that came (reached without folder links) and adds what it holds; a full re-read when that
   * walk met a problem (a link out of the repository or around a loop, the file cap), which the full walk reports.
   */
  async #addFolder(repoPath: string): Promise<RefreshOutcome> {
    if (!(await this.#reachedWithoutLinks(`${repoPath}/-`))) return 'needs-rescan';
    const maxFiles = (this.#options.maxFiles ?? DEFAULT_MAX_FILES) - this.#files.size;
    if (maxFiles <= 0) return 'needs-rescan';
    const walked = await readRepositoryFolder(this.#rootRealPath, repoPath, { ...this.#options, maxFiles, fileSystem: this.#fileSystem });
    if (walked.walkProblems.length > 0) return 'needs-rescan';
    this.#published = undefined;
    for (const [path, file] of walked.files) this.#files.set(path, file);
    for (const folder of walked.directories) this.#directories.add(folder);
    for (let folder = parentDirectory(repoPath); folder !== '' && !this.#directories.has(folder); folder = parentDirectory(folder)) this.#directories.add(folder);
    return 'updated';
  }

  /** True when the file's folder is where its path says, with no folder link on the way (those need the full walk's checks). */
  async #reachedWithoutLinks(repoPath: string): Promise<boolean> {
    const folder = parentDirectory(repoPath);
    const expected = folder === '' ? this.#rootRealPath : path.join(this.#rootRealPath, ...folder.split('/'));
    const actual = await this.#fileSystem.realPath(expected).catch(() => undefined);
    return actual === expected;
  }

  /** Removes a file, or a folder with everything under it. */
  #forget(repoPath: string): void {
    this.#published = undefined;
    this.#files.delete(repoPath);
    if (!this.#directories.has(repoPath)) return;
    const prefix = `${repoPath}/`;
    this.#directories.delete(repoPath);
    for (const folder of [...this.#directories]) if (folder.startsWith(prefix)) this.#directories.delete(folder);
    for (const file of [...this.#files.keys()]) if (file.startsWith(prefix)) this.#files.delete(file);
  }
}

/** True when the path's last segment names a folder the walk never enters (hidden, `node_modules`). */
function isSkippedFolderName(repoPath: string): boolean {
  const name = repoPath.slice(repoPath.lastIndexOf('/') + 1);
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * True for paths the full walk never lists: anything inside a hidden folder (`.git`, `.github`…) or
 * `node_modules`, and packaged charts (`*.tgz`). Hidden *files* (`.gitops-waves.yaml`) are listed.
 */
export function isExcludedPath(repoPath: string): boolean {
  const segments = repoPath.split('/');
  const folders = segments.slice(0, -1);
  if (folders.some((segment) => segment.startsWith('.') || segment === 'node_modules')) return true;
  return IGNORED_FILE_NAME.test(segments[segments.length - 1] ?? '');
}
