// End-to-end run in a real VS Code (code-server): package the extension and the test harness, open examples/homelab, collect the suites' report and screenshots.
//
// Steps: install Node 24 + code-server + Chromium when missing (installCodeServer.mjs); `npm run package`; bundle and
// package the harness (test/e2e/harness); write the CLI's findings for the example (the diagnostics suite compares);
// install both .vsix into a fresh extensions folder; start code-server on a free 127.0.0.1 port in its own process group;
// open the folder in headless Chromium (playwright-core); wait for the harness's JSON report; take screenshots; stop.
// Then the views: the editor with a diagnostic and a hover, the Applications tree, the wave graph's webview DOM.
// Output: test-results/e2e/ (report.json, *.png, code-server.log). Exit code 0 only when every test passed.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { packageExtension } from '../package.mjs';
import { copyWorkspace, packageHarness, ROOT, writeExpectedFindings } from './harness.mjs';
import { CHROMIUM_PATH, ensureInstalled, pathWithNode24 } from './installCodeServer.mjs';

const RESULTS = join(ROOT, 'test-results', 'e2e');
/** How long the suites may take once VS Code is up (they have their own, shorter, timeouts). */
const REPORT_TIMEOUT_MS = 5 * 60 * 1000;
/** How long code-server may take to listen and the workbench to appear. */
const STARTUP_TIMEOUT_MS = 2 * 60 * 1000;
/** Chromium flags that work headless, as root, offline (shared/vscode-e2e.md). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The test profile: trust off (the suites check the extension, not the trust prompt); no telemetry, chat, git
 * prompts or secondary side bar, which are offline noise (telemetry's failed lookups even surface as uncaught errors
 * in the extension host) and would cover the screenshots.
 */
const PROFILE_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.openRepositoryInParentFolders': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

function log(message) {
  console.log(`[e2e] ${message}`);
}

function runChecked(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  return result.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when code-server prints that it listens; rejects if it exits or takes too long. */
function waitForListening(child, logFile) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${STARTUP_TIMEOUT_MS} ms; see ${logFile}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk) => {
      if (/HTTP server listening on/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening; see ${logFile}`));
    });
  });
}

/** The harness's last progress lines (it appends one as each test starts and ends), for a timeout's message. */
function lastProgress(reportFile) {
  const progressFile = `${reportFile}.progress`;
  if (!existsSync(progressFile)) return 'the harness reported no progress (no test started: the harness was not activated or the suites did not start)';
  const lines = readFileSync(progressFile, 'utf8').trim().split('\n');
  return `the harness's last progress lines:\n  ${lines.slice(-6).join('\n  ')}`;
}

/** Resolves with the parsed report once the harness has written it completely. */
function waitForReport(reportFile, child) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + REPORT_TIMEOUT_MS;
    let exited = false;
    child.once('exit', () => (exited = true));
    const check = () => {
      if (existsSync(reportFile)) {
        try {
          return resolve(JSON.parse(readFileSync(reportFile, 'utf8')));
        } catch {
          // Written but not complete yet: check again.
        }
      }
      if (exited) return reject(new Error('code-server exited before the harness wrote its report'));
      if (Date.now() > deadline) return reject(new Error(`no report from the harness within ${REPORT_TIMEOUT_MS} ms; ${lastProgress(reportFile)}`));
      setTimeout(check, 250);
    };
    check();
  });
}

