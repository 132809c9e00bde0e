// The few file-system calls the repository reader makes, behind an interface tests can wrap or fake.
import { closeSync, constants, fstatSync, lstatSync, openSync, promises as fsPromises, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, statSync } from 'node:fs';

/** What the reader needs to know about a file-system entry. */
export interface EntryStats {
  readonly size: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** One entry of a folder listing; the type comes from the listing itself, without a stat. */
export interface FolderEntry {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/** A file read only when it is a regular file within a size cap. */
export type CappedRead =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'not-a-file' }
  | { readonly kind: 'too-large'; readonly size: number };

/**
 * The file-system operations `readRepository` performs, all asynchronous. Production code uses
 * {@link nodeFileSystem}; tests pass a wrapper to prove which files were (not) read.
 */
export interface RepositoryFileSystem {
  /** Stats an entry without following a final symbolic link. */
  lstat(path: string): Promise<EntryStats>;
  /** Stats an entry, following symbolic links. */
  stat(path: string): Promise<EntryStats>;
  /** Lists a folder with entry types. */
  readFolder(path: string): Promise<readonly FolderEntry[]>;
  /** Reads a whole file's bytes. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Reads a file that is a regular file of at most `maxBytes` (told from the opened file's own stats: one
   * stat, and no window between the check and the read); a final symbolic link is not followed.
   */
  readRegularFile(path: string, maxBytes: number): Promise<CappedRead>;
  /** The text of a symbolic link. */
  readLink(path: string): Promise<string>;
  /** The canonical absolute path with every symbolic link resolved. */
  realPath(path: string): Promise<string>;
}

/** The real file system, through `node:fs/promises`. */
export const nodeFileSystem: RepositoryFileSystem = {
  lstat: (path) => fsPromises.lstat(path),
  stat: (path) => fsPromises.stat(path),
  readFolder: (path) => fsPromises.readdir(path, { withFileTypes: true }),
  readFile: (path) => fsPromises.readFile(path),
  readRegularFile: async (path, maxBytes) => {
    const handle = await fsPromises.open(path, OPEN_NO_FOLLOW);
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return { kind: 'not-a-file' };
      if (stats.size > maxBytes) return { kind: 'too-large', size: stats.size };
      return { kind: 'bytes', bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  },
  readLink: (path) => fsPromises.readlink(path),
  realPath: (path) => fsPromises.realpath(path),
};

/**
 * The real file system through synchronous calls, each answered as an already settled promise.
 * For a whole-repository walk of many small files this is about three times faster than
 * {@link nodeFileSystem} (measured: 18,000 files in 0.5 s against 1.6 s on two cores, where the
 * thread pool mostly adds hand-offs), at the price of blocking the event loop while the walk runs;
 * the analysis that follows a walk blocks it longer anyway.
 */
export const blockingNodeFileSystem: RepositoryFileSystem = {
  lstat: (path) => settled(() => lstatSync(path)),
  stat: (path) => settled(() => statSync(path)),
  readFolder: (path) => settled(() => readdirSync(path, { withFileTypes: true })),
  readFile: (path) => settled(() => readFileSync(path)),
  readRegularFile: (path, maxBytes) => settled(() => readRegularFileSync(path, maxBytes)),
  readLink: (path) => settled(() => readlinkSync(path)),
  realPath: (path) => settled(() => realpathSync(path)),
};

/** Opening for reading without following a final symbolic link, and without waiting on a named pipe (where the platform has the flags). */
const OPEN_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function readRegularFileSync(path: string, maxBytes: number): CappedRead {
  const descriptor = openSync(path, OPEN_NO_FOLLOW);
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) return { kind: 'not-a-file' };
    if (stats.size > maxBytes) return { kind: 'too-large', size: stats.size };
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(descriptor, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    // A file that shrank since its stat: what is there now.
    return { kind: 'bytes', bytes: filled === bytes.length ? bytes : bytes.subarray(0, filled) };
  } finally {
    closeSync(descriptor);
  }
}

/** The result of a synchronous call as a promise; an exception becomes a rejection, as with `fs/promises`. */
function settled<Result>(operation: () => Result): Promise<Result> {
  try {
    return Promise.resolve(operation());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The `code` of a Node file-system error (`ENOENT`, `ELOOP`…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
