// Protocol tests: the server stays up when a handler fails, and a file that kills it is quarantined at the next start.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc';
import { buildServerBundle, codes, TestLanguageServer, writeTemporaryRepository } from '../support/lspClient';
import { FIXTURE_FILES } from './fixtureRepository';

/** The marker that makes the test build of the parser abort (see server/src/lsp/testFaults.ts). */
const POISON_MARKER = 'GITOPS-WAVES-TEST-POISON-7f3a';
const POISON_ENV = { GITOPS_WAVES_TEST_ABORT_MARKER: POISON_MARKER };

describe('language server: never down', () => {
  const servers: TestLanguageServer[] = [];
  const roots: string[] = [];

  beforeAll(() => buildServerBundle(), 120_000);
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  function launch(options: Parameters<typeof TestLanguageServer.launch>[0] = {}): TestLanguageServer {
    const server = TestLanguageServer.launch(options);
    servers.push(server);
    return server;
  }

  it('answers a failing request with an error, logs it, and keeps serving', async () => {
    const root = writeTemporaryRepository(FIXTURE_FILES);
    roots.push(root);
    const server = launch({ env: { GITOPS_WAVES_TEST_FAULTS: '1' } });
    await server.initialize(root);
    const failure = await server.connection.sendRequest('gitopsWaves/test/throw').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ResponseError);
    expect((failure as ResponseError<unknown>).code).toBe(-32603);
    expect((failure as ResponseError<unknown>).message).toContain('injected failure');
    expect(await server.waitForLog(/gitopsWaves\/test\/throw failed: Error: injected failure/)).toContain('at ');
    // Liveness: the same process answers.
    expect((await server.status()).pid).toBe(server.process.pid);
  });

  it('honours cancellation: a cancelled request answers RequestCancelled and the server keeps serving', async () => {
    const root = writeTemporaryRepository(FIXTURE_FILES);
    roots.push(root);
    const server = launch({ env: { GITOPS_WAVES_TEST_FAULTS: '1' } });
    await server.initialize(root);
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest('gitopsWaves/test/untilCancelled', source.token).then(
      () => undefined,
      (error: unknown) => error,
    );
    source.cancel();
    const failure = await pending;
    expect(failure).toBeInstanceOf(ResponseError);
    expect((failure as ResponseError<unknown>).code).toBe(-32800);
    expect((await server.status()).pid).toBe(server.process.pid);
  });

  it('answers an unknown request with MethodNotFound and keeps serving', async () => {
    const root = writeTemporaryRepository(FIXTURE_FILES);
    roots.push(root);
    const server = launch();
    await server.initialize(root);
    const failure = await server.connection.sendRequest('gitopsWaves/noSuchRequest').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as ResponseError<unknown>).code).toBe(-32601);
    expect((await server.status()).pid).toBe(server.process.pid);
  });

  it('quarantines a file that killed the process, on the next start, and analyses the rest', async () => {
    const root = writeTemporaryRepository({
      ...FIXTURE_FILES,
      'web/poison.yaml': `# ${POISON_MARKER}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: poison\n`,
    });
    roots.push(root);
    const first = launch({ env: POISON_ENV });
    await first.initialize(root);
    // The first process dies while indexing, as a V8 fatal error would kill it.
    expect(await first.exited()).toEqual({ code: null, signal: 'SIGABRT' });

    // The editor restarts the server with the same state folder.
    const second = launch({ env: POISON_ENV, stateDirectory: first.stateDirectory });
    await second.initialize(root);
    const poison = await second.waitForDiagnostics(path.join(root, 'web/poison.yaml'), (list) => list.length > 0);
    expect(poison.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`)).toMatchInlineSnapshot(`
      [
        "2 parse/quarantined Not analysed: the GitOps Waves language server died while parsing this file (signal SIGABRT), so it is quarantined. Change the file on disk (and close it) to have it analysed again.",
      ]
    `);
    // The rest of the repository is analysed as usual.
    expect(codes(await second.waitForDiagnostics(path.join(root, 'web/broken.yaml'), (list) => list.length > 0))).toEqual(['parse/yaml-syntax']);
    expect(codes(await second.waitForDiagnostics(path.join(root, 'apps/web.yaml'), (list) => list.length > 0))).toEqual(['model/duplicate-application-name']);
    const status = await second.status();
    expect(status.folders[0]?.quarantined).toEqual(['web/poison.yaml']);
    expect(status.pid).toBe(second.process.pid);
    await second.stop();

    // A third start needs no probe: the quarantine is remembered, and the server does not crash.
    const third = launch({ env: POISON_ENV, stateDirectory: first.stateDirectory });
    await third.initialize(root);
    await third.waitForDiagnostics(path.join(root, 'web/poison.yaml'), (list) => codes(list).includes('parse/quarantined'));
    expect((await third.status()).pid).toBe(third.process.pid);
  });

  it('keeps an open quarantined file quarantined while it is edited, so typing cannot crash the server', async () => {
    const root = writeTemporaryRepository({ ...FIXTURE_FILES, 'web/poison.yaml': `# ${POISON_MARKER}\nkind: ConfigMap\n` });
    roots.push(root);
    const first = launch({ env: POISON_ENV });
    await first.initialize(root);
    await first.exited();
    const second = launch({ env: POISON_ENV, stateDirectory: first.stateDirectory });
    await second.initialize(root);
    const file = path.join(root, 'web/poison.yaml');
    await second.waitForDiagnostics(file, (list) => codes(list).includes('parse/quarantined'));
    const uri = new URL(`file://${file}`).href;
    await second.open(uri, `# ${POISON_MARKER}\nkind: ConfigMap\n`, 1);
    await second.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `# ${POISON_MARKER} again\n` }]);
    await second.waitForDiagnostics(file, (list, params) => params.version === 2 && codes(list).includes('parse/quarantined'));
    expect((await second.status()).pid).toBe(second.process.pid);
  });
});
