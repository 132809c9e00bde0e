// Bringing a sorted file list and the files-by-folder map up to date after a few files came or went, instead of rebuilding them.
import { parentDirectory } from '../snapshot';

/** The paths that came and went between two snapshots, from the changed paths and the new snapshot's files. */
export interface ComeAndGone {
  readonly added: readonly string[];
  readonly removed: ReadonlySet<string>;
}

/** Sorts changed paths into those that came (in `nowFiles`, not in `beforeFiles`) and those that went. */
export function comeAndGone(changed: Iterable<string>, beforeFiles: { has(path: string): boolean }, nowFiles: { has(path: string): boolean }): ComeAndGone {
  const added: string[] = [];
  const removed = new Set<string>();
  for (const path of changed) {
    const before = beforeFiles.has(path);
    const now = nowFiles.has(path);
    if (now && !before) added.push(path);
    else if (before && !now) removed.add(path);
  }
  return { added: added.sort(), removed };
}

/** `sorted` (ascending) without the removed paths and with the added ones in their places: a new array. */
export function sortedAfter(sorted: readonly string[], { added, removed }: ComeAndGone): string[] {
  const result: string[] = [];
  let next = 0;
  for (const path of sorted) {
    while (next < added.length && (added[next] as string) < path) result.push(added[next++] as string);
    if (!removed.has(path)) result.push(path);
  }
  while (next < added.length) result.push(added[next++] as string);
  return result;
}

/** The files-by-folder map after the change: a copy sharing the lists of folders nothing came to or went from. */
export function filesByDirectoryAfter(previous: ReadonlyMap<string, readonly string[]>, change: ComeAndGone): Map<string, string[]> {
  const result = new Map(previous as ReadonlyMap<string, string[]>);
  const touched = new Map<string, ComeAndGone>();
  const entry = (folder: string): { added: string[]; removed: Set<string> } => {
    let changes = touched.get(folder) as { added: string[]; removed: Set<string> } | undefined;
    if (!changes) touched.set(folder, (changes = { added: [], removed: new Set() }));
    return changes;
  };
  for (const path of change.added) entry(parentDirectory(path)).added.push(path);
  for (const path of change.removed) entry(parentDirectory(path)).removed.add(path);
  for (const [folder, changes] of touched) {
    const list = sortedAfter(previous.get(folder) ?? [], changes);
    if (list.length === 0) result.delete(folder);
    else result.set(folder, list);
  }
  return result;
}
