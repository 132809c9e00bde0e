// Finds the YAML key or value under an offset: its path from the document root and its span.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Span } from '../text/span';
import type { ValuePath, YamlDocument } from '../yaml/yamlDocument';

/** What sits under an offset of a document. */
export interface PathAtOffset {
  /** Keys and indexes from the document root to the deepest entry holding the offset. */
  readonly path: ValuePath;
  /** `key` when the offset is on the last entry's key, `value` when on (or inside) its value. */
  readonly part: 'key' | 'value';
  /** The span of that key or value. */
  readonly span: Span;
  /** The scalar written there (the key text, or a scalar value), when it is one. */
  readonly scalar: string | undefined;
}

/**
 * The deepest key or value of `document` that holds `offset` (end inclusive, so a cursor just
 * after a word still counts). Undefined outside the document's syntax tree.
 */
export function valuePathAt(document: YamlDocument, offset: number): PathAtOffset | undefined {
  const root = document.tree?.contents as Node | null | undefined;
  if (!root || !holds(root, offset)) return undefined;
  const path: (string | number)[] = [];
  let node: Node = root;
  let part: 'key' | 'value' = 'value';
  let span = rangeOf(root);
  for (;;) {
    let next: Node | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        const keyText = isScalar(key) ? String(key.value) : undefined;
        if (keyText === undefined) continue;
        if (key && holds(key, offset)) {
          path.push(keyText);
          return { path, part: 'key', span: rangeOf(key), scalar: keyText };
        }
        if (value && holds(value, offset)) {
          path.push(keyText);
          next = value;
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, position) => {
        if (next === undefined && item && holds(item as Node, offset)) {
          path.push(position);
          next = item as Node;
        }
      });
    }
    if (!next) break;
    node = next;
    part = 'value';
    span = rangeOf(node);
  }
  const scalar = isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;
  return { path, part, span, scalar };
}

function holds(node: Node, offset: number): boolean {
  const range = node.range;
  return range !== undefined && range !== null && range[0] <= offset && offset <= range[1];
}

function rangeOf(node: Node): Span {
  const range = node.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}
