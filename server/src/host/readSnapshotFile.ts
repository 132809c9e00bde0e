// Reads one YAML/JSON file into a snapshot entry: size checked before reading, then strict UTF-8 decoding.
import type { SnapshotFile } from '../analysis/snapshot';
import { decodeFileBytes } from '../analysis/text/decode';
import { describeOversize } from './byteSize';
import { errorCode, type CappedRead, type EntryStats, type RepositoryFileSystem } from './fileSystem';

/**
 * Reads the file at `absolutePath` (its real path when reached through a link). A file over
 * `maxFileBytes` per its stats is never read; binary and non-UTF-8 contents are skipped with
 * their reason; any error becomes `unreadable`. Never throws.
 */
export async function readSnapshotFile(
  absolutePath: string,
  knownStats: EntryStats | undefined,
  maxFileBytes: number,
  fileSystem: RepositoryFileSystem,
): Promise<SnapshotFile> {
  try {
    const read = knownStats === undefined ? await fileSystem.readRegularFile(absolutePath, maxFileBytes) : await readWithKnownStats(absolutePath, knownStats, maxFileBytes, fileSystem);
    if (read.kind === 'not-a-file') return { kind: 'skipped', reason: 'unreadable', detail: 'not a regular file' };
    if (read.kind === 'too-large') return { kind: 'skipped', reason: 'too-large', detail: describeOversize(read.size, maxFileBytes) };
    const bytes = read.bytes;
    // The file may have grown since the stat.
    if (bytes.length > maxFileBytes) return { kind: 'skipped', reason: 'too-large', detail: describeOversize(bytes.length, maxFileBytes) };
    const decoded = decodeFileBytes(bytes);
    if (decoded.kind === 'text') return { kind: 'text', text: decoded.text };
    return { kind: 'skipped', reason: decoded.kind, detail: decoded.detail };
  } catch (error) {
    // The error's own message would name the absolute path; the code is enough.
    return { kind: 'skipped', reason: 'unreadable', detail: `could not be read (${errorCode(error) ?? 'unknown error'})` };
  }
}

/** A file reached through a link, read as `readRegularFile` would, from the stats the walk already has of its target. */
async function readWithKnownStats(absolutePath: string, stats: EntryStats, maxFileBytes: number, fileSystem: RepositoryFileSystem): Promise<CappedRead> {
  if (!stats.isFile()) return { kind: 'not-a-file' };
  if (stats.size > maxFileBytes) return { kind: 'too-large', size: stats.size };
  return { kind: 'bytes', bytes: await fileSystem.readFile(absolutePath) };
}
