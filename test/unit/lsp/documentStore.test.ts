// The open-document store: changes apply in order, stale versions and unknown documents are refused.
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../server/src/lsp/documentStore';

const URI = 'file:///repo/apps/web.yaml';

function openStore(text: string, version = 1): DocumentStore {
  const store = new DocumentStore();
  store.open({ textDocument: { uri: URI, languageId: 'yaml', version, text } });
  return store;
}

describe('DocumentStore', () => {
  it('applies the changes of one notification in order (S → S′ → S″)', () => {
    const store = openStore('a: 1\nb: 2\n');
    const update = store.change({
      textDocument: { uri: URI, version: 2 },
      contentChanges: [
        // c1 inserts a line at the top; c2's range is in S′, so line 2 is the former line 1.
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'z: 0\n' },
        { range: { start: { line: 2, character: 3 }, end: { line: 2, character: 4 } }, text: '20' },
      ],
    });
    expect(update.kind).toBe('applied');
    expect(store.get(URI)?.getText()).toBe('z: 0\na: 1\nb: 20\n');
  });

  it('refuses a change whose version is not newer, and a change to a closed document', () => {
    const store = openStore('a: 1\n', 5);
    expect(store.change({ textDocument: { uri: URI, version: 5 }, contentChanges: [{ text: 'b: 2\n' }] })).toEqual({
      kind: 'ignored',
      uri: URI,
      reason: 'stale change: version 5 is not greater than version 5 already applied',
    });
    expect(store.get(URI)?.getText()).toBe('a: 1\n');
    // Versions need not be consecutive (LSP 3.17).
    expect(store.change({ textDocument: { uri: URI, version: 9 }, contentChanges: [{ text: 'b: 2\n' }] }).kind).toBe('applied');
    expect(store.close({ textDocument: { uri: URI } }).kind).toBe('applied');
    expect(store.change({ textDocument: { uri: URI, version: 10 }, contentChanges: [{ text: 'c: 3\n' }] }).kind).toBe('ignored');
    expect(store.all()).toEqual([]);
  });

  it('clamps a range past the end of the text instead of failing', () => {
    const store = openStore('a: 1\n');
    store.change({ textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 41, character: 3 } }, text: 'b: 2\n' }] });
    expect(store.get(URI)?.getText()).toBe('a: 1\nb: 2\n');
  });
});
