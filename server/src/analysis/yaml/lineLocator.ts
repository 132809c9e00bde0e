// Locates keys and scalars of plain block-style YAML by reading its lines, without a syntax tree; declines anything else.
import type { Span } from '../text/span';
import type { ValuePath } from './yamlDocument';

/**
 * Where a key and its value are written, as far as the lines tell: `value` is absent when the value is a
 * collection or empty (its span is `yaml`'s to give), `key` for sequence items.
 */
export interface LineEntry {
  readonly key?: Span;
  readonly value?: Span;
}

/** One line of a file: its offsets, indentation and what the first pass learnt of it. */
interface Line {
  readonly start: number;
  /** End of the line's text, before `\r\n` or `\n`, trailing blanks included. */
  readonly end: number;
  /** Column of the first character; -1 for a blank line, a comment line or a line of a block scalar's text. */
  readonly indent: number;
}

/** A document's lines, and whether every one of them is of the kind this locator reads. */
interface DocumentLines {
  readonly first: number;
  /** Exclusive. */
  readonly last: number;
  readonly plain: boolean;
}

/** The lines of one file and its documents, worked out once per text. */
export class LineTable {
  readonly #text: string;
  readonly #lines: Line[] = [];
  readonly #documents: DocumentLines[] = [];

  constructor(text: string) {
    this.#text = text;
    this.#read();
  }

  /**
   * Where `path` is written in the `documentIndex`-th document, or undefined when the lines cannot tell
   * for sure (flow collections, anchors, tags, multi-line scalars, keys that do not read as plain strings…)
   * or the path is not there. With `orAncestor`, a missing key answers with its closest written ancestor
   * other than the document's root.
   */
  locate(documentIndex: number, path: ValuePath, orAncestor: boolean): LineEntry | undefined {
    const document = this.#documents[documentIndex];
    if (document === undefined || !document.plain || path.length === 0) return undefined;
    let node = this.#nodeAfter(document.first - 1, -1, document.last, false);
    let entry: LineEntry | undefined;
    for (const segment of path) {
      const found = node === undefined ? NOT_FOUND : this.#child(node, segment, document.last);
      if (found === UNSURE) return undefined;
      if (found === NOT_FOUND) return orAncestor ? told(entry) : undefined;
      entry = found.entry;
      node = found.node;
    }
    return told(entry);
  }