/** Stops code-server and everything it started (its own process group). */
function stopProcessGroup(child) {
  if (child.exitCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
}

/** Runs a command from the command palette: types `filter`, waits for a row matching `row`, runs the first. */
async function runCommand(page, filter, row) {
  // F1 opens the palette with ">" typed and the focus in its input: type the rest.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.type(filter);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
}

/** The frame of the wave graph webview (code-server nests it in two iframes), or undefined. */
async function graphFrame(page) {
  for (const frame of page.frames()) {
    try {
      if (await frame.$('#canvas')) return frame;
    } catch {
      // A frame navigating away: not ours.
    }
  }
  return undefined;
}

/**
 * The views as a user sees them, left arranged by the harness's last step: the editor with a diagnostic and
 * a hover, the Applications tree, and the wave graph, whose DOM must hold a node per app (graph.json, written
 * by the graph suite) and the volsync / snapshot-controller conflict. Screenshots of each.
 */
async function inspectViews(page, graphExpectationFile) {
  const failures = [];
  try {
    await page.locator('.monaco-hover', { hasText: 'snapshot-controller' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    failures.push('UI: no hover over the snapshot-controller Application');
  }
  if ((await page.locator('.part.editor .squiggly-error').count()) === 0) failures.push('UI: no error squiggle in the editor');
  await page.screenshot({ path: join(RESULTS, 'editor-hover.png') });
  const sidebar = page.locator('.part.sidebar');
  try {
    await sidebar.locator('.monaco-list-row', { hasText: 'infrastructure' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await sidebar.screenshot({ path: join(RESULTS, 'tree.png') });
  } catch {
    failures.push('UI: the Applications tree does not show the root and its ApplicationSets');
  }
  if (!existsSync(graphExpectationFile)) return [...failures, 'UI: the graph suite left no graph.json to check the webview against'];
  const expected = JSON.parse(readFileSync(graphExpectationFile, 'utf8'));
  let frame;
  for (let attempt = 0; attempt < 60 && !frame; attempt++) {
    frame = await graphFrame(page);
    if (!frame) await page.waitForTimeout(500);
  }
  if (!frame) return [...failures, 'UI: no wave graph webview frame'];
  try {
    await frame.waitForSelector('#canvas .node', { timeout: 30_000 });
    const ids = await frame.$$eval('#canvas .node', (nodes) => nodes.map((node) => node.getAttribute('data-node-id')));
    const missing = expected.nodes.filter((node) => !ids.includes(node.id)).map((node) => node.name);
    if (missing.length > 0 || ids.length !== expected.nodes.length) failures.push(`UI: the graph draws ${ids.length} nodes for ${expected.nodes.length} apps (missing: ${missing.join(', ') || 'none'})`);
    const conflict = expected.conflicts.find((candidate) => candidate.dependent === 'volsync' && candidate.provider === 'snapshot-controller');
    const marked = conflict ? await frame.$$eval('#canvas .edge.violation', (edges, { dependentId, providerId }) => edges.some((edge) => edge.getAttribute('data-dependent') === dependentId && edge.getAttribute('data-provider') === providerId), conflict) : false;
    if (!marked) failures.push('UI: the graph does not mark the volsync / snapshot-controller conflict');
    // The screenshot: hover closed, the graph's editor group maximized, the whole graph fitted.
    await page.keyboard.press('Escape');
    await page.locator('.tab', { hasText: 'Wave Graph' }).first().click();
    // The title differs between VS Code versions ("Toggle Maximized Editor Group", "Toggle Maximize Editor Group").
    // Maximizing is only for a roomier screenshot: when the palette does not offer it in time (a loaded machine),
    // the screenshot is taken as the editor is, and the checks above stand.
    const maximize = async () => {
      try {
        await runCommand(page, 'toggle maximize editor group', /Maximi[sz]ed? Editor Group/i);
        return true;
      } catch (error) {
        console.log(`[e2e] could not maximize the editor group for the graph screenshot: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        await page.keyboard.press('Escape');
        return false;
      }
    };
    const maximized = await maximize();
    await frame.click('#fit');
    await page.locator('.part.editor').screenshot({ path: join(RESULTS, 'graph.png') });
    if (maximized) await maximize();
  } catch (error) {
    failures.push(`UI: the wave graph could not be checked: ${error instanceof Error ? error.message : String(error)}`);
  }
  return failures;
}

/** UI checks and screenshots: the status bar item, the restart notification, the Problems panel with the example's findings. */
async function inspectUi(page, expectedFindingsFile) {
  const failures = [];
  await page.screenshot({ path: join(RESULTS, 'workbench.png') });
  const statusItem = page.locator('.statusbar-item', { hasText: 'GitOps Waves' });
  try {
    await statusItem.first().waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    failures.push('UI: no "GitOps Waves" item in the status bar');
  }
  // The crash suite killed the server: the restart must have been said in a notification, not only in the log.
  // Toasts hide after a while (later suites run after the crash): look in the notification centre then.
  const restartText = 'stopped unexpectedly and is being restarted';
  try {
    await page.locator('.notification-toast', { hasText: restartText }).first().waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    try {
      await page.locator('[id="status.notifications"]').first().click();
      await page.locator('.notifications-center .notification-list-item', { hasText: restartText }).first().waitFor({ state: 'visible', timeout: 20_000 });
      await page.screenshot({ path: join(RESULTS, 'notifications.png') });
      await page.keyboard.press('Escape');
    } catch {
      failures.push('UI: no notification said the server was restarted after the crash');
    }
  }
  await page.keyboard.press('Control+Shift+M');
  const expected = JSON.parse(readFileSync(expectedFindingsFile, 'utf8')).findings;
  const firstRule = expected[0]?.ruleId;
  try {
    await page.locator('.markers-panel').first().waitFor({ state: 'visible', timeout: 30_000 });
    if (firstRule) await page.locator('.markers-panel .monaco-list-row', { hasText: firstRule }).first().waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    failures.push(`UI: the Problems panel does not show ${firstRule ?? 'the panel'}`);
  }
  await page.screenshot({ path: join(RESULTS, 'problems.png') });
  return failures;
}

/**
 * The screenshots README.marketplace.md shows: `npm run test:e2e -- --update-screenshots` copies them to media/screenshots/
 * after a fully passing run only (so they show a working build); without the flag a run leaves the tree clean.
 */
const MARKETPLACE_SCREENSHOTS = ['editor-hover.png', 'tree.png', 'graph.png'];

function refreshMarketplaceScreenshots() {
  const target = join(ROOT, 'media', 'screenshots');
  mkdirSync(target, { recursive: true });
  for (const name of MARKETPLACE_SCREENSHOTS) {
    if (existsSync(join(RESULTS, name))) copyFileSync(join(RESULTS, name), join(target, name));
  }
  log(`marketplace screenshots refreshed in ${target}`);
}

async function main() {
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  log('installing code-server, Node 24 and Chromium when missing');
  const paths = ensureInstalled();
  log('packaging the extension');
  const extensionVsix = packageExtension();
  const workFolder = mkdtempSync(join(tmpdir(), 'gitops-waves-e2e-'));
  let child;
  let browser;
  try {
    const harnessVsix = await packageHarness(workFolder);
    const workspace = copyWorkspace(workFolder);
    const expectedFindingsFile = writeExpectedFindings(workFolder, workspace);
    const userData = join(workFolder, 'user-data');
    const extensions = join(workFolder, 'extensions');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(PROFILE_SETTINGS));
    const env = { ...process.env, PATH: pathWithNode24(paths) };
    for (const vsix of [extensionVsix, harnessVsix]) {
      log(`installing ${vsix}`);
      runChecked(paths.codeServer, ['--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix], { env });
    }
    const reportFile = join(workFolder, 'report.json');
    const port = await freePort();
    const logFile = join(RESULTS, 'code-server.log');
    log(`starting code-server on 127.0.0.1:${port}`);
    child = spawn(
      paths.codeServer,
      ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, workspace],
      { env: { ...env, GITOPS_WAVES_E2E_REPORT: reportFile, GITOPS_WAVES_E2E_EXPECTED_FINDINGS: expectedFindingsFile, GITOPS_WAVES_E2E_ARTIFACTS: workFolder }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const logStream = createWriteStream(logFile);
    child.stdout.pipe(logStream);
    child.stderr.pipe(logStream);
    await waitForListening(child, logFile);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: STARTUP_TIMEOUT_MS });
    log('workbench loaded; waiting for the harness report');
    const report = await waitForReport(reportFile, child);
    const uiFailures = report.crashed ? [] : [...(await inspectViews(page, join(workFolder, 'graph.json'))), ...(await inspectUi(page, expectedFindingsFile))];
    const fullReport = { ...report, ui: { failures: uiFailures } };
    writeFileSync(join(RESULTS, 'report.json'), JSON.stringify(fullReport, null, 2));
    if (report.crashed) {
      console.error(report.crashed);
      console.log('e2e: 0 passed, 1 failed');
      return 1;
    }
    for (const test of report.tests) {
      console.log(`${test.state === 'passed' ? '✓' : test.state === 'pending' ? '-' : '✗'} ${test.title}`);
      if (test.error) console.log(`    ${test.error.split('\n').join('\n    ')}`);
    }
    for (const failure of uiFailures) console.log(`✗ ${failure}`);
    const failed = report.failed + uiFailures.length;
    log(`screenshots and report in ${RESULTS}`);
    if (failed === 0 && process.argv.includes('--update-screenshots')) refreshMarketplaceScreenshots();
    console.log(`e2e: ${report.passed} passed, ${failed} failed${report.pending ? `, ${report.pending} skipped` : ''}`);
    return failed === 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => undefined);
    if (child) stopProcessGroup(child);
    rmSync(workFolder, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
