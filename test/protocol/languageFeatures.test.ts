// Protocol tests of the language features: hover, code actions (applied), code lens, definition, symbols, completion, tree and graph.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens, CompletionItem, DocumentSymbol, Hover, LocationLink, SymbolInformation, TextEdit } from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/analysis/text/lineIndex';
import { GraphRequest, TreeRequest, type TreeApp } from '../../server/src/lsp/protocol';
import { buildServerBundle, fileUri, TestLanguageServer, writeTemporaryRepository } from '../support/lspClient';
import { parseFixture } from '../support/fixture';
import { CORPUS_DIRECTORY } from '../support/corpus';
import { QUERY_FILES } from '../unit/queries/queryFixture';

/** The query fixture plus a file with two unquoted waves (a fix-all target). */
const FILES = {
  ...QUERY_FILES,
  ...parseFixture(`
    #- storage/jobs.yaml
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: first
      annotations:
        argocd.argoproj.io/sync-wave: 3 # keep this comment
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: second
      annotations:
        argocd.argoproj.io/sync-wave: -1
  `),
};

/** The LSP position of the `delta`-th character after the first `needle` in a file. */
function at(file: string, needle: string, delta = 1): { line: number; character: number } {
  const text = FILES[file] ?? '';
  const position = new LineIndex(text).position(text.indexOf(needle) + delta);
  return { line: position.line, character: position.column };
}

/** Applies LSP text edits to a text. */
function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits.map((edit) => ({ start: lines.offset({ line: edit.range.start.line, column: edit.range.start.character }), end: lines.offset({ line: edit.range.end.line, column: edit.range.end.character }), text: edit.newText }));
  let result = text;
  for (const edit of offsets.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

describe('language server: language features', () => {
  let server: TestLanguageServer;
  let root: string;
  const uri = (file: string): string => fileUri(root, file);

  beforeAll(async () => {
    buildServerBundle();
    root = writeTemporaryRepository(FILES);
    server = TestLanguageServer.launch();
    await server.initialize(root);
    await server.waitForLog(/^Indexed /);
  }, 120_000);
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('hovers an Application with its wave, ordering and needs, and a storageClassName with its provider', async () => {
    const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri('apps/web.yaml') }, position: at('apps/web.yaml', 'name: web', 7) });
    const value = (hover?.contents as { value: string }).value;
    expect(value).toContain('**Application `web`** · wave **0**');
    expect(value).toContain('- `storage` (wave 1): PersistentVolumeClaim data on StorageClass fast — comes later');
    const reference = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri('web/pvc.yaml') }, position: at('web/pvc.yaml', 'fast') });
    expect(reference?.range).toEqual({ start: at('web/pvc.yaml', 'fast', 0), end: at('web/pvc.yaml', 'fast', 4) });
    expect((reference?.contents as { value: string }).value).toMatch(/^PersistentVolumeClaim data on StorageClass fast: provided by Application `storage` \(wave 1\)/);
  });

  it('offers the quick fix and fix-all; applying fix-all quotes both waves and changes nothing else', async () => {
    const position = at('storage/jobs.yaml', ': 3', 2);
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri('storage/jobs.yaml') },
      range: { start: position, end: position },
      context: { diagnostics: [] },
    });
    expect(actions.map((action) => `${action.kind} ${action.isPreferred === true ? 'preferred ' : ''}${action.title} (${action.diagnostics?.length ?? 0} diagnostics)`)).toEqual([
      'quickfix preferred Quote the value: "3" (1 diagnostics)',
      'quickfix Fix all waves/unquoted-value problems in this file (2) (2 diagnostics)',
    ]);
    const edits = actions[1]?.edit?.changes?.[uri('storage/jobs.yaml')] ?? [];
    const original = FILES['storage/jobs.yaml'] ?? '';
    expect(applyTextEdits(original, edits)).toBe(original.replace('sync-wave: 3 #', 'sync-wave: "3" #').replace('sync-wave: -1', 'sync-wave: "-1"'));
    const fixAll = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri('storage/jobs.yaml') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(fixAll.map((action) => action.kind)).toEqual(['source.fixAll.gitopsWaves']);
  });

  it('puts code lenses with the reveal command above each Application', async () => {
    const lenses = await server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri('apps/web.yaml') } });
    expect(lenses).toEqual([
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        command: { title: 'wave 0 · waits for storage · 0 apps wait for it', command: 'gitopsWaves.revealInGraph', arguments: ['apps/web.yaml#0', pathToFileURL(root).href] },
      },
    ]);
  });

  it('goes to definitions, lists document and workspace symbols', async () => {
    const links = await server.connection.sendRequest<LocationLink[]>('textDocument/definition', { textDocument: { uri: uri('apps/web.yaml') }, position: at('apps/web.yaml', 'project: platform', 10) });
    expect(links.map((link) => `${path.relative(root, new URL(link.targetUri).pathname)}:${link.targetRange.start.line}`)).toEqual(['apps/project.yaml:3']);
    const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri('storage/jobs.yaml') } });
    expect(symbols.map((symbol) => `${symbol.name} ${symbol.range.start.line}-${symbol.range.end.line}`)).toEqual(['ConfigMap first 0-6', 'ConfigMap second 6-13']);
    const found = await server.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'stor' });
    expect(found.map((symbol) => `${symbol.name} ${path.relative(root, new URL(symbol.location.uri).pathname)}`)).toEqual(['storage apps/storage.yaml']);
  });

  it('completes wave values from the open document text', async () => {
    const text = (FILES['apps/web.yaml'] ?? '').replace('sync-wave: "0"', 'sync-wave: ');
    await server.open(uri('apps/web.yaml'), text, 1);
    const position = new LineIndex(text).position(text.indexOf('sync-wave: ') + 11);
    const items = await server.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri('apps/web.yaml') }, position: { line: position.line, character: position.column } });
    expect(items.map((item) => `${item.label} ${item.detail}`)).toEqual(['0 api, web', '1 storage', '2 teams']);
    await server.close(uri('apps/web.yaml'));
  });

  it('answers the tree and the graph', async () => {
    const tree = await server.connection.sendRequest(TreeRequest.type, {});
    const names = (apps: readonly TreeApp[]): string[] => apps.flatMap((app) => [app.name, ...names(app.children)]);
    expect(tree.folders.map((folder) => [folder.state, names(folder.roots).join(' ')])).toEqual([['ready', 'root api web storage teams team-blue team-red']]);
    const graph = await server.connection.sendRequest(GraphRequest.type, { uri: uri('apps/web.yaml') });
    const folder = graph.folders[0];
    expect(folder?.waves.map((wave) => wave.wave)).toEqual([0, 1, 2]);
    expect(folder?.violations.map((violation) => `${violation.dependent} → ${violation.provider} ${violation.ordering}`)).toEqual([
      'apps/web.yaml#0 → apps/storage.yaml#0 after',
      'apps/web.yaml#0 → apps/storage.yaml#0 after',
    ]);
    expect(folder?.nodes.find((node) => node.name === 'web')?.location.uri).toBe(uri('apps/web.yaml'));
  });

  it('answers a request on a document the user just changed from the analysis of the new text, never with edits for the old one', async () => {
    const file = 'storage/jobs.yaml';
    const original = FILES[file] ?? '';
    await server.open(uri(file), original, 1);
    // Two lines inserted at the top, and at once a quick-fix request at the wave's new place: no diagnostics awaited first.
    const inserted = '# edited\n# twice\n';
    await server.change(uri(file), 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: inserted }]);
    const edited = inserted + original;
    const offset = edited.indexOf(': 3') + 2;
    const position = new LineIndex(edited).position(offset);
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(file) },
      range: { start: { line: position.line, character: position.column }, end: { line: position.line, character: position.column } },
      context: { diagnostics: [] },
    });
    const quote = actions.find((action) => action.title === 'Quote the value: "3"');
    expect(applyTextEdits(edited, quote?.edit?.changes?.[uri(file)] ?? [])).toBe(edited.replace('sync-wave: 3 #', 'sync-wave: "3" #'));
    await server.close(uri(file));
  });
});

