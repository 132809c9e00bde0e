// What changed between two snapshots of one repository: the paths whose entries differ, and whether the tree's shape did.
import type { RepoSnapshot } from '../snapshot';
import { OverlaidFiles } from '../overlaidFiles';
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
  if (before.files instanceof OverlaidFiles && after.files instanceof OverlaidFiles && before.files.base === after.files.base) {
    return overlayChanges(before, before.files, after, after.files);
  }
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

/** Two overlays of one base differ at most where either replaces an entry: the comparison costs the replacements. */
function overlayChanges(before: RepoSnapshot, beforeFiles: OverlaidFiles, after: RepoSnapshot, afterFiles: OverlaidFiles): SnapshotChanges {
  const files = new Set<string>();
  let structural = !sameSet(before.directories, after.directories);
  const compare = (path: string): void => {
    if (files.has(path)) return;
    const previous = beforeFiles.get(path);
    const next = afterFiles.get(path);
    if (previous === next || (previous !== undefined && next !== undefined && sameSnapshotFile(previous, next))) return;
    files.add(path);
    if (previous === undefined || next === undefined) structural = true;
  };
  for (const path of beforeFiles.replacements.keys()) compare(path);
  for (const path of afterFiles.replacements.keys()) compare(path);
  return { files, structural };
}
