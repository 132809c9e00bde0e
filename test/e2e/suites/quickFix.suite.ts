// In-VS-Code suite: the quick fix for waves/missing-wave-annotation on metrics-server applies, its diagnostic disappears, and the tree and graph follow.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, exampleFile, METRICS_SERVER_APP } from './exampleFiles';
import { allEntries, type TreeEntry } from '../../../client/src/tree/treeEntries';
import { activatedApi, readWhenReady, waitFor, waitForServerState } from './extensionUnderTest';

const RULE = 'waves/missing-wave-annotation';

/** Registers the suite. It restores the file afterwards (same bytes as on disk), so later suites see the example unchanged. */
export function quickFixSuite(): void {
  describe('quick fix', function () {
    this.timeout(120_000);

    it(`adds the missing wave annotation and ${RULE} disappears`, async () => {
      await waitForServerState(await activatedApi(), 'running');
      const uri = exampleFile(METRICS_SERVER_APP);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await waitFor(vscode.languages.onDidChangeDiagnostics, () => diagnosticsOf(uri, RULE).length > 0, 60_000, `the ${RULE} diagnostic`);
      const [diagnostic] = diagnosticsOf(uri, RULE);
      // The fourth argument asks VS Code to resolve the actions (their edits) before returning them.
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value, 10)) ?? [];
      const fix = actions.find((action) => /sync-wave/.test(action.title));
      const described = actions.map((action) => ({ title: action.title, kind: action.kind?.value, edit: action.edit !== undefined, diagnostics: action.diagnostics?.map((candidate) => candidate.code) }));
      assert.ok(fix?.edit, `a quick fix with an edit for ${RULE} among ${JSON.stringify(described)}`);
      const before = document.getText();
      let outcome: unknown;
      try {
        assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
        assert.match(document.getText(), /argocd\.argoproj\.io\/sync-wave: "0"/);
        await waitFor(vscode.languages.onDidChangeDiagnostics, () => diagnosticsOf(uri, RULE).length === 0, 60_000, `${RULE} to disappear`);
        assert.deepEqual(diagnosticsOf(uri, RULE), []);
        // The views follow the edit: the tree loses metrics-server's info icon, the open graph reads the new annotation.
        const api = await activatedApi();
        const metricsServer = (entries: readonly TreeEntry[]) => allEntries(entries).find((entry) => entry.label === 'metrics-server');
        const entries = await readWhenReady(() => api.treeEntries(), (value) => metricsServer(value)?.icon.severity === null, api.onDidChangeViews, 30_000);
        assert.equal(metricsServer(entries)?.icon.codicon, 'package');
        const panel = api.graphPanel();
        if (panel) {
          const waveSource = () => panel.graph?.nodes.find((node) => node.name === 'metrics-server')?.waveSource;
          await readWhenReady(async () => waveSource(), (value) => value === 'sync-wave', panel.onDidUpdate, 30_000);
          assert.equal(waveSource(), 'sync-wave');
        }
      } catch (error) {
        outcome = error;
      }
      // Put the text back as it is on disk and save (same bytes), then wait for the finding to come back with it.
      const restore = new vscode.WorkspaceEdit();
      restore.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), before);
      await vscode.workspace.applyEdit(restore);
      await document.save();
      if (outcome) throw outcome;
      assert.equal(document.getText(), before);
      await waitFor(vscode.languages.onDidChangeDiagnostics, () => diagnosticsOf(uri, RULE).length > 0, 60_000, `${RULE} to come back after the restore`);
    });
  });
}
