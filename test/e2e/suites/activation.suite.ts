// In-VS-Code suite: the extension activates in a YAML workspace, registers its commands, and its server starts and restarts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatedApi, extensionUnderTest, waitForServerState } from './extensionUnderTest';

/** Registers the suite with Mocha's BDD interface (call after Mocha's `pre-require`). */
export function activationSuite(): void {
  describe('activation', function () {
    this.timeout(90_000);

    it('is installed and activates in a workspace holding YAML', async () => {
      const api = await activatedApi();
      assert.equal(extensionUnderTest().isActive, true);
      assert.equal(typeof api.serverState, 'function');
    });

    it('registers the restart and output commands', async () => {
      await activatedApi();
      const commands = await vscode.commands.getCommands(true);
      assert.deepEqual(['gitopsWaves.restartServer', 'gitopsWaves.showOutput'].filter((command) => !commands.includes(command)), []);
    });

    it('starts the language server', async () => {
      const api = await activatedApi();
      await waitForServerState(api, 'running');
    });

    it('restarts the language server on command', async () => {
      const api = await activatedApi();
      await waitForServerState(api, 'running');
      const states: string[] = [];
      const subscription = api.onDidChangeServerState((state) => states.push(state));
      try {
        await vscode.commands.executeCommand('gitopsWaves.restartServer');
        await waitForServerState(api, 'running');
      } finally {
        subscription.dispose();
      }
      assert.ok(states.includes('starting'), `the server went through ${JSON.stringify(states)}`);
      assert.equal(api.serverState(), 'running');
    });
  });
}