const TALOS = path.join(CORPUS_DIRECTORY, 'mitchross__talos-argocd-proxmox@981779b');

describe.skipIf(!existsSync(TALOS))('language server: features on mitchross/talos-argocd-proxmox', () => {
  let server: TestLanguageServer;

  beforeAll(async () => {
    buildServerBundle();
    server = TestLanguageServer.launch();
    await server.initialize(TALOS);
    await server.waitForLog(/^Indexed /, 60_000);
  }, 120_000);
  afterAll(() => server.stop());

  it('answers the tree, the graph, workspace symbols, and a hover and lens on every Application file without error', async () => {
    const tree = await server.connection.sendRequest(TreeRequest.type, {});
    const graph = await server.connection.sendRequest(GraphRequest.type, {});
    const folder = graph.folders[0];
    expect(tree.folders[0]?.roots.length).toBeGreaterThan(0);
    expect(folder?.nodes.length).toBeGreaterThan(10);
    const symbols = await server.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '' });
    expect(symbols.length).toBe(folder?.nodes.length);
    const files = [...new Set(folder?.nodes.map((node) => node.location.uri))].slice(0, 40);
    let hovers = 0;
    for (const file of files) {
      const node = folder?.nodes.find((candidate) => candidate.location.uri === file);
      const hover = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: file }, position: node?.location.range.start });
      if (hover) hovers++;
      await server.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: file } });
      await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: file } });
    }
    expect(hovers).toBeGreaterThan(files.length / 2);
    console.log(`talos: ${folder?.nodes.length} nodes, ${folder?.edges.length} edges, ${folder?.violations.length} violations, ${hovers}/${files.length} hovers`);
  }, 60_000);

});
