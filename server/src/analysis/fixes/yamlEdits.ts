// Minimal text edits on a YAML document (set, quote, replace, append, remove, block scalars) that keep comments and formatting.
import { isMap, isPair, isScalar, isSeq, Scalar, type Pair } from 'yaml';
import type { ArgoConfigLocation } from '../argo/types';
import type { ObjectOrigin } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { ValuePath } from '../yaml/yamlDocument';
import { APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA } from './applicationHealthLua';
import type { Fix, TextEdit } from './types';
import {
  colonAfterKey,
  columnOf,
  editSiteOf,
  isNullNode,
  lineContentEndOf,
  lineStartOf,
  nextLineStartOf,
  rangeOf,
  trimEndOffset,
  walkPath,
  type YamlEditSite,
} from './yamlEditSite';
import { nestEntry, renderBlockEntry, renderBlockValueLines, renderFlowValue, blockScalarHeader, blockScalarLines, yamlKey, yamlQuoted, type NewYamlValue } from './yamlRender';

/**
 * Where to edit: the object's file and document, and the path of the object inside the document
 * (`[]` for a whole-document object; e.g. `['spec','template']` for an ApplicationSet template).
 * Every `ObjectOrigin` is one.
 */
export type EditOrigin = Pick<ObjectOrigin, 'file' | 'documentIndex' | 'path'>;

/**
 * Sets `key: valueText` in the map at `mapPath` (relative to the origin's object), creating missing
 * parent maps in the document's indentation. `valueText` is YAML text as it should be written
 * (e.g. `"5"` with its quotes; see `yamlQuoted`). Returns undefined when the document cannot be
 * edited there (not parsed, or a path step is a scalar or sequence).
 */
export function setMapEntry(index: RepoIndex, origin: EditOrigin, mapPath: ValuePath, key: string, valueText: string): TextEdit[] | undefined {
  const site = editSiteOf(index, origin);
  return site ? setMapEntryAt(site, [...origin.path, ...mapPath], key, { kind: 'scalar', text: valueText }) : undefined;
}

/**
 * Sets `key: |` followed by `content` as an indented literal block (for multi-line strings such as
 * Lua health checks), creating missing parent maps. Undefined when the document cannot be edited there.
 */
export function addBlockScalar(index: RepoIndex, origin: EditOrigin, mapPath: ValuePath, key: string, content: string): TextEdit[] | undefined {
  const site = editSiteOf(index, origin);
  return site ? setMapEntryAt(site, [...origin.path, ...mapPath], key, { kind: 'blockScalar', content }) : undefined;
}

/** Double-quotes the plain scalar at `valuePath` exactly as written (`5` → `"5"`); undefined when it is not a plain scalar. */
export function quoteScalar(index: RepoIndex, origin: EditOrigin, valuePath: ValuePath): TextEdit[] | undefined {
  const site = editSiteOf(index, origin);
  return site ? quoteScalarAt(site, [...origin.path, ...valuePath]) : undefined;
}

/** Replaces the scalar at `valuePath` with `valueText` (YAML text); undefined when there is no scalar there. */
export function replaceScalar(index: RepoIndex, origin: EditOrigin, valuePath: ValuePath, valueText: string): TextEdit[] | undefined {
  const site = editSiteOf(index, origin);
  return site ? replaceScalarAt(site, [...origin.path, ...valuePath], valueText) : undefined;
}

/**
 * Appends `- itemText` to the sequence at `sequencePath`, creating the sequence (and missing parent
 * maps) when absent. Undefined when something other than a sequence or null is there.
 */
export function appendToSequence(index: RepoIndex, origin: EditOrigin, sequencePath: ValuePath, itemText: string): TextEdit[] | undefined {
  const site = editSiteOf(index, origin);
  return site ? appendToSequenceAt(site, [...origin.path, ...sequencePath], itemText) : undefined;
}

/**
 * Removes `key` and its value from the map at `mapPath`. A block map emptied this way goes too, with
 * its key (`annotations:`); elsewhere it becomes `{}`. Undefined when the key is not there or cannot
 * be removed cleanly.
 */
