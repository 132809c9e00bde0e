// Messages from the wave graph webview: only the known shapes pass; unknown types, extra fields, wrong types and huge payloads are refused.
import { describe, expect, it } from 'vitest';
import { MAX_NODE_ID_LENGTH, MAX_SVG_LENGTH, validateWebviewMessage } from '../../client/src/graph/webviewMessages';

function reason(value: unknown): string {
  const result = validateWebviewMessage(value);
  return result.ok ? `accepted ${JSON.stringify(result.message).slice(0, 60)}` : result.reason;
}

describe('validateWebviewMessage', () => {
  it('accepts the four message types with exactly their fields', () => {
    expect(validateWebviewMessage({ type: 'ready' })).toEqual({ ok: true, message: { type: 'ready' } });
    expect(validateWebviewMessage({ type: 'openNode', nodeId: 'app:argocd/volsync' })).toEqual({ ok: true, message: { type: 'openNode', nodeId: 'app:argocd/volsync' } });
    expect(validateWebviewMessage({ type: 'openEdge', edge: 3 })).toEqual({ ok: true, message: { type: 'openEdge', edge: 3 } });
    expect(validateWebviewMessage({ type: 'svg', requestId: -1, svg: '<svg xmlns="http://www.w3.org/2000/svg"/>' })).toMatchObject({ ok: true });
  });

  it('refuses what is not a plain object or has an unknown type', () => {
    expect([null, 'ready', 42, ['ready'], new Date(), { type: 'runCommand', command: 'x' }, { type: '__proto__' }, { type: 'toString' }, {}].map(reason)).toMatchInlineSnapshot(`
      [
        "not an object",
        "not an object",
        "not an object",
        "not an object",
        "not an object",
        "unknown type",
        "unknown type",
        "unknown type",
        "unknown type",
      ]
    `);
  });

  it('refuses extra and missing fields', () => {
    expect(reason({ type: 'ready', command: 'workbench.action.terminal.new' })).toBe('unexpected field command');
    expect(reason({ type: 'openNode', nodeId: 'a', uri: 'command:evil' })).toBe('unexpected field uri');
    expect(reason({ type: 'openNode' })).toBe('missing field nodeId');
    expect(reason({ type: 'svg', svg: '<svg/>' })).toBe('missing field requestId');
  });

  it('refuses fields of the wrong type or range', () => {
    expect(reason({ type: 'openNode', nodeId: 7 })).toBe('bad nodeId');
    expect(reason({ type: 'openNode', nodeId: '' })).toBe('bad nodeId');
    expect(reason({ type: 'openEdge', edge: -1 })).toBe('bad edge index');
    expect(reason({ type: 'openEdge', edge: 1.5 })).toBe('bad edge index');
    expect(reason({ type: 'openEdge', edge: '1' })).toBe('bad edge index');
    expect(reason({ type: 'svg', requestId: -2, svg: '<svg/>' })).toBe('bad requestId');
    expect(reason({ type: 'svg', requestId: 0, svg: '<html><script>' })).toBe('not an SVG document');
  });

  it('refuses huge payloads', () => {
    expect(reason({ type: 'openNode', nodeId: 'x'.repeat(MAX_NODE_ID_LENGTH + 1) })).toBe('bad nodeId');
    expect(reason({ type: 'svg', requestId: 0, svg: `<svg>${'x'.repeat(MAX_SVG_LENGTH)}` })).toBe('svg too large');
    expect(reason({ type: 'openEdge', edge: 10_000_000 })).toBe('bad edge index');
  });
});
