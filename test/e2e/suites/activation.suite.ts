// In-VS-Code suite: the extension activates in a YAML workspace, registers its commands, and its server starts, restarts on command and after a crash.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activatedApi, extensionUnderTest, waitFor, waitForServerState } from './extensionUnderTest';

/** Pids of this extension host's children running the bundled server (Linux: read from /proc). */
function serverProcessIds(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const parentPid = Number(/^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      if (parentPid === process.pid && commandLine.includes('server/dist/server.js')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

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

    it('restarts the language server after it crashes', async function () {
      if (!existsSync('/proc/self/status')) this.skip();
      const api = await activatedApi();
      await waitForServerState(api, 'running');
      const [serverPid, ...others] = serverProcessIds();
      assert.ok(serverPid !== undefined && others.length === 0, `one server process, found ${JSON.stringify(serverProcessIds())}`);
      const states: string[] = [];
      const subscription = api.onDidChangeServerState((state) => states.push(state));
      try {
        process.kill(serverPid, 'SIGKILL');
        await waitFor(api.onDidChangeServerState, () => states.length > 0 && api.serverState() === 'running', 60_000, 'the server to come back');
      } finally {
        subscription.dispose();
      }
      const [newPid] = serverProcessIds();
      assert.ok(newPid !== undefined && newPid !== serverPid, `a new server process replaced ${serverPid}`);
    });
  });
}
