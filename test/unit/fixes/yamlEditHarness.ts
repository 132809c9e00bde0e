// Test helpers for YAML edits: run an edit on one file through a RepoIndex, apply it, and compare lines.
import { parseAllDocuments } from 'yaml';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { applyEdits, type TextEdit } from '../../../server/src/analysis/fixes/types';
import type { EditOrigin } from '../../../server/src/analysis/fixes/yamlEdits';

/** The file name every harness edit uses. */
export const FILE = 'doc.yaml';

/** Runs an edit function on `text` (document 0 unless told) and returns the edited text, or undefined when the edit declined. */
export function edited(
  text: string,
  run: (index: RepoIndex, origin: EditOrigin) => readonly TextEdit[] | undefined,
  path: EditOrigin['path'] = [],
  documentIndex = 0,
): string | undefined {
  const index = new RepoIndex(snapshotFromTexts({ [FILE]: text }));
  const edits = run(index, { file: FILE, documentIndex, path });
  if (!edits) return undefined;
  if (edits.some((item) => item.file !== FILE)) throw new Error('edit in another file');
  return applyEdits(text, edits);
}

/** The plain values of every document of a text; throws when any document has a YAML error. */
export function parseStrict(text: string): unknown[] {
  const documents = parseAllDocuments(text, { uniqueKeys: true });
  if (!Array.isArray(documents)) throw new Error('not a stream');
  for (const document of documents) {
    if (document.errors.length > 0) throw new Error(`YAML error: ${document.errors[0]?.message}\n${text}`);
  }
  return documents.map((document) => document.toJS());
}

/** Lines removed from `before` and lines added in `after`, between their common first and last lines. */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const oldLines = before.split(/\r?\n/);
  const newLines = after.split(/\r?\n/);
  let prefix = 0;
  while (prefix < oldLines.length && prefix < newLines.length && oldLines[prefix] === newLines[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < oldLines.length - prefix &&
    suffix < newLines.length - prefix &&
    oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  return { removed: oldLines.slice(prefix, oldLines.length - suffix), added: newLines.slice(prefix, newLines.length - suffix) };
}
