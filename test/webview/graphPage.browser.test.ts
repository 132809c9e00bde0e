// The wave graph page in headless Chromium: a hostile app name stays text, no dialog and no CSP violation, clicks and exports post the right messages.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphPageHtml } from '../../client/src/graph/webviewHtml';
import { drawnName } from '../../media/graph/layout';
import { HOSTILE_NAME, sampleGraph } from './graphFixture';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';
const NONCE = 'testNonce0123456789testNonce0123';

/** What the page did, recorded by the fake VS Code API and listeners installed before the page's own script. */
interface PageRecord {
  posted: unknown[];
  dialogs: string[];
  violations: string[];
  imagesLoaded: number;
}

// The page callbacks run in Chromium; this test compiles without the DOM library, so the few browser names they use are declared here.
declare const window: { __record: PageRecord; postMessage(message: unknown, targetOrigin: string): void };
declare const DOMParser: new () => { parseFromString(text: string, type: string): { querySelector(selector: string): unknown; querySelectorAll(selector: string): { length: number } } };
/** An element with data attributes. */
type DataElement = { dataset: Record<string, string | undefined> };

const FAKE_VSCODE = `
  window.__record = { posted: [], dialogs: [], violations: [], imagesLoaded: 0 };
  window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__record.posted.push(message), getState: () => undefined, setState: () => undefined });
  for (const name of ['alert', 'confirm', 'prompt']) window[name] = (text) => { window.__record.dialogs.push(name + ':' + text); };
  document.addEventListener('securitypolicyviolation', (event) => window.__record.violations.push(event.violatedDirective + ' ' + event.blockedURI));
  document.addEventListener('load', (event) => { if (event.target && event.target.tagName === 'IMG') window.__record.imagesLoaded++; }, true);
`;

describe.skipIf(!existsSync(CHROMIUM))('the wave graph page in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const nativeDialogs: string[] = [];
  const consoleErrors: string[] = [];
  const missing: string[] = [];

  beforeAll(async () => {
    // Our own copy of the bundle (never the shared media/dist another test may be rebuilding).
    const bundle = await build({ absWorkingDir: ROOT, entryPoints: ['media/graph/main.ts', 'media/graph/graph.css'], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, outdir: '/bundle', logLevel: 'error' });
    const files = new Map(bundle.outputFiles.map((file) => [file.path.slice('/bundle'.length), file.text]));
    server = createServer((request, response) => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      if (request.url === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(graphPageHtml({ cspSource: origin, nonce: NONCE, scriptUri: `${origin}/main.js`, styleUri: `${origin}/graph.css` }));
        return;
      }
      // Chromium asks every page for a favicon (a VS Code webview does not): no content, no error.
      if (request.url === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      const body = files.get(request.url ?? '');
      if (body === undefined) {
        missing.push(request.url ?? '');
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': request.url?.endsWith('.css') ? 'text/css' : 'text/javascript' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    page.on('dialog', (dialog) => {
      nativeDialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.addInitScript(FAKE_VSCODE);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => window.__record.posted.length > 0);
    await page.evaluate((graph) => window.postMessage({ type: 'graph', folderName: 'repo', graph, notice: null }, '*'), sampleGraph());
    await page.waitForSelector('#canvas .node');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const record = (): Promise<PageRecord> => page.evaluate(() => window.__record);

  it('says it is ready, then draws a node per app, the set group and the conflict', async () => {
    expect((await record()).posted[0]).toEqual({ type: 'ready' });
    const ids = await page.$$eval('#canvas .node', (nodes) => nodes.map((node) => (node as unknown as DataElement).dataset['nodeId']));
    expect(ids.sort()).toEqual(sampleGraph().nodes.map((node) => node.id).sort());
    expect(await page.$$eval('#canvas .set-group', (groups) => groups.map((group) => (group as unknown as DataElement).dataset['setId']))).toEqual(['apps']);
    const conflict = await page.$eval('#canvas .edge.violation', (edge) => ({ dependent: (edge as unknown as DataElement).dataset['dependent'], provider: (edge as unknown as DataElement).dataset['provider'], title: edge.querySelector('title')?.textContent }));
    expect(conflict).toEqual({ dependent: 'volsync', provider: 'storage', title: expect.stringContaining('both in wave 1') });
    expect(await page.$$eval('#canvas .node.in-violation', (nodes) => nodes.map((node) => (node as unknown as DataElement).dataset['nodeId']).sort())).toEqual(['storage', 'volsync']);
    expect(await page.$$eval('#canvas .column.non-gating .column-label', (labels) => labels.map((label) => label.textContent))).toEqual(['Wave 3']);
    expect(await page.textContent('#summary')).toBe('7 Applications, 1 ApplicationSets, 1 ordering conflicts');
    // For reviewers: what the page looks like without a VS Code theme (fallback colours).
    await page.screenshot({ path: join(ROOT, 'test-results', 'webview', 'graph-page.png') });
  });

  it('shows the hostile name as text: no element, no dialog, no CSP violation', async () => {
    const name = await page.$eval('#canvas .node[data-node-id="hostile"] .name', (element) => ({ text: element.textContent, children: element.childElementCount }));
    expect(name).toEqual({ text: drawnName(HOSTILE_NAME), children: 0 });
    expect(await page.$$('img')).toHaveLength(0);
    const { dialogs, violations, imagesLoaded } = await record();
    expect({ dialogs, violations, imagesLoaded, nativeDialogs, consoleErrors, missing }).toEqual({ dialogs: [], violations: [], imagesLoaded: 0, nativeDialogs: [], consoleErrors: [], missing: [] });
  });

  it('posts openNode when a node is clicked and openEdge when an edge is', async () => {
    await page.click('#canvas .node[data-node-id="hostile"]');
    await page.dispatchEvent('#canvas .edge.violation .hit', 'click');
    const posted = (await record()).posted.slice(-2);
    expect(posted).toEqual([
      { type: 'openNode', nodeId: 'hostile' },
      { type: 'openEdge', edge: 1 },
    ]);
  });

  it('answers an export request with a standalone SVG in which the name is escaped text', async () => {
    await page.evaluate(() => window.postMessage({ type: 'exportSvg', requestId: 7 }, '*'));
    await page.waitForFunction(() => window.__record.posted.some((message) => (message as { type: string }).type === 'svg'));
    const svg = (await record()).posted.find((message): message is { type: 'svg'; requestId: number; svg: string } => (message as { type: string }).type === 'svg')!;
    expect(svg.requestId).toBe(7);
    expect(svg.svg.startsWith('<svg')).toBe(true);
    expect(svg.svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg.svg).not.toContain('<img');
    expect(svg.svg).not.toContain('var(--vscode-');
    // The export parses as XML and holds every node.
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: document.querySelector('parsererror') !== null, nodes: document.querySelectorAll('.node').length };
    }, svg.svg);
    expect(parsed).toEqual({ error: false, nodes: sampleGraph().nodes.length });
  });

  it('ignores messages of an unknown shape and keeps working', async () => {
    await page.evaluate(() => {
      window.postMessage({ type: 'graph', folderName: 42 }, '*');
      window.postMessage('<img src=x onerror=alert(2)>', '*');
    });
    await page.evaluate(() => window.postMessage({ type: 'reveal', nodeId: 'volsync' }, '*'));
    await page.waitForSelector('#canvas .node.revealed[data-node-id="volsync"]');
    expect(await page.$$('#canvas .node')).toHaveLength(sampleGraph().nodes.length);
    expect((await record()).dialogs).toEqual([]);
  });
});
