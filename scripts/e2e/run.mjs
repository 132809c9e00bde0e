// End-to-end run in a real VS Code (code-server): package the extension and the test harness, open examples/homelab, collect the suites' report and screenshots.
//
// Steps: install Node 24 + code-server + Chromium when missing (installCodeServer.mjs); `npm run package`; bundle and
// package the harness (test/e2e/harness); write the CLI's findings for the example (the diagnostics suite compares);
// install both .vsix into a fresh extensions folder; start code-server on a free 127.0.0.1 port in its own process group;
// open the folder in headless Chromium (playwright-core); wait for the harness's JSON report; take screenshots; stop.
// Output: test-results/e2e/ (report.json, *.png, code-server.log). Exit code 0 only when every test passed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { packageExtension } from '../package.mjs';
import { packageHarness, ROOT, WORKSPACE, writeExpectedFindings } from './harness.mjs';
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
      if (Date.now() > deadline) return reject(new Error(`no report from the harness within ${REPORT_TIMEOUT_MS} ms`));
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
  try {
    await page.locator('.notification-toast', { hasText: 'stopped unexpectedly and is being restarted' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    failures.push('UI: no notification said the server was restarted after the crash');
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
    const expectedFindingsFile = writeExpectedFindings(workFolder);
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
      ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', extensions, WORKSPACE],
      { env: { ...env, GITOPS_WAVES_E2E_REPORT: reportFile, GITOPS_WAVES_E2E_EXPECTED_FINDINGS: expectedFindingsFile }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const logStream = createWriteStream(logFile);
    child.stdout.pipe(logStream);
    child.stderr.pipe(logStream);
    await waitForListening(child, logFile);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(WORKSPACE)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: STARTUP_TIMEOUT_MS });
    log('workbench loaded; waiting for the harness report');
    const report = await waitForReport(reportFile, child);
    const uiFailures = report.crashed ? [] : await inspectUi(page, expectedFindingsFile);
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
