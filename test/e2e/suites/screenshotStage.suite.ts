// Last in-VS-Code step: arranges the window for the driver's screenshots (tree in the side bar, graph beside, the editor with a diagnostic and a hover).
import * as vscode from 'vscode';
import { exampleFile, positionOf, SNAPSHOT_CONTROLLER_APP } from './exampleFiles';

/** Registers the step (a test, so a failure to arrange shows in the report). */
export function screenshotStageSuite(): void {
  describe('screenshot stage', function () {
    this.timeout(60_000);

    it('shows the tree, the graph and a hover over an Application with an error', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.commands.executeCommand('gitopsWaves.applications.focus');
      const document = await vscode.workspace.openTextDocument(exampleFile(SNAPSHOT_CONTROLLER_APP));
      const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('gitopsWaves.showWaveGraph');
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      const position = positionOf(document, 'name: snapshot-controller', 8);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(new vscode.Range(position, position));
      await vscode.commands.executeCommand('editor.action.showHover');
    });
  });
}
