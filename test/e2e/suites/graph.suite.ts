// In-VS-Code suite: the wave graph panel opens with a node per app and the volsync ↔ snapshot-controller conflict; it writes what it saw for the driver's DOM check.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activatedApi, waitForServerState } from './extensionUnderTest';

/** What the driver checks in the webview's DOM (written to `graph.json` in the artifacts folder). */
export interface GraphExpectation {
  readonly nodes: readonly { readonly id: string; readonly name: string }[];
  readonly conflicts: readonly { readonly dependent: string; readonly provider: string; readonly dependentId: string; readonly providerId: string }[];
}

/** Registers the suite; `artifactsFolder` is where the driver looks for `graph.json`. */
export function graphSuite(artifactsFolder: string | undefined): void {
  describe('wave graph', function () {
    this.timeout(90_000);

    it('opens with a node per app and the volsync / snapshot-controller conflict', async () => {
      const api = await activatedApi();
      await waitForServerState(api, 'running');
      const drawn = await vscode.commands.executeCommand<number>('gitopsWaves.showWaveGraph');
      const panel = api.graphPanel();
      assert.ok(panel, 'the panel is open');
      assert.equal(panel.panel.title, 'Wave Graph: homelab');
      const graph = panel.graph;
      assert.ok(graph && graph.state === 'ready', `a ready graph, got ${graph?.state}`);
      assert.equal(drawn, graph.nodes.length);
      const names = graph.nodes.map((node) => node.name);
      for (const name of ['root', 'cilium', 'longhorn', 'volsync', 'snapshot-controller', 'minio', 'infrastructure', 'cert-manager', 'my-apps-jellyfin']) assert.ok(names.includes(name), `a node ${name}`);
      const nameOf = new Map(graph.nodes.map((node) => [node.id, node.name]));
      const conflicts = graph.violations.map((violation) => ({ dependent: nameOf.get(violation.dependent) ?? '', provider: nameOf.get(violation.provider) ?? '', dependentId: violation.dependent, providerId: violation.provider }));
      assert.ok(conflicts.some((conflict) => conflict.dependent === 'volsync' && conflict.provider === 'snapshot-controller'), `the volsync conflict among ${JSON.stringify(conflicts)}`);
      if (artifactsFolder) {
        const expectation: GraphExpectation = { nodes: graph.nodes.map((node) => ({ id: node.id, name: node.name })), conflicts };
        writeFileSync(join(artifactsFolder, 'graph.json'), JSON.stringify(expectation, null, 2));
      }
    });

    it('exports the graph as SVG and Mermaid, and copies the boot plan', async () => {
      const target = vscode.Uri.file(join(artifactsFolder ?? '/tmp', 'wave-graph.svg'));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('gitopsWaves.exportGraphSvg', target);
      assert.equal(written?.fsPath, target.fsPath);
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.match(svg, />volsync</);
      const mermaidFile = vscode.Uri.file(join(artifactsFolder ?? '/tmp', 'wave-graph.mmd'));
      await vscode.commands.executeCommand('gitopsWaves.exportGraphMermaid', mermaidFile);
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(mermaidFile)), /^flowchart LR\n/);
      const markdown = await vscode.commands.executeCommand<string | undefined>('gitopsWaves.copyBootPlan');
      assert.match(markdown ?? '', /\| 1 \| [^|]*snapshot-controller/);
    });

    it('the status bar counts the apps and errors', async () => {
      const api = await activatedApi();
      assert.match(api.statusText(), /GitOps Waves: \d+ apps \$\(error\) [1-9]\d*/);
    });
  });
}
