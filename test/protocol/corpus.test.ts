// Protocol test on a real repository (mitchross/talos-argocd-proxmox from ../shared/corpus, read in place): same findings as the CLI, fast edits.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeCorpusRepository, corpusRepository } from '../support/corpus';
import { buildServerBundle, codes, fileUri, TestLanguageServer } from '../support/lspClient';

const folder = corpusRepository('mitchross__talos-argocd-proxmox@981779b');
/** The root Application: small, and every edit of it re-runs the whole model. */
const EDITED_FILE = 'infrastructure/controllers/argocd/root.yaml';

describe.skipIf(!folder)('language server on the corpus: mitchross/talos-argocd-proxmox', () => {
  let server: TestLanguageServer;

  beforeAll(async () => {
    buildServerBundle();
    server = TestLanguageServer.launch();
    const started = performance.now();
    await server.initialize(folder!);
    await server.waitForLog(/^Indexed /, 60_000);
    console.log(`mitchross: initial index and diagnostics in ${Math.round(performance.now() - started)} ms (process start included)`);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('publishes, for every file, the findings the CLI reports', async () => {
    // The status answer comes after every notification sent before it.
    const status = await server.status();
    expect(status.folders[0]?.state).toBe('ready');
    const analysis = await analyzeCorpusRepository(folder!);
    const expected = new Map<string, string[]>();
    for (const finding of analysis.findings) expected.set(finding.location.file, [...(expected.get(finding.location.file) ?? []), finding.ruleId].sort());
    const published = new Map<string, string[]>();
    for (const [filePath, params] of server.diagnostics) {
      if (params.diagnostics.length > 0) published.set(path.relative(folder!, filePath).split(path.sep).join('/'), codes(params.diagnostics));
    }
    expect(Object.fromEntries([...published].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });

  it('re-parses only the edited file on each edit, and prints the edit → diagnostics timings', async () => {
    const uri = fileUri(folder!, EDITED_FILE);
    const filePath = path.join(folder!, EDITED_FILE);
    const original = (await analyzeCorpusRepository(folder!)).index.text(EDITED_FILE)!;
    const lastLine = original.split('\n').length - 1;
    await server.open(uri, original, 1);
    await server.waitForDiagnostics(filePath, (_list, params) => params.version === 1);
    const timings: number[] = [];
    let version = 1;
    for (let round = 0; round < 5; round++) {
      // Break the file (append an unclosed flow sequence), then repair it.
      let sent = performance.now();
      await server.change(uri, ++version, [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: 'broken: [\n' }]);
      const brokenVersion = version;
      await server.waitForDiagnostics(filePath, (list, params) => params.version === brokenVersion && codes(list).includes('parse/yaml-syntax'));
      timings.push(performance.now() - sent);
      sent = performance.now();
      await server.change(uri, ++version, [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine + 1, character: 0 } }, text: '' }]);
      const fixedVersion = version;
      await server.waitForDiagnostics(filePath, (list, params) => params.version === fixedVersion && !codes(list).includes('parse/yaml-syntax'));
      timings.push(performance.now() - sent);
    }
    const status = (await server.status()).folders[0]!;
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(
      `mitchross: edit → diagnostics median ${Math.round(sorted[sorted.length >> 1]!)} ms, max ${Math.round(sorted.at(-1)!)} ms over ${timings.length} edits; ` +
        `last analysis ${status.lastAnalysisMs} ms, ${status.lastParsedFiles} file(s) parsed, ${status.files} files`,
    );
    // Behaviour, not speed: each edit re-parses only the edited file. Timings are printed, never asserted
    // (speed is measured by `npm run bench`).
    expect(status.lastParsedFiles).toBe(1);
    await server.close(uri);
  });
});
