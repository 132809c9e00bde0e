// A linear pre-scan that bounds YAML nesting before the `yaml` parser ever sees the text.
//
// Why: `yaml` 2.9.1 on Node 20 can abort the whole process (a V8 fatal error no try/catch stops)
// on deeply nested input such as 1,000 `[` or 5,000 `- `. The scan over-approximates depth
// cheaply; real manifests stay far below the limit.

/** The default maximum nesting depth. */
export const DEFAULT_MAX_NESTING = 100;

/** Where the scan first went past the limit. */
export interface NestingViolation {
  readonly offset: number;
  readonly depth: number;
}

/**
 * Scans `text` once and returns the first place its nesting exceeds `maxDepth`, or undefined.
 * Depth = block indentation levels + compact `- ` sequence entries on a line + open flow brackets.
 * Quoted scalars and comments are skipped, so brackets inside them do not count.
 */
export function findExcessiveNesting(text: string, maxDepth: number = DEFAULT_MAX_NESTING): NestingViolation | undefined {
  return cannotNestPast(text, maxDepth) ? undefined : scanNesting(text, maxDepth);
}

/** The scan itself (what {@link findExcessiveNesting} runs when the quick bound does not settle it). */
export function scanNesting(text: string, maxDepth: number): NestingViolation | undefined {
  const indentStack: number[] = [];
  let flowDepth = 0;
  let offset = 0;
  /** Indentation of the key that opened a block scalar (`|`, `>`); deeper lines are its text. */
  let blockScalarParentIndent = -1;
  const length = text.length;
  while (offset < length) {
    // Start of a line: measure indentation.
    const lineStart = offset;
    let column = 0;
    while (offset < length && (text.charCodeAt(offset) === 32 || text.charCodeAt(offset) === 9)) {
      offset++;
      column++;
    }
    const lineHasContent = offset < length && !isLineEnd(text.charCodeAt(offset)) && text.charCodeAt(offset) !== 35; /* # */
    if (blockScalarParentIndent >= 0 && (!lineHasContent || column > blockScalarParentIndent)) {
      offset = skipLine(text, offset);
      continue;
    }
    blockScalarParentIndent = -1;
    if (lineHasContent && flowDepth === 0) {
      while (indentStack.length > 0 && (indentStack[indentStack.length - 1] ?? 0) >= column) indentStack.pop();
      indentStack.push(column);
    }
    let compactDashes = 0;
    let atTokenStart = true;
    // Where YAML can begin a quoted scalar: line start, after `[`, `{`, `,`, after an indicator
    // followed by a space (`- `, `? `, `: `), or right after `:` that follows a quoted key (JSON).
    // A quote in the middle of a plain scalar (`[x '[[[`) is text to YAML, which then parses the
    // brackets after it, so the scan must not skip them as if quoted.
    let atScalarStart = true;
    let afterIndicator = false;
    let quoteClosedAt = -1;
    let quote = 0;
    let contentEnd = offset;
    while (offset < length && !isLineEnd(text.charCodeAt(offset))) {
      const code = text.charCodeAt(offset);
      if (quote !== 0) {
        if (code === quote) {
          if (quote === 39 && text.charCodeAt(offset + 1) === 39) offset++;
          else {
            quote = 0;
            quoteClosedAt = offset;
            atScalarStart = false;
            atTokenStart = false;
            afterIndicator = false;
          }
        } else if (code === 92 /* \ */ && quote === 34) {
          offset++;
        }
        offset++;
        continue;
      }
      // A `#` at the start of a line (even column 0) or after a space starts a comment.
      if (code === 35 /* # */ && (offset === lineStart || offset === 0 || isSpace(text.charCodeAt(offset - 1)))) {
        while (offset < length && !isLineEnd(text.charCodeAt(offset))) offset++;
        break;
      }
      if ((code === 34 || code === 39) && atScalarStart) {
        quote = code;
      } else if (code === 91 /* [ */ || code === 123 /* { */) {
        flowDepth++;
      } else if (code === 93 /* ] */ || code === 125 /* } */) {
        if (flowDepth > 0) flowDepth--;
      } else if (code === 45 /* - */ && atTokenStart && flowDepth === 0) {
        const next = text.charCodeAt(offset + 1);
        if (offset + 1 >= length || isSpace(next) || isLineEnd(next)) compactDashes++;
      }
      const depth = indentStack.length + compactDashes + flowDepth;
      if (depth > maxDepth) return { offset, depth };
      if (isSpace(code)) {
        atScalarStart = atScalarStart || afterIndicator;
        afterIndicator = false;
      } else {
        afterIndicator = code === 58 /* : */ || ((code === 45 /* - */ || code === 63) /* ? */ && atTokenStart);
        atScalarStart = code === 91 || code === 123 || code === 44 /* , */ || (code === 58 && quoteClosedAt === offset - 1);
      }
      atTokenStart = isSpace(code) || code === 91 || code === 123 || code === 44 /* , */ || code === 58 /* : */;
      offset++;
      if (!isSpace(code)) contentEnd = offset;
    }
    if (flowDepth === 0 && quote === 0 && BLOCK_SCALAR_HEADER.test(text.slice(lineStart, contentEnd))) {
      blockScalarParentIndent = column;
    }
    offset = skipLine(text, offset);
  }
  return undefined;
}

