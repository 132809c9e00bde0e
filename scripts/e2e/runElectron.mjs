// The same in-VS-Code suites through @vscode/test-electron, for machines that can download VS Code (not CI here: it reaches only npm).
//
// @vscode/test-electron downloads a VS Code build at run time from Microsoft's update service. Where that host cannot be
// reached (this project's CI), this script stops with a message saying so and exits 1; use `npm run test:e2e`
// (code-server, installed from npm) there. Usage: npm run test:electron
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { bundleHarness, copyWorkspace, ROOT, writeExpectedFindings } from './harness.mjs';
import { spawnSync } from 'node:child_process';

/** The VS Code build to download: `stable` unless VSCODE_VERSION names another (e.g. "1.91.0", the oldest the manifest accepts). */
const VSCODE_VERSION = process.env.VSCODE_VERSION ?? 'stable';

async function main() {
  const build = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) return 1;
  const harnessBundle = await bundleHarness();
  const workFolder = mkdtempSync(join(tmpdir(), 'gitops-waves-electron-'));
  try {
    let vscodeExecutablePath;
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode(VSCODE_VERSION);
    } catch (error) {
      console.error(
        `[test:electron] Could not download VS Code ${VSCODE_VERSION} (${error instanceof Error ? error.message : String(error)}).\n` +
          '[test:electron] This runner needs internet access to the VS Code update service. On machines without it, run\n' +
          '[test:electron] `npm run test:e2e`, which runs the same suites in code-server installed from the npm registry.',
      );
      return 1;
    }
    const workspace = copyWorkspace(workFolder);
    const expectedFindingsFile = writeExpectedFindings(workFolder, workspace);
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: harnessBundle,
      extensionTestsEnv: { GITOPS_WAVES_E2E_EXPECTED_FINDINGS: expectedFindingsFile, GITOPS_WAVES_E2E_REPORT: join(workFolder, 'report.json'), GITOPS_WAVES_E2E_ARTIFACTS: workFolder },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(workFolder, 'user-data')],
    });
    return 0;
  } catch (error) {
    console.error(`[test:electron] ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(workFolder, { recursive: true, force: true });
  }
}

process.exit(await main());
