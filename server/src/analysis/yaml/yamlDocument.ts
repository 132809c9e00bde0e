// YamlDocument: one parsed document of a YAML stream, with its plain value and located nodes.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Span } from '../text/span';
import type { LineEntry } from './lineLocator';

/** A path into a document's value: map keys and sequence indexes. */
export type ValuePath = readonly (string | number)[];

/** The path of a document's root value: one frozen array shared by every object that is a whole document. */
export const DOCUMENT_ROOT: ValuePath = Object.freeze([]);

/** One document of a file: its index in the stream, span, plain JavaScript value and syntax tree. */
export interface YamlDocument {
  readonly file: string;
  /** 0-based index of the document in its file's stream. */
  readonly index: number;
  readonly span: Span;
  /** The document as plain data (`null` for an empty document). */
  readonly value: unknown;
  /** The syntax tree, for locating keys and values; absent for JSON files parsed without positions. */
  readonly tree: Document.Parsed | undefined;
  /**
   * Where `path` is written, told from the file's lines without a syntax tree when they are plain enough
   * (see `LineTable`); undefined when only the tree can tell. Absent for documents that have their tree.
   */
  locateByLines?(path: ValuePath, orAncestor: boolean): LineEntry | undefined;
}

/** Where a key and its value are written. */
export interface LocatedEntry {
  /** The key's span; absent for sequence items and the document root. */
  readonly key?: Span;
  /** The value's span (empty at the key's end when the value is missing). */
  readonly value: Span;
}

/**
 * Finds where the value at `path` is written in a document, or the closest ancestor that
 * exists when `orAncestor` is set. Returns undefined when nothing along the path is found.
 */
export function locate(document: YamlDocument, path: ValuePath, orAncestor = false): LocatedEntry | undefined {
  const byLines = document.locateByLines?.(path, orAncestor);
  if (byLines?.value !== undefined) return byLines as LocatedEntry;
  const tree = document.tree;
  if (!tree) return { value: document.span };
  let node: unknown = tree.contents;
  let entry: LocatedEntry = { value: nodeSpan(node) ?? document.span };
  for (const segment of path) {
    let next: LocatedEntry | undefined;
    let nextNode: unknown;
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((item) => keyText(item.key) === String(segment));
      if (pair) {
        const keySpan = nodeSpan(pair.key);
        const valueSpan = nodeSpan(pair.value) ?? (keySpan ? { start: keySpan.end, end: keySpan.end } : undefined);
        if (valueSpan) next = keySpan ? { key: keySpan, value: valueSpan } : { value: valueSpan };
        nextNode = pair.value;
      }
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      const span = nodeSpan(item);
      if (span) next = { value: span };
      nextNode = item;
    }
    if (!next) return orAncestor ? entry : undefined;
    entry = next;
    node = nextNode;
  }
  return entry;
}

/**
 * The span of the key at `path` (of the value for a sequence item or the root), with {@link locate}'s
 * `orAncestor`: a collection's key is found from the lines alone where they are plain enough.
 */
export function locateKey(document: YamlDocument, path: ValuePath, orAncestor = false): Span | undefined {
  const byLines = document.locateByLines?.(path, orAncestor);
  const lineSpan = byLines?.key ?? byLines?.value;
  if (lineSpan !== undefined) return lineSpan;
  const entry = locate(document, path, orAncestor);
  return entry && (entry.key ?? entry.value);
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function nodeSpan(node: unknown): Span | undefined {
  const range = (node as Node | null | undefined)?.range;
  if (!range) return undefined;
  return { start: range[0], end: range[1] };
}
