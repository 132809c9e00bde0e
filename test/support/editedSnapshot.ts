// A snapshot edited as a host edits one: the unchanged entries shared with the base, some texts replaced.
import type { RepoSnapshot, SnapshotFile } from '../../server/src/analysis/snapshot';

/** `base` with the texts of `changes` (path → text) put in place of its files' or added. */
export function edited(base: RepoSnapshot, changes: Record<string, string>): RepoSnapshot {
  const files = new Map<string, SnapshotFile>(base.files);
  for (const [path, text] of Object.entries(changes)) files.set(path, { kind: 'text', text });
  return { ...base, files };
}
