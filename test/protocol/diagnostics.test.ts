// Protocol tests: the bundled server over stdio publishes, updates and clears diagnostics as files and settings change.
import { rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver/node';
import { buildServerBundle, codes, fileUri, TestLanguageServer, writeRepositoryFile, writeTemporaryRepository } from '../support/lspClient';
import { FIXTURE_FILES } from './fixtureRepository';

/** One line per diagnostic: range, severity, code, message (related locations indented below). */
function render(root: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const head = `${start.line}:${start.character}-${end.line}:${end.character} severity ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
      const related = (diagnostic.relatedInformation ?? []).map(
        (item) => `\n  related ${path.relative(root, new URL(item.location.uri).pathname)} ${item.location.range.start.line}:${item.location.range.start.character} ${item.message}`,
      );
      return head + related.join('');
    })
    .join('\n');
}

describe('language server: diagnostics', () => {
  let server: TestLanguageServer | undefined;
  let root: string | undefined;

  beforeAll(() => buildServerBundle(), 120_000);
  afterEach(async () => {
    await server?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
    server = undefined;
    root = undefined;
  });

  /** Starts a server on a fresh copy of the fixture and waits for the initial diagnostics. */
  async function startOnFixture(settings?: unknown): Promise<{ server: TestLanguageServer; root: string }> {
    root = writeTemporaryRepository(FIXTURE_FILES);
    server = TestLanguageServer.launch();
    await server.initialize(root, { settings });
    await server.waitForLog(/^Indexed /);
    return { server, root };
  }

  it('declares only what it implements', async () => {
    root = writeTemporaryRepository(FIXTURE_FILES);
    server = TestLanguageServer.launch();
    const result = await server.initialize(root);
    expect(result.capabilities).toMatchInlineSnapshot(`
      {
        "codeActionProvider": {
          "codeActionKinds": [
            "quickfix",
            "source.fixAll.gitopsWaves",
          ],
        },
        "codeLensProvider": {
          "resolveProvider": false,
        },
        "completionProvider": {
          "triggerCharacters": [
            """,
            " ",
            ",",
            "/",
          ],
        },
        "definitionProvider": true,
        "documentSymbolProvider": true,
        "hoverProvider": true,
        "positionEncoding": "utf-16",
        "textDocumentSync": {
          "change": 2,
          "openClose": true,
        },
        "workspace": {
          "workspaceFolders": {
            "changeNotifications": true,
            "supported": true,
          },
        },
        "workspaceSymbolProvider": true,
      }
    `);
    expect(result.serverInfo?.name).toBe('gitops-waves-language-server');
  });

  it('indexes the folder with progress and publishes diagnostics for files that are not open', async () => {
    const { server, root } = await startOnFixture();
    const broken = await server.waitForDiagnostics(path.join(root, 'web/broken.yaml'), (list) => list.length > 0);
    expect(render(root, broken)).toMatchInlineSnapshot(
      `"1:0-1:0 severity 2 parse/yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]; this document is not analysed."`,
    );
    const copy = await server.waitForDiagnostics(path.join(root, 'apps/web-copy.yaml'), (list) => list.length > 0);
    expect(render(root, copy)).toMatchInlineSnapshot(`
      "3:8-3:11 severity 1 model/duplicate-application-name Application name 'web' is also used by the Application in apps/web.yaml: Argo CD keeps one Application per name and namespace, so they overwrite each other.
        related apps/web.yaml 3:8 the Application in apps/web.yaml"
    `);
    expect(copy[0]?.codeDescription?.href).toMatch(/\/docs\/rules\/model\/duplicate-application-name\.md$/);
    expect(copy[0]?.source).toBe('gitops-waves');
    // Files without findings get nothing.
    expect(server.diagnostics.has(path.join(root, 'root.yaml'))).toBe(false);
    // Work-done progress: begin … end.
    const progress = server.received.filter((item) => item.kind === 'progress').map((item) => (item.kind === 'progress' ? (item.value as { kind: string }).kind : ''));
    expect(progress[0]).toBe('begin');
    expect(progress.at(-1)).toBe('end');
    // The client is asked to watch the files; the server watches nothing itself.
    expect(server.registrations.map((registration) => registration.method)).toContain('workspace/didChangeWatchedFiles');
  });

  it('publishes a problem an edit introduces, and clears it when the next edit fixes it', async () => {
    const { server, root } = await startOnFixture();
    const file = path.join(root, 'web/config.yaml');
    const uri = fileUri(root, 'web/config.yaml');
    await server.open(uri, FIXTURE_FILES['web/config.yaml']!, 1);
    // `  greeting: hello` is line 5 (0-based); replace `hello` (columns 12-17) by `[hello`.
    await server.change(uri, 2, [{ range: { start: { line: 5, character: 12 }, end: { line: 5, character: 17 } }, text: '[hello' }]);
    const broken = await server.waitForDiagnostics(file, (list, params) => list.length > 0 && params.version === 2);
    expect(codes(broken)).toEqual(['parse/yaml-syntax']);
    await server.change(uri, 3, [{ range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } }, text: '' }]);
    await server.waitForDiagnostics(file, (list) => list.length === 0);
    // Only the edited file was parsed again.
    expect((await server.status()).folders[0]?.lastParsedFiles).toBe(1);
  });

  it('keeps up with typing: one change per character, coalesced, ending with the diagnostics of the last version', async () => {
    const { server, root } = await startOnFixture();
    const uri = fileUri(root, 'apps/typed.yaml');
    const before = (await server.status()).folders[0]!;
    // A new, unsaved file: an Application named like two others.
    const text = FIXTURE_FILES['apps/web.yaml']!;
    await server.open(uri, '', 1);
    let line = 0;
    let character = 0;
    for (const [position, typed] of [...text].entries()) {
      await server.change(uri, position + 2, [{ range: { start: { line, character }, end: { line, character } }, text: typed }]);
      if (typed === '\n') {
        line++;
        character = 0;
      } else {
        character++;
      }
    }
    const lastVersion = text.length + 1;
    const diagnostics = await server.waitForDiagnostics(path.join(root, 'apps/typed.yaml'), (_list, params) => params.version === lastVersion);
    expect(codes(diagnostics)).toEqual(['model/duplicate-application-name']);
    const after = (await server.status()).folders[0]!;
    expect(after.analyses - before.analyses).toBeLessThan(text.length / 4);
    expect((await server.status()).documents).toEqual([{ uri, version: lastVersion }]);
  });

  it('ignores a change whose version is not newer, and logs it', async () => {
    const { server, root } = await startOnFixture();
    const file = path.join(root, 'web/config.yaml');
    const uri = fileUri(root, 'web/config.yaml');
    await server.open(uri, FIXTURE_FILES['web/config.yaml']!, 5);
    // Version 4 arrives late: applied, it would break line 5.
    await server.change(uri, 4, [{ range: { start: { line: 5, character: 12 }, end: { line: 5, character: 12 } }, text: '[' }]);
    await server.waitForLog(/stale change: version 4 is not greater than version 5/);
    expect((await server.status()).documents).toEqual([{ uri, version: 5 }]);
    // Version 6 opens a flow map on line 3: one error, not "(and 1 more)" as with version 4 applied too.
    await server.change(uri, 6, [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, text: '{' }]);
    const diagnostics = await server.waitForDiagnostics(file, (list, params) => list.length > 0 && params.version === 6);
    expect(render(root, diagnostics)).toMatchInlineSnapshot(`"4:0-4:1 severity 2 parse/yaml-syntax Flow map in block collection must be sufficiently indented and end with a }; this document is not analysed."`);
  });

  it('re-reads only the files a watched-file event names, and clears a deleted file', async () => {
    const { server, root } = await startOnFixture();
    const before = (await server.status()).folders[0]!;
    writeRepositoryFile(root, 'web/more.yaml', 'a: [1\n');
    unlinkSync(path.join(root, 'web/broken.yaml'));
    await server.filesChanged([
      { uri: fileUri(root, 'web/more.yaml'), type: 1 },
      { uri: fileUri(root, 'web/broken.yaml'), type: 3 },
    ]);
    await server.waitForDiagnostics(path.join(root, 'web/more.yaml'), (list) => codes(list).includes('parse/yaml-syntax'));
    await server.waitForDiagnostics(path.join(root, 'web/broken.yaml'), (list) => list.length === 0);
    const after = (await server.status()).folders[0]!;
    expect({ rescans: after.rescans - before.rescans, batches: after.watchedFileBatches - before.watchedFileBatches, parsed: after.lastParsedFiles }).toEqual({
      rescans: 0,
      batches: 1,
      parsed: 1,
    });
  });

  it('reads a new folder the client reports without re-reading the repository', async () => {
    const { server, root } = await startOnFixture();
    const before = (await server.status()).folders[0]!;
    writeRepositoryFile(root, 'added/deeper/oops.yaml', 'b: [1\n');
    writeRepositoryFile(root, 'added/fine.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n');
    // Watchers may report only the folder that came.
    await server.filesChanged([{ uri: fileUri(root, 'added'), type: 1 }]);
    await server.waitForDiagnostics(path.join(root, 'added/deeper/oops.yaml'), (list) => codes(list).includes('parse/yaml-syntax'));
    const after = (await server.status()).folders[0]!;
    expect({ rescans: after.rescans - before.rescans, batches: after.watchedFileBatches - before.watchedFileBatches, files: after.files - before.files }).toEqual({ rescans: 0, batches: 1, files: 2 });
  });

  it('turns a burst of 1,000 watched-file events into one re-read and one analysis', async () => {
    const { server, root } = await startOnFixture();
    const before = (await server.status()).folders[0]!;
    const changes: { uri: string; type: 1 }[] = [];
    for (let number = 0; number < 1000; number++) {
      const repoPath = `bulk/file-${String(number).padStart(4, '0')}.yaml`;
      writeRepositoryFile(root, repoPath, number === 999 ? 'broken: [\n' : `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bulk-${number}\n`);
      changes.push({ uri: fileUri(root, repoPath), type: 1 });
    }
    await server.filesChanged(changes);
    await server.waitForDiagnostics(path.join(root, 'bulk/file-0999.yaml'), (list) => codes(list).includes('parse/yaml-syntax'));
    const after = (await server.status()).folders[0]!;
    expect({
      rescans: after.rescans - before.rescans,
      batches: after.watchedFileBatches - before.watchedFileBatches,
      analyses: after.analyses - before.analyses,
      files: after.files - before.files,
    }).toEqual({ rescans: 1, batches: 1, analyses: 1, files: 1000 });
  });

  it('clears the diagnostics of a workspace folder the client removes, and indexes one it adds', async () => {
    const { server, root } = await startOnFixture();
    const folder = { uri: pathToFileURL(root).href, name: path.basename(root) };
    await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await server.waitForDiagnostics(path.join(root, 'web/broken.yaml'), (list) => list.length === 0);
    await server.waitForDiagnostics(path.join(root, 'apps/web.yaml'), (list) => list.length === 0);
    expect((await server.status()).folders).toEqual([]);
    await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    await server.waitForDiagnostics(path.join(root, 'web/broken.yaml'), (list) => list.length > 0);
  });

  it('follows the client settings gitopsWaves.rules: a severity override, then off', async () => {
    const { server, root } = await startOnFixture({ rules: { 'parse/yaml-syntax': 'error' } });
    const file = path.join(root, 'web/broken.yaml');
    const diagnostics = await server.waitForDiagnostics(file, (list) => list.length > 0);
    expect(diagnostics.map((diagnostic) => diagnostic.severity)).toEqual([1]);
    await server.changeSettings({ rules: { 'parse/yaml-syntax': 'off' } });
    await server.waitForDiagnostics(file, (list) => list.length === 0);
  });

  it('follows gitopsWaves.exclude and gitopsWaves.maxFileSize: excluded and oversized files are not analysed', async () => {
    const { server, root } = await startOnFixture({ exclude: ['web/**'] });
    // web/ is excluded: its broken file has no syntax finding, and the rest is analysed as usual.
    await server.waitForDiagnostics(path.join(root, 'apps/web.yaml'), (list) => list.length > 0);
    expect(server.diagnostics.get(path.join(root, 'web/broken.yaml'))?.diagnostics ?? []).toEqual([]);
    await server.changeSettings({ maxFileSize: 10 });
    const skipped = await server.waitForDiagnostics(path.join(root, 'web/broken.yaml'), (list) => list.some((diagnostic) => diagnostic.code === 'parse/file-too-large'));
    expect(skipped.map((diagnostic) => diagnostic.code)).toEqual(['parse/file-too-large']);
  });

  it('follows gitopsWaves.repoURL: with another repository URL the root\'s source is external, so the apps it listed become roots', async () => {
    const rootNames = async (server: TestLanguageServer): Promise<string[]> => {
      const tree = await server.connection.sendRequest<{ folders: { state: string; roots: { name: string }[] }[] }>('gitopsWaves/tree', {});
      return tree.folders.flatMap((folder) => folder.roots.map((root) => root.name)).sort();
    };
    const { server, root } = await startOnFixture({ repoURL: 'https://github.com/example/elsewhere.git' });
    await server.waitForDiagnostics(path.join(root, 'web/broken.yaml'), (list) => list.length > 0);
    expect(await rootNames(server)).toEqual(['root', 'web', 'web']);
    await server.changeSettings({});
    await expect.poll(() => rootNames(server), { timeout: 20_000 }).toEqual(['root']);
  });
});