export function removeMapEntry(index: RepoIndex, origin: EditOrigin, mapPath: ValuePath, key: string): TextEdit[] | undefined {
  const site = editSiteOf(index, origin);
  return site ? removeMapEntryAt(site, [...origin.path, ...mapPath], key) : undefined;
}

/**
 * A fix adding Argo CD's documented Application health check (`APPLICATION_HEALTH_LUA`) where Argo CD
 * is configured: `data` of argocd-cm, or `configs.cm` of argo-cd chart values. Undefined when that
 * document cannot be edited.
 */
export function addApplicationHealthCheckFix(index: RepoIndex, location: ArgoConfigLocation): Fix | undefined {
  const origin = { file: location.file, documentIndex: location.documentIndex, path: [] };
  const edits = addBlockScalar(index, origin, location.mapPath, APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA);
  if (!edits) return undefined;
  const where = location.container === 'argocd-cm' ? 'argocd-cm' : 'configs.cm of the argo-cd chart values';
  return { title: `Add the Application health check to ${where}`, edits, preferred: true };
}

/** `setMapEntry` on an edit site, with a full document path and any new value. */
export function setMapEntryAt(site: YamlEditSite, mapPath: ValuePath, key: string, value: NewYamlValue): TextEdit[] | undefined {
  const walk = walkPath(site, [...mapPath, key]);
  if (walk.rest.length === 0) {
    // The key exists: replace its value.
    if (!walk.pair) return undefined;
    return replacePairValue(site, walk.pair, walk.pairInFlow, value);
  }
  const missing = walk.rest.slice(0, -1);
  const entry = nestEntry(missing, key, value);
  if (!entry) return undefined;
  return insertEntryInto(site, walk, entry);
}

/** `quoteScalar` on an edit site. */
export function quoteScalarAt(site: YamlEditSite, valuePath: ValuePath): TextEdit[] | undefined {
  const walk = walkPath(site, valuePath);
  const node = walk.node;
  if (walk.rest.length > 0 || !isScalar(node) || node.type !== Scalar.PLAIN) return undefined;
  const range = rangeOf(node);
  if (!range) return undefined;
  const written = site.text.slice(range[0], range[1]);
  if (written.includes('\n')) return undefined;
  return [edit(site, range[0], range[1], yamlQuoted(written))];
}

/** `replaceScalar` on an edit site. */
export function replaceScalarAt(site: YamlEditSite, valuePath: ValuePath, valueText: string): TextEdit[] | undefined {
  const walk = walkPath(site, valuePath);
  const node = walk.node;
  if (walk.rest.length > 0 || !isScalar(node)) return undefined;
  const range = rangeOf(node);
  if (!range) return undefined;
  if (node.value === null && range[0] === range[1]) {
    // `key:` with nothing written: put the value after the colon.
    const colon = walk.pair ? colonAfterKey(site, walk.pair) : undefined;
    return colon === undefined ? undefined : [edit(site, colon + 1, colon + 1, ` ${valueText}`)];
  }
  const isBlock = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  const end = isBlock ? trimEndOffset(site.text, range[0], range[1]) : range[1];
  return [edit(site, range[0], end, valueText)];
}

/** `appendToSequence` on an edit site. */
export function appendToSequenceAt(site: YamlEditSite, sequencePath: ValuePath, itemText: string): TextEdit[] | undefined {
  const walk = walkPath(site, sequencePath);
  if (walk.rest.length > 0) {
    const key = walk.rest[walk.rest.length - 1];
    if (typeof key !== 'string') return undefined;
    return setMapEntryAt(site, sequencePath.slice(0, -1), key, { kind: 'sequence', items: [itemText] });
  }
  const node = walk.node;
  if (isNullNode(node)) {
    return walk.pair ? replacePairValue(site, walk.pair, walk.pairInFlow, { kind: 'sequence', items: [itemText] }) : undefined;
  }
  if (!isSeq(node)) return undefined;
  const range = rangeOf(node);
  if (!range) return undefined;
  if (node.flow === true) return insertIntoFlow(site, range, node.items.length === 0 ? undefined : rangeOf(node.items[node.items.length - 1]), itemText, ']');
  const last = node.items[node.items.length - 1];
  const lastEnd = rangeOf(last)?.[1] ?? range[1];
  return insertLinesAfter(site, lastEnd, [`${' '.repeat(columnOf(site.text, range[0]))}- ${itemText}`]);
}

