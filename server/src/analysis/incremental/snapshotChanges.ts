// What changed between two snapshots of one repository: the paths whose entries differ, and whether the tree's shape did.
import type { RepoSnapshot } from '../snapshot';
import { sameSnapshotFile, sameSet } from './indexReads';

/** The difference between a snapshot and the one analysed before it. */
export interface SnapshotChanges {
  /** Paths whose entry was added, removed or changed (text, kind or skip reason). */
  readonly files: ReadonlySet<string>;
  /** True when a file or folder was added or removed (listings, folders and chart roots may differ). */
  readonly structural: boolean;
}

/**
 * Compares two snapshots in one pass over their files. Unchanged entries are usually the very same
 * objects (a host keeps them), so each comparison is a pointer check.
 */
export function snapshotChanges(before: RepoSnapshot, after: RepoSnapshot): SnapshotChanges {
  const files = new Set<string>();
  let structural = before.files.size !== after.files.size || !sameSet(before.directories, after.directories);
  for (const [path, file] of after.files) {
    const previous = before.files.get(path);
    if (previous === undefined) {
      structural = true;
      files.add(path);
    } else if (!sameSnapshotFile(previous, file)) {
      files.add(path);
    }
  }
  // Same size and nothing added means nothing removed either.
  if (structural) {
    for (const path of before.files.keys()) {
      if (!after.files.has(path)) {
        structural = true;
        files.add(path);
      }
    }
  }
  return { files, structural };
}