  /** One pass over the lines: offsets, indentation, block scalars' text, document markers, lines too rich to read. */
  #read(): void {
    const text = this.#text;
    if (text.charCodeAt(0) === 0xfeff) return;
    /** Indentation of the line that began a block scalar while its text goes on, else -1. */
    let blockParentIndent = -1;
    /** The current document's first line, whether one is open (content or a marker seen), whether all its lines read plainly. */
    let documentFirst = 0;
    let documentOpen = false;
    let plain = true;
    let offset = 0;
    for (;;) {
      let end = offset;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      let column = offset;
      while (column < end && text.charCodeAt(column) === 32) column++;
      const written = column - offset;
      let indent = column === end || text.charCodeAt(column) === 35 /* # */ ? -1 : written;
      if (blockParentIndent >= 0 && (column === end || written > blockParentIndent)) {
        indent = -1;
      } else {
        blockParentIndent = -1;
        if (column < end && text.charCodeAt(column) === 9) plain = false;
        if (indent === 0 && startsWith(text, offset, end, '---')) {
          if (documentOpen) this.#documents.push({ first: documentFirst, last: this.#lines.length, plain });
          documentFirst = this.#lines.length + 1;
          documentOpen = true;
          plain = isBlankOrComment(text, offset + 3, end);
          indent = -1;
        } else if (indent === 0 && (startsWith(text, offset, end, '...') || text.charCodeAt(offset) === 37 /* % */)) {
          return;
        } else if (indent >= 0) {
          documentOpen = true;
          if (!isReadableLine(text, column, end)) plain = false;
          if (BLOCK_SCALAR_HEADER.test(text.slice(column, end))) blockParentIndent = blockScalarOwnerColumn(text, offset, column, end);
        }
      }
      this.#lines.push({ start: offset, end, indent });
      if (end >= text.length) break;
      offset = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    }
    if (documentOpen) this.#documents.push({ first: documentFirst, last: this.#lines.length, plain });
  }

  /**
   * The block node whose first line is the first content line after line `after`: deeper than `parentIndent`,
   * or (`indentlessSequence`) a sequence at the parent's own indentation. Undefined when there is none.
   */
  #nodeAfter(after: number, parentIndent: number, last: number, indentlessSequence: boolean): BlockNode | undefined {
    for (let index = after + 1; index < last; index++) {
      const line = this.#lines[index]!;
      if (line.indent < 0) continue;
      const start = line.start + line.indent;
      const dash = isDash(this.#text, start, line.end);
      if (line.indent > parentIndent || (indentlessSequence && line.indent === parentIndent && dash)) {
        return { kind: dash ? 'sequence' : 'map', indent: line.indent, line: index, start };
      }
      return undefined;
    }
    return undefined;
  }

  /** The entry of `node` named by `segment`, and the node below it when its value is a collection. */
  #child(node: BlockNode, segment: string | number, last: number): Found | typeof NOT_FOUND | typeof UNSURE {
    if (node.kind === 'map' && typeof segment !== 'string') return NOT_FOUND;
    if (node.kind === 'sequence' && typeof segment !== 'number') return NOT_FOUND;
    let position = 0;
    for (let index = node.line; index < last; index++) {
      const line = this.#lines[index]!;
      if (line.indent < 0) continue;
      const start = index === node.line ? node.start : line.start + line.indent;
      const column = index === node.line ? node.indent : line.indent;
      if (column < node.indent) break;
      if (column > node.indent) continue;
      const dash = isDash(this.#text, start, line.end);
      if (node.kind === 'sequence') {
        if (!dash) break;
        if (position++ === segment) return this.#item(index, node.indent, start, last);
      } else if (!dash) {
        const key = readKey(this.#text, start, line.end);
        if (key === undefined) return UNSURE;
        if (key.text === segment) return this.#valueOf(index, node.indent, key.span, key.valueStart, last);
      }
    }
    return NOT_FOUND;
  }

  /** A sequence item: a scalar, a map begun on the dash's line, or a node on the lines below. */
  #item(index: number, dashIndent: number, dashStart: number, last: number): Found | typeof UNSURE {
    const line = this.#lines[index]!;
    const contentStart = skipSpaces(this.#text, dashStart + 1, line.end);
    if (isBlankOrComment(this.#text, contentStart, line.end)) {
      const node = this.#nodeAfter(index, dashIndent, last, false);
      return node === undefined ? UNSURE : { entry: {}, node };
    }
    if (isDash(this.#text, contentStart, line.end)) return UNSURE;
    const key = readKey(this.#text, contentStart, line.end);
    if (key !== undefined) {
      return { entry: {}, node: { kind: 'map', indent: contentStart - line.start, line: index, start: contentStart } };
    }
    const value = this.#scalarSpan(index, dashIndent, contentStart, last);
    return value === undefined ? UNSURE : { entry: { value } };
  }

  /** The value of a map entry whose key is at `keySpan` on line `index`. */
  #valueOf(index: number, keyIndent: number, keySpan: Span, valueStart: number, last: number): Found | typeof UNSURE {
    const line = this.#lines[index]!;
    if (isBlankOrComment(this.#text, valueStart, line.end)) {
      const node = this.#nodeAfter(index, keyIndent, last, true);
      return { entry: { key: keySpan }, node };
    }
    const value = this.#scalarSpan(index, keyIndent, valueStart, last);
    return value === undefined ? UNSURE : { entry: { key: keySpan, value } };
  }

  /**
   * The span of a one-line plain or quoted scalar starting at `start` on line `index`, whose entry is at
   * `entryIndent`; undefined for anything else (block scalars, flow collections, a scalar going on below).
   */
  #scalarSpan(index: number, entryIndent: number, start: number, last: number): Span | undefined {
    const text = this.#text;
    const line = this.#lines[index]!;
    const first = text.charCodeAt(start);
    let end: number;
    if (first === 34 /* " */ || first === 39 /* ' */) {
      const close = closingQuote(text, start, line.end);
      if (close < 0 || !isBlankOrComment(text, close + 1, line.end)) return undefined;
      end = close + 1;
    } else {
      if (PLAIN_SCALAR_CANNOT_START.includes(text[start]!)) return undefined;
      end = plainScalarEnd(text, start, line.end);
      // `: ` in it: a key this locator declined to read (`0: x`), not a scalar.
      for (let offset = start; offset < end; offset++) if (text.charCodeAt(offset) === 58 && endsToken(text, offset + 1, end)) return undefined;
    }
    // A plain scalar may go on over the next lines, and a quoted one may be followed by what yaml would
    // report: any deeper line before the next entry makes the answer `yaml`'s.
    for (let next = index + 1; next < last; next++) {
      const following = this.#lines[next]!;
      if (following.indent < 0) continue;
      if (following.indent > entryIndent) return undefined;
      break;
    }
    return { start, end };
  }
}

/** An entry with a key or a value span; a sequence item that is a collection has neither and is left to `yaml`. */
function told(entry: LineEntry | undefined): LineEntry | undefined {
  return entry?.key !== undefined || entry?.value !== undefined ? entry : undefined;
}

/**
 * The column a block scalar's text must be deeper than, for a header line starting at `column`: the key's
 * (`key: |`, `- key: |`), or the last dash's when the header follows it (`- |`).
 */
function blockScalarOwnerColumn(text: string, lineStart: number, column: number, end: number): number {
  let owner = column;
  while (isDash(text, owner, end)) {
    const next = skipSpaces(text, owner + 1, end);
    const code = text.charCodeAt(next);
    if (code === 124 || code === 62) break; /* | > */
    owner = next;
  }
  return owner - lineStart;
}

/** A block collection: its kind, indentation and where its first entry starts. */
interface BlockNode {
  readonly kind: 'map' | 'sequence';
  readonly indent: number;
  /** The line of the first entry. */
  readonly line: number;
  /** Offset of the first entry (a map begun after a sequence dash starts mid-line). */
  readonly start: number;
}

/** An entry found, and the collection below it (undefined for scalars). */
interface Found {
  readonly entry: LineEntry;
  readonly node?: BlockNode | undefined;
}

const NOT_FOUND = 'not-found';
const UNSURE = 'unsure';

/** Characters a plain scalar (or key) this locator reads may not start with: YAML indicators. */
const PLAIN_SCALAR_CANNOT_START = '-?:,[]{}#&*!|>\'"%@`';
/** Plain keys that the core schema reads as something else than the string written (null, booleans, numbers). */
const NOT_A_STRING_KEY = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9.].*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|<<)$/;

/** A key read at `start`: its text as `yaml` resolves it, its span and where its value begins. */
function readKey(text: string, start: number, end: number): { text: string; span: Span; valueStart: number } | undefined {
  const first = text.charCodeAt(start);
  let keyEnd: number;
  let keyText: string;
  let colon: number;
  if (first === 34 || first === 39) {
    const close = closingQuote(text, start, end);
    if (close < 0) return undefined;
    const inner = text.slice(start + 1, close);
    if (first === 34 && inner.includes('\\')) return undefined;
    keyText = first === 39 ? inner.replaceAll("''", "'") : inner;
    keyEnd = close + 1;
    colon = skipSpaces(text, keyEnd, end);
    if (text.charCodeAt(colon) !== 58 || !endsToken(text, colon + 1, end)) return undefined;
  } else {
    if (PLAIN_SCALAR_CANNOT_START.includes(text[start]!)) return undefined;
    colon = start;
    while (colon < end && !(text.charCodeAt(colon) === 58 && endsToken(text, colon + 1, end))) {
      if (text.charCodeAt(colon) === 35 && isBlank(text.charCodeAt(colon - 1))) return undefined;
      colon++;
    }
    if (colon >= end) return undefined;
    keyEnd = colon;
    while (keyEnd > start && isBlank(text.charCodeAt(keyEnd - 1))) keyEnd--;
    keyText = text.slice(start, keyEnd);
    if (NOT_A_STRING_KEY.test(keyText)) return undefined;
  }
  return { text: keyText, span: { start, end: keyEnd }, valueStart: skipSpaces(text, colon + 1, end) };
}

/** The end of a plain scalar starting at `start`: before a comment and trailing blanks. */
function plainScalarEnd(text: string, start: number, end: number): number {
  let scalarEnd = end;
  for (let offset = start + 1; offset < end; offset++) {
    if (text.charCodeAt(offset) === 35 && isBlank(text.charCodeAt(offset - 1))) {
      scalarEnd = offset;
      break;
    }
  }
  while (scalarEnd > start && isBlank(text.charCodeAt(scalarEnd - 1))) scalarEnd--;
  return scalarEnd;
}

/** The offset of the quote closing the one at `start` on the same line, or -1. */
function closingQuote(text: string, start: number, end: number): number {
  const quote = text.charCodeAt(start);
  for (let offset = start + 1; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (quote === 34 && code === 92) offset++;
    else if (code === quote) {
      if (quote === 39 && text.charCodeAt(offset + 1) === 39) offset++;
      else return offset;
    }
  }
  return -1;
}

/**
 * True when a line holds nothing this locator must not read past: quotes and flow collections closed on the
 * line, no anchor, alias, tag, complex key, reserved indicator or tab outside quotes and comments.
 */
function isReadableLine(text: string, start: number, end: number): boolean {
  let tokenStart = true;
  let flowDepth = 0;
  for (let offset = start; offset < end; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 35 && (offset === start || isBlank(text.charCodeAt(offset - 1)))) break;
    if ((code === 34 || code === 39) && tokenStart) {
      const close = closingQuote(text, offset, end);
      if (close < 0) return false;
      offset = close;
      tokenStart = false;
      continue;
    }
    if (code === 9) return false;
    if (code === 91 || code === 123) {
      flowDepth++;
      tokenStart = true;
      continue;
    }
    if (code === 93 || code === 125) {
      if (--flowDepth < 0) return false;
      tokenStart = false;
      continue;
    }
    if (tokenStart && (code === 38 || code === 42 || code === 33 || code === 63 || code === 37 || code === 64 || code === 96)) return false; /* & * ! ? % @ ` */
    tokenStart = isBlank(code) || (code === 58 && endsToken(text, offset + 1, end)) || (code === 45 && tokenStart && endsToken(text, offset + 1, end)) || (flowDepth > 0 && code === 44);
  }
  return flowDepth === 0;
}

/** A line ending in a block scalar header: `key: |`, `- >-`, `key: |2`, a comment allowed after. */
const BLOCK_SCALAR_HEADER = /(?:^|[:-][ \t]+)[|>][-+0-9]*[ \t]*(?:#.*)?$/;

function startsWith(text: string, start: number, end: number, prefix: string): boolean {
  return end - start >= prefix.length && text.startsWith(prefix, start) && (end - start === prefix.length || isBlank(text.charCodeAt(start + prefix.length)));
}

/** A sequence entry's dash at `start`: `-` then a blank or the line's end. */
function isDash(text: string, start: number, end: number): boolean {
  return text.charCodeAt(start) === 45 && endsToken(text, start + 1, end);
}

function endsToken(text: string, offset: number, end: number): boolean {
  return offset >= end || isBlank(text.charCodeAt(offset));
}

function isBlankOrComment(text: string, start: number, end: number): boolean {
  const offset = skipSpaces(text, start, end);
  return offset >= end || text.charCodeAt(offset) === 35;
}

function skipSpaces(text: string, start: number, end: number): number {
  let offset = start;
  while (offset < end && isBlank(text.charCodeAt(offset))) offset++;
  return offset;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}