/** `removeMapEntry` on an edit site. */
export function removeMapEntryAt(site: YamlEditSite, mapPath: ValuePath, key: string): TextEdit[] | undefined {
  const walk = walkPath(site, mapPath);
  const map = walk.node;
  if (walk.rest.length > 0 || !isMap(map)) return undefined;
  const position = map.items.findIndex((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
  const pair = map.items[position];
  const keyRange = pair ? rangeOf(pair.key) : undefined;
  if (!pair || !keyRange) return undefined;
  const valueEnd = pairEnd(site, pair);
  if (map.flow === true) return removeFromFlowMap(site, map.items, position, keyRange[0], valueEnd);
  const lineStart = lineStartOf(site.text, keyRange[0]);
  const aloneOnItsLines = site.text.slice(lineStart, keyRange[0]).trim() === '';
  if (map.items.length === 1 && walk.pair && !walk.pairInFlow) {
    // The only entry: remove the emptied map with its key when the key has its own lines, else leave `parent: {}`.
    const parentKey = rangeOf(walk.pair.key);
    const parentLineStart = parentKey ? lineStartOf(site.text, parentKey[0]) : undefined;
    if (parentKey && parentLineStart !== undefined && site.text.slice(parentLineStart, parentKey[0]).trim() === '' && aloneOnItsLines) {
      return [edit(site, parentLineStart, nextLineStartOf(site.text, valueEnd) ?? site.text.length, '')];
    }
    const colon = colonAfterKey(site, walk.pair);
    if (colon === undefined) return undefined;
    return [edit(site, colon + 1, lineContentEndOf(site.text, valueEnd), ' {}')];
  }
  if (!aloneOnItsLines) return undefined;
  const end = nextLineStartOf(site.text, valueEnd) ?? site.text.length;
  return [edit(site, lineStart, end, '')];
}

function replacePairValue(site: YamlEditSite, pair: Pair, inFlow: boolean, value: NewYamlValue): TextEdit[] | undefined {
  const colon = colonAfterKey(site, pair);
  const keyRange = rangeOf(pair.key);
  if (colon === undefined || !keyRange) return undefined;
  const current = pair.value;
  const currentRange = rangeOf(current);
  if (inFlow) {
    if (!currentRange || currentRange[0] === currentRange[1]) return [edit(site, colon + 1, colon + 1, ` ${renderFlowValue(value)}`)];
    return [edit(site, currentRange[0], currentRange[1], renderFlowValue(value))];
  }
  if (value.kind === 'scalar' && isScalar(current) && currentRange && currentRange[0] < currentRange[1] && current.type !== Scalar.BLOCK_LITERAL && current.type !== Scalar.BLOCK_FOLDED) {
    return [edit(site, currentRange[0], currentRange[1], value.text)];
  }
  const keyColumn = columnOf(site.text, keyRange[0]);
  const written = currentRange !== undefined && currentRange[0] < currentRange[1];
  if (!written && (value.kind === 'map' || value.kind === 'sequence')) {
    // `key:` (maybe with a comment): the new lines go after the whole line, so the comment stays where it is.
    const lineEnd = lineContentEndOf(site.text, colon);
    return [edit(site, lineEnd, lineEnd, valueAfterColon(site, value, keyColumn))];
  }
  const end = written ? trimEndOffset(site.text, colon + 1, currentRange[1]) : colon + 1;
  return [edit(site, colon + 1, end, valueAfterColon(site, value, keyColumn))];
}

function valueAfterColon(site: YamlEditSite, value: NewYamlValue, keyColumn: number): string {
  switch (value.kind) {
    case 'scalar':
      return ` ${value.text}`;
    case 'blockScalar':
      return ` ${blockScalarHeader(value.content, site.indentUnit)}${site.eol}${blockScalarLines(value.content, keyColumn + site.indentUnit).join(site.eol)}`;
    case 'map':
      return `${site.eol}${renderBlockValueLines(value, keyColumn + site.indentUnit, site).join(site.eol)}`;
    case 'sequence':
      return `${site.eol}${renderBlockValueLines(value, keyColumn + site.sequenceIndent, site).join(site.eol)}`;
  }
}

function insertEntryInto(site: YamlEditSite, walk: ReturnType<typeof walkPath>, entry: readonly [string, NewYamlValue]): TextEdit[] | undefined {
  const node = walk.node;
  if (isNullNode(node)) {
    // `parent:` (or `parent: ~`) with no map yet: the entry becomes its value.
    if (!walk.pair) return undefined;
    return replacePairValue(site, walk.pair, walk.pairInFlow, { kind: 'map', entries: [entry] });
  }
  if (!isMap(node)) return undefined;
  const range = rangeOf(node);
  if (!range) return undefined;
  if (node.flow === true) {
    if (node.items.length === 0 && walk.pair && !walk.pairInFlow) {
      // `annotations: {}` in a block map: write the entry in block style instead.
      return replacePairValue(site, walk.pair, false, { kind: 'map', entries: [entry] });
    }
    const last = node.items[node.items.length - 1];
    const lastRange = last ? [rangeOf(last.key)?.[0] ?? range[0], pairEnd(site, last)] as const : undefined;
    return insertIntoFlow(site, range, lastRange, `${yamlKey(entry[0])}: ${renderFlowValue(entry[1])}`, '}');
  }
  const last = node.items[node.items.length - 1];
  const firstKey = rangeOf(node.items[0]?.key);
  if (!last || !firstKey) return undefined;
  const lastEnd = pairEnd(site, last);
  const lines = renderBlockEntry(entry[0], entry[1], columnOf(site.text, firstKey[0]), site);
  const keepsTrailingLines = isScalar(last.value) && /^[|>][0-9]?\+|^[|>]\+/.test(site.text.slice(rangeOf(last.value)?.[0] ?? 0));
  return insertLinesAfter(site, lastEnd, lines, keepsTrailingLines ? rangeOf(last.value)?.[1] : undefined);
}

/** Where a pair's written text ends (its value's end, or the key's when the value is missing), before trailing blank lines. */
function pairEnd(site: YamlEditSite, pair: Pair): number {
  const keyEnd = rangeOf(pair.key)?.[1] ?? 0;
  const valueRange = rangeOf(pair.value);
  const end = valueRange && valueRange[1] > keyEnd ? valueRange[1] : keyEnd;
  return trimEndOffset(site.text, keyEnd, end);
}

/** Inserts whole lines after the line holding `afterOffset` (or exactly at `exactOffset`, a line start, when given). */
function insertLinesAfter(site: YamlEditSite, afterOffset: number, lines: readonly string[], exactOffset?: number): TextEdit[] {
  const block = lines.join(site.eol);
  if (exactOffset !== undefined && (exactOffset === 0 || site.text[exactOffset - 1] === '\n')) return [edit(site, exactOffset, exactOffset, `${block}${site.eol}`)];
  const next = nextLineStartOf(site.text, afterOffset);
  if (next === undefined) return [edit(site, site.text.length, site.text.length, `${site.eol}${block}`)];
  return [edit(site, next, next, `${block}${site.eol}`)];
}

/** Inserts `itemText` into a flow collection: after its last item, or inside the empty brackets. */
function insertIntoFlow(site: YamlEditSite, range: readonly [number, number], lastItem: readonly [number, number] | undefined, itemText: string, closer: '}' | ']'): TextEdit[] | undefined {
  if (lastItem) return [edit(site, lastItem[1], lastItem[1], `, ${itemText}`)];
  const close = site.text.lastIndexOf(closer, range[1]);
  if (close < range[0]) return undefined;
  return [edit(site, close, close, itemText)];
}

function removeFromFlowMap(site: YamlEditSite, items: readonly Pair[], position: number, start: number, end: number): TextEdit[] | undefined {
  if (items.length === 1) return [edit(site, start, end, '')];
  const next = items[position + 1];
  if (next) {
    const nextStart = rangeOf(next.key)?.[0];
    return nextStart === undefined ? undefined : [edit(site, start, nextStart, '')];
  }
  const previous = items[position - 1];
  const previousEnd = previous ? pairEnd(site, previous) : undefined;
  return previousEnd === undefined ? undefined : [edit(site, previousEnd, end, '')];
}

function edit(site: YamlEditSite, start: number, end: number, newText: string): TextEdit {
  return { file: site.file, span: { start, end }, newText };
}
