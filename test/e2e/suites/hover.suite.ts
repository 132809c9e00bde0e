// In-VS-Code suite: hovering an Application's name shows its wave and the Applications that depend on it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, exampleFile, positionOf, SNAPSHOT_CONTROLLER_APP } from './exampleFiles';
import { activatedApi, waitFor, waitForServerState } from './extensionUnderTest';

/** The hover text at a position (all hovers, all contents, as plain strings). */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** Registers the suite. */
export function hoverSuite(): void {
  describe('hover', function () {
    this.timeout(90_000);

    it('on an Application name shows its wave and its dependents', async () => {
      await waitForServerState(await activatedApi(), 'running');
      const uri = exampleFile(SNAPSHOT_CONTROLLER_APP);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      const position = positionOf(document, 'name: snapshot-controller', 'name: '.length + 2);
      // The file's own finding (its name is used twice) says the analysis has reached it.
      await waitFor(vscode.languages.onDidChangeDiagnostics, () => diagnosticsOf(uri, 'model/duplicate-application-name').length > 0, 60_000, 'the analysis of the example');
      const text = await hoverText(uri, position);
      assert.match(text, /Application `snapshot-controller`\*\* · wave \*\*1\*\*/);
      assert.match(text, /\*\*Needed by\*\*/);
      assert.match(text, /`volsync` \(wave 1\)/);
    });
  });
}
