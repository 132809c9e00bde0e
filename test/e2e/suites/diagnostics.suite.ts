// In-VS-Code suite: the findings the CLI reports for the opened example reach vscode.languages.getDiagnostics, no more, no less.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activatedApi, waitFor, waitForServerState } from './extensionUnderTest';

/** One finding as `gitops-waves check --format json` prints it (1-based line). */
interface ExpectedFinding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly file: string;
  readonly line: number;
}

/** The server's diagnostic `source`. */
const DIAGNOSTIC_SOURCE = 'gitops-waves';

const SEVERITY_NAMES: Record<vscode.DiagnosticSeverity, ExpectedFinding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function key(finding: ExpectedFinding): string {
  return `${finding.file}:${finding.line} ${finding.severity} ${finding.ruleId}`;
}

/** Our diagnostics in the workspace, in the CLI's terms (repository-relative file, 1-based line). */
function publishedFindings(folder: vscode.Uri): string[] {
  const found: string[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const file = uri.path.startsWith(`${folder.path}/`) ? uri.path.slice(folder.path.length + 1) : uri.path;
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const ruleId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      found.push(key({ ruleId, severity: SEVERITY_NAMES[diagnostic.severity], file, line: diagnostic.range.start.line + 1 }));
    }
  }
  return found.sort();
}

/**
 * Registers the suite. `expectedFile` is the CLI's JSON report for the same folder, written by the
 * driver before VS Code starts, so both hosts of the analysis are compared on the same files.
 */
export function diagnosticsSuite(expectedFile: string | undefined): void {
  describe('diagnostics', function () {
    this.timeout(120_000);

    it('publishes every finding of the CLI for the workspace, and nothing else', async function () {
      if (!expectedFile) this.skip();
      const expected = (JSON.parse(readFileSync(expectedFile!, 'utf8')) as { findings: ExpectedFinding[] }).findings.map(key).sort();
      assert.ok(expected.length > 0, 'the example has findings to compare');
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      assert.ok(folder, 'a folder is open');
      await waitForServerState(await activatedApi(), 'running');
      const matches = () => JSON.stringify(publishedFindings(folder)) === JSON.stringify(expected);
      await waitFor(vscode.languages.onDidChangeDiagnostics, matches, 90_000, 'the diagnostics to match the CLI').catch(() => undefined);
      assert.deepEqual(publishedFindings(folder), expected);
    });
  });
}
