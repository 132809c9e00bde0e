// The text and syntax tree of one YAML document being edited, with its layout (line ends, indentation) and path walking.
import { isMap, isPair, isScalar, isSeq, type Document, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ObjectOrigin } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { ValuePath } from '../yaml/yamlDocument';

/** One document of one file, ready for minimal text edits. */
export interface YamlEditSite {
  readonly file: string;
  /** The whole file's text: edits carry offsets into it. */
  readonly text: string;
  readonly tree: Document.Parsed;
  /** `\r\n` when the file uses CRLF line ends, else `\n`. */
  readonly eol: string;
  /** Spaces per nesting level of block maps, as the document writes them (default 2). */
  readonly indentUnit: number;
  /** Columns between a key and the `-` of its block sequence value (0 or the indent unit), as the document writes them. */
  readonly sequenceIndent: number;
}

/** Default indentation when a document has no nested block map to learn it from. */
export const DEFAULT_INDENT_UNIT = 2;

/** The edit site of an object's document, or undefined when the file or document is not parsed YAML with positions. */
export function editSiteOf(index: RepoIndex, origin: Pick<ObjectOrigin, 'file' | 'documentIndex'>): YamlEditSite | undefined {
  const text = index.text(origin.file);
  const document = index.parsed(origin.file)?.documents.find((candidate) => candidate.index === origin.documentIndex);
  if (text === undefined || !document?.tree) return undefined;
  return editSiteFromTree(origin.file, text, document.tree);
}

/** Builds an edit site from a text and its parsed document (tests and callers that parsed themselves). */
export function editSiteFromTree(file: string, text: string, tree: Document.Parsed): YamlEditSite {
  const layout = detectLayout(text, tree.contents);
  return { file, text, tree, eol: text.includes('\r\n') ? '\r\n' : '\n', ...layout };
}

/** 0-based column of an offset (characters since the start of its line). */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset`, before its `\r\n` or `\n` (the text's end on the last line). */
export function lineContentEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Offset just after the line break ending the line of `offset`, or undefined when that line is the last without a break. */
export function nextLineStartOf(text: string, offset: number): number | undefined {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? undefined : newline + 1;
}

/** Moves back from `end` over whitespace and line breaks, but not before `start`: the end of the last written character. */
export function trimEndOffset(text: string, start: number, end: number): number {
  let offset = end;
  while (offset > start && /\s/.test(text[offset - 1] ?? '')) offset -= 1;
  return offset;
}

/** The range of a node as `[start, valueEnd]`, or undefined for nodes without positions. */
export function rangeOf(node: unknown): readonly [number, number] | undefined {
  const range = (node as { range?: readonly number[] } | null | undefined)?.range;
  if (!range || range.length < 2) return undefined;
  return [range[0] as number, range[1] as number];
}

/** Where a walk along a path stopped: the deepest node found and the pair that holds it (when reached through a map key). */
export interface WalkResult {
  /** The deepest node found (a map, sequence, scalar or null-valued scalar). */
  readonly node: unknown;
  /** The map pair whose value is `node`, when the last step went through a key. */
  readonly pair: Pair | undefined;
  /** True when the pair's map is a flow map (`{…}`). */
  readonly pairInFlow: boolean;
  /** Path segments not found below `node`. */
  readonly rest: ValuePath;
}

/** Walks from the document root along `path` as far as it exists. Never throws. */
export function walkPath(site: YamlEditSite, path: ValuePath): WalkResult {
  let node: unknown = site.tree.contents;
  let pair: Pair | undefined;
  let pairInFlow = false;
  for (let step = 0; step < path.length; step += 1) {
    const segment = path[step] as string | number;
    let found: { node: unknown; pair: Pair | undefined; inFlow: boolean } | undefined;
    if (isMap(node)) {
      const match = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (match) found = { node: match.value, pair: match, inFlow: node.flow === true };
    } else if (isSeq(node) && typeof segment === 'number' && segment >= 0 && segment < node.items.length) {
      found = { node: node.items[segment], pair: undefined, inFlow: false };
    }
    if (!found) return { node, pair, pairInFlow, rest: path.slice(step) };
    node = found.node;
    pair = found.pair;
    pairInFlow = found.inFlow;
  }
  return { node, pair, pairInFlow, rest: [] };
}

/** True for a missing value or an explicit null (`key:`, `key: ~`, `key: null`). */
export function isNullNode(node: unknown): node is Scalar | null | undefined {
  if (node === null || node === undefined) return true;
  return isScalar(node) && node.value === null;
}

/** The offset of the `:` that ends a pair's key (searching from the key's end), or undefined. */
export function colonAfterKey(site: YamlEditSite, pair: Pair): number | undefined {
  const keyRange = rangeOf(pair.key);
  if (!keyRange) return undefined;
  const colon = site.text.indexOf(':', keyRange[1]);
  return colon < 0 ? undefined : colon;
}

/** A block map or sequence (not flow). */
export function isBlockCollection(node: unknown): node is YAMLMap | YAMLSeq {
  return (isMap(node) || isSeq(node)) && node.flow !== true;
}

function detectLayout(text: string, root: unknown): { indentUnit: number; sequenceIndent: number } {
  let indentUnit: number | undefined;
  let sequenceIndent: number | undefined;
  const visit = (node: unknown, depth: number): void => {
    if (depth > 200 || (indentUnit !== undefined && sequenceIndent !== undefined)) return;
    if (isMap(node)) {
      for (const item of node.items) {
        const keyRange = rangeOf(item.key);
        const valueRange = rangeOf(item.value);
        if (node.flow !== true && keyRange && valueRange && isBlockCollection(item.value)) {
          const difference = columnOf(text, valueRange[0]) - columnOf(text, keyRange[0]);
          const startsOnNextLine = text.slice(keyRange[1], valueRange[0]).includes('\n');
          if (startsOnNextLine && isMap(item.value) && difference > 0 && indentUnit === undefined) indentUnit = difference;
          if (startsOnNextLine && isSeq(item.value) && difference >= 0 && sequenceIndent === undefined) sequenceIndent = difference;
        }
        visit(item.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
    }
  };
  visit(root, 0);
  const unit = indentUnit ?? DEFAULT_INDENT_UNIT;
  return { indentUnit: unit, sequenceIndent: sequenceIndent ?? unit };
}
