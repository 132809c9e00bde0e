// Contract of fixes: minimal text edits the engine computes; hosts apply them (CLI tests, LSP code actions).
import type { Span } from '../text/span';

/** Replace `span` of `file` with `newText` (offsets into the file's current text). */
export interface TextEdit {
  readonly file: string;
  readonly span: Span;
  readonly newText: string;
}

/** A fix a person can choose to apply: a title and edits, possibly in several files. */
export interface Fix {
  /** Imperative and specific: "Quote the sync-wave value", "Move volsync to wave 2". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** True when this is the obvious fix (LSP `isPreferred`). */
  readonly preferred: boolean;
}

/** Applies edits to one text (edits must not overlap); used by tests and the CLI. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}
