// Reads the YAML context of a cursor from the text itself (parents by indentation, key, word), robust to half-typed lines.
import type { Span } from '../text/span';

/** Where the cursor is, in YAML terms. */
export interface LineContext {
  /** Keys of the enclosing block mappings, outermost first (by indentation; list items are transparent). */
  readonly parents: readonly string[];
  /** The key of the cursor's line when the cursor is after its colon, else undefined. */
  readonly key: string | undefined;
  /** True when the cursor is after the line's `key:`. */
  readonly inValue: boolean;
  /** True when the line is a block list item (`- …`). */
  readonly listItem: boolean;
  /** True when the cursor is inside a `[...]` flow list on its line. */
  readonly inFlowList: boolean;
  /** The quote opening the value under the cursor, if any. */
  readonly valueQuote: '"' | "'" | undefined;
  /** The word under the cursor (what a completion replaces): key or value text, quotes excluded. */
  readonly word: { readonly text: string; readonly span: Span };
  /** The comma-separated item under the cursor (for `A=true,B` values and flow lists). */
  readonly listWord: { readonly text: string; readonly span: Span };
}

/** The context of `offset` in `text`; undefined inside a comment. */
export function lineContext(text: string, offset: number): LineContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const lineEnd = lineEndRaw < 0 ? text.length : lineEndRaw;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const column = offset - lineStart;
  const before = line.slice(0, column);
  if (/(^|\s)#/.test(before)) return undefined;
  const item = /^(\s*)((?:-\s+)*)/.exec(line) as RegExpExecArray;
  const indent = (item[1] ?? '').length + (item[2] ?? '').length;
  const listItem = (item[2] ?? '') !== '';
  const keyMatch = /^(\s*(?:-\s+)*)(["']?)([^"':#\s][^:#]*?)\2:(\s|$)/.exec(line);
  const colon = keyMatch ? (keyMatch[0].length - (keyMatch[4] ?? '').length) : -1;
  const inValue = keyMatch !== null && column >= colon;
  const key = inValue ? keyMatch?.[3]?.trim() : undefined;
  const valueStart = inValue ? colon + 1 : indent;
  const segment = line.slice(valueStart, column);
  const inFlowList = inValue && segment.includes('[') && !segment.includes(']');
  const quoteMatch = /^\s*(["'])/.exec(line.slice(valueStart));
  const valueQuote = quoteMatch ? (quoteMatch[1] as '"' | "'") : undefined;
  const word = wordAround(line, column, /[^\s"'[\],:]/, lineStart);
  const listWord = wordAround(line, column, /[^,"'[\]]/, lineStart, true);
  return { parents: parentKeys(text, lineStart, indent, listItem), key, inValue, listItem, inFlowList, valueQuote, word, listWord };
}

/** The run of characters matching `part` around the column, trimmed of spaces when `trim`. */
function wordAround(line: string, column: number, part: RegExp, lineStart: number, trim = false): { text: string; span: Span } {
  let start = column;
  let end = column;
  while (start > 0 && part.test(line[start - 1] as string) && !(trim && line[start - 1] === ':' )) start--;
  while (end < line.length && part.test(line[end] as string)) end++;
  if (trim) {
    while (start < column && line[start] === ' ') start++;
    while (end > column && line[end - 1] === ' ') end--;
  }
  return { text: line.slice(start, end), span: { start: lineStart + start, end: lineStart + end } };
}

/**
 * The keys of the enclosing mappings: walking up, each line with a smaller indentation than the
 * current level that is `key:` (or `- key:`) adds its key.
 */
function parentKeys(text: string, lineStart: number, indent: number, listItem: boolean): string[] {
  const keys: string[] = [];
  // A list item belongs to the key above it at the same or smaller indentation.
  let level = listItem ? indent + 1 : indent;
  let end = lineStart - 1;
  while (end > 0 && level > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    if (/^(---|\.\.\.)\s*$/.test(line)) break;
    const match = /^(\s*)((?:-\s+)*)(["']?)([^"':#\s][^:#]*?)\3:(\s|$)/.exec(line);
    const lineIndent = /^\s*/.exec(line)?.[0].length ?? 0;
    if (lineIndent >= level) continue;
    if (!match) {
      level = lineIndent;
      continue;
    }
    const keyIndent = (match[1] ?? '').length + (match[2] ?? '').length;
    if (keyIndent < level) {
      keys.unshift((match[4] ?? '').trim());
      level = lineIndent;
    }
  }
  return keys;
}
