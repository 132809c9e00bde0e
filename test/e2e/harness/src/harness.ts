// Test-harness extension (development only, never shipped): runs the in-VS-Code suites and writes a JSON report for the driver.
import { appendFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { runSuites } from '../../suites/runSuites';

/** Environment variable: where to write the report. Without it the harness does nothing. */
export const REPORT_ENV = 'GITOPS_WAVES_E2E_REPORT';
/** Environment variable: the CLI's JSON findings for the opened folder. */
export const EXPECTED_FINDINGS_ENV = 'GITOPS_WAVES_E2E_EXPECTED_FINDINGS';
/** Environment variable: a folder where suites leave files for the driver. */
export const ARTIFACTS_ENV = 'GITOPS_WAVES_E2E_ARTIFACTS';

/** The file the harness appends a line to as each test starts and ends: the report's path plus `.progress`. */
export function progressFileOf(reportFile: string): string {
  return `${reportFile}.progress`;
}

/** Runs the suites once and writes `{ passed, failed, pending, tests }` (or `{ crashed }`) to the report file. */
async function runAndReport(reportFile: string): Promise<void> {
  try {
    const progressFile = progressFileOf(reportFile);
    const report = await runSuites({
      expectedFindingsFile: process.env[EXPECTED_FINDINGS_ENV],
      artifactsFolder: process.env[ARTIFACTS_ENV],
      onProgress: (line) => appendFileSync(progressFile, `${line}\n`),
    });
    writeFileSync(reportFile, JSON.stringify(report, null, 2));
  } catch (error) {
    writeFileSync(reportFile, JSON.stringify({ crashed: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
  }
}

/** code-server route: activated on startup, runs the suites when the driver asked for a report. */
export function activate(_context: vscode.ExtensionContext): void {
  const reportFile = process.env[REPORT_ENV];
  if (reportFile) void runAndReport(reportFile);
}

/** @vscode/test-electron route: the test runner calls `run()` and fails the run when it rejects. */
export async function run(): Promise<void> {
  const report = await runSuites({ expectedFindingsFile: process.env[EXPECTED_FINDINGS_ENV], artifactsFolder: process.env[ARTIFACTS_ENV] });
  const reportFile = process.env[REPORT_ENV];
  if (reportFile) writeFileSync(reportFile, JSON.stringify(report, null, 2));
  if (report.failed > 0) throw new Error(`${report.failed} of ${report.tests.length} in-VS-Code tests failed`);
}
