// In-VS-Code suite: the Applications tree shows root → ApplicationSets → Applications → resources for the example, and reveals the object at the cursor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeEntry } from '../../../client/src/tree/treeEntries';
import { exampleFile, positionOf, SNAPSHOT_CONTROLLER_APP } from './exampleFiles';
import { activatedApi, readWhenReady, waitForServerState } from './extensionUnderTest';

function child(entry: TreeEntry | undefined, label: string): TreeEntry | undefined {
  return entry?.children.find((candidate) => candidate.label === label);
}

/** Registers the suite. */
export function treeSuite(): void {
  describe('applications tree', function () {
    this.timeout(90_000);

    it('shows root → ApplicationSets → Applications → resources', async () => {
      const api = await activatedApi();
      await waitForServerState(api, 'running');
      const entries = await readWhenReady(
        () => api.treeEntries(),
        (value) => value.some((entry) => entry.kind === 'application' && entry.children.length > 0),
        api.onDidChangeViews,
        60_000,
      );
      const root = entries.find((entry) => entry.label === 'root');
      assert.ok(root, `a root named root among ${JSON.stringify(entries.map((entry) => entry.label))}`);
      assert.equal(root.kind, 'application');
      const set = child(root, 'infrastructure');
      assert.equal(set?.kind, 'applicationSet');
      assert.deepEqual(set?.children.filter((entry) => entry.kind === 'application').map((entry) => entry.label).sort(), ['cert-manager', 'gateway', 'snapshot-controller']);
      const longhorn = child(root, 'longhorn');
      assert.equal(longhorn?.kind, 'application');
      assert.match(longhorn?.description ?? '', /wave 1/);
      assert.ok(longhorn?.children.some((entry) => entry.kind === 'resource' && entry.label === 'StorageClass/longhorn'), 'longhorn deploys StorageClass/longhorn');
      // The worst finding shows in the icon: minio's destination namespace is created by nothing.
      assert.equal(child(root, 'minio')?.icon.severity !== null, true);
      await vscode.commands.executeCommand('gitopsWaves.applications.focus');
    });

    it('reveals the Application at the cursor', async () => {
      const document = await vscode.workspace.openTextDocument(exampleFile(SNAPSHOT_CONTROLLER_APP));
      const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      const position = positionOf(document, 'name: snapshot-controller', 8);
      editor.selection = new vscode.Selection(position, position);
      const revealed = await vscode.commands.executeCommand<string | undefined>('gitopsWaves.revealInTree');
      assert.ok(revealed?.endsWith('snapshot-controller.yaml#0'), `revealed ${revealed}`);
    });
  });
}