/**
 * True when {@link scanNesting} cannot find a depth over `maxDepth`, told from three counts native regular
 * expressions take quickly (most files pass; the others are scanned). The scan's depth is the indentation
 * stack (strictly growing columns, so at most the widest leading whitespace plus one), plus the compact
 * `- ` entries of one line (at most the dashes followed by a space, a line end or the end in the file),
 * plus the open flow brackets (at most the `[` and `{` in the file).
 */
export function cannotNestPast(text: string, maxDepth: number): boolean {
  const indentBudget = Math.floor(maxDepth / 2);
  const dashBudget = Math.floor(maxDepth / 4);
  const bracketBudget = maxDepth - indentBudget - dashBudget;
  // Leading whitespace of indentBudget characters or more: its stack could reach indentBudget + 1.
  if (wideIndentation(indentBudget).test(text)) return false;
  return countAtMost(text, COMPACT_DASH, dashBudget) < dashBudget && countAtMost(text, OPEN_BRACKET, bracketBudget) < bracketBudget;
}

const wideIndentationPatterns = new Map<number, RegExp>();

/** A line (after a line feed or a carriage return, or the first) that starts with `width` spaces or tabs. */
function wideIndentation(width: number): RegExp {
  let pattern = wideIndentationPatterns.get(width);
  if (pattern === undefined) wideIndentationPatterns.set(width, (pattern = new RegExp(`(?:^|[\\r\\n])[ \\t]{${width}}`)));
  return pattern;
}

const COMPACT_DASH = /-(?=[ \t\r\n]|$)/g;
const OPEN_BRACKET = /[[{]/g;

/** Matches of a global `pattern` in `text`, counted up to `limit`. */
function countAtMost(text: string, pattern: RegExp, limit: number): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < limit && pattern.exec(text) !== null) count++;
  pattern.lastIndex = 0;
  return count;
}

/** A line whose value is a block scalar header such as `key: |`, `- >-` or `key: |2+`. */
const BLOCK_SCALAR_HEADER = /(^|[\s:-])[|>][-+]?[0-9]?[-+]?$/;

/** Returns the offset of the next line's start. */
function skipLine(text: string, offset: number): number {
  let current = offset;
  while (current < text.length && !isLineEnd(text.charCodeAt(current))) current++;
  if (current < text.length && text.charCodeAt(current) === 13) current++;
  if (current < text.length && text.charCodeAt(current) === 10) current++;
  return current;
}

function isLineEnd(code: number): boolean {
  return code === 10 || code === 13;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}
