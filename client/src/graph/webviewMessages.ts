// The messages between the wave graph webview and the extension, and the validator every webview message passes before it is used.
import type { FolderGraph } from '../../../server/src/lsp/protocol';

/** Longest node id the webview may send back (ids come from the server; a longer one is not ours). */
export const MAX_NODE_ID_LENGTH = 1024;
/** Largest SVG export accepted from the webview, in UTF-16 code units (a graph of a few hundred apps is well under 1 MB). */
export const MAX_SVG_LENGTH = 8 * 1024 * 1024;
/** Largest request number accepted (requests are counted from 0 by the extension). */
const MAX_REQUEST_ID = Number.MAX_SAFE_INTEGER;

/** The webview finished loading and wants the current graph. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** The user clicked a node: open its definition. */
export interface OpenNodeMessage {
  readonly type: 'openNode';
  readonly nodeId: string;
}

/** The user clicked an edge: open where the need is written. `edge` indexes the graph's `edges`. */
export interface OpenEdgeMessage {
  readonly type: 'openEdge';
  readonly edge: number;
}

/** The serialized graph as a standalone SVG document; `requestId` answers an `exportSvg` request, or is -1 for the toolbar button. */
export interface SvgMessage {
  readonly type: 'svg';
  readonly requestId: number;
  readonly svg: string;
}

/** Everything the webview may send. */
export type WebviewMessage = ReadyMessage | OpenNodeMessage | OpenEdgeMessage | SvgMessage;

/** The graph to draw (null with a sentence when there is nothing to draw yet). */
export interface ShowGraphMessage {
  readonly type: 'graph';
  /** The workspace folder's name, for the title line. */
  readonly folderName: string;
  readonly graph: FolderGraph | null;
  /** Shown instead of a graph when `graph` is null or empty (e.g. "Indexing…"). */
  readonly notice: string | null;
}

/** Highlight a node and bring it into view. */
export interface RevealNodeMessage {
  readonly type: 'reveal';
  readonly nodeId: string;
}

/** Ask for the SVG export; the webview answers with an {@link SvgMessage} carrying the same `requestId`. */
export interface ExportSvgMessage {
  readonly type: 'exportSvg';
  readonly requestId: number;
}

/** Everything the extension sends to the webview. */
export type HostMessage = ShowGraphMessage | RevealNodeMessage | ExportSvgMessage;

/** Why a message was refused (for the log), or the message. */
export type ValidationResult = { readonly ok: true; readonly message: WebviewMessage } | { readonly ok: false; readonly reason: string };

const EXPECTED_KEYS: Record<WebviewMessage['type'], readonly string[]> = {
  ready: ['type'],
  openNode: ['type', 'nodeId'],
  openEdge: ['type', 'edge'],
  svg: ['type', 'requestId', 'svg'],
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isIndex(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

/**
 * Checks a message posted by the webview. The webview renders repository content, so it is treated as
 * untrusted: a message must be a plain object of a known `type` with exactly that type's fields, each of
 * the right type and size. Anything else is refused with the reason.
 */
export function validateWebviewMessage(value: unknown): ValidationResult {
  if (!isPlainObject(value)) return { ok: false, reason: 'not an object' };
  const type = value['type'];
  if (typeof type !== 'string' || !Object.hasOwn(EXPECTED_KEYS, type)) return { ok: false, reason: 'unknown type' };
  const expected = EXPECTED_KEYS[type as WebviewMessage['type']];
  const keys = Object.keys(value);
  const extra = keys.filter((key) => !expected.includes(key));
  if (extra.length > 0) return { ok: false, reason: `unexpected field ${extra[0]!.slice(0, 40)}` };
  const missing = expected.filter((key) => !keys.includes(key));
  if (missing.length > 0) return { ok: false, reason: `missing field ${missing[0]}` };
  switch (type) {
    case 'ready':
      return { ok: true, message: { type: 'ready' } };
    case 'openNode': {
      const nodeId = value['nodeId'];
      if (typeof nodeId !== 'string' || nodeId.length === 0 || nodeId.length > MAX_NODE_ID_LENGTH) return { ok: false, reason: 'bad nodeId' };
      return { ok: true, message: { type: 'openNode', nodeId } };
    }
    case 'openEdge': {
      const edge = value['edge'];
      if (!isIndex(edge, 1_000_000)) return { ok: false, reason: 'bad edge index' };
      return { ok: true, message: { type: 'openEdge', edge } };
    }
    default: {
      const requestId = value['requestId'];
      const svg = value['svg'];
      if (!(requestId === -1 || isIndex(requestId, MAX_REQUEST_ID))) return { ok: false, reason: 'bad requestId' };
      if (typeof svg !== 'string') return { ok: false, reason: 'svg is not a string' };
      if (svg.length > MAX_SVG_LENGTH) return { ok: false, reason: 'svg too large' };
      if (!svg.startsWith('<svg')) return { ok: false, reason: 'not an SVG document' };
      return { ok: true, message: { type: 'svg', requestId, svg } };
    }
  }
}
