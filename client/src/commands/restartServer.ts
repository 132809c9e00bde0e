// Command gitopsWaves.restartServer: stops and starts the language server, with a fresh restart budget.
import * as vscode from 'vscode';
import type { GitOpsWavesLanguageClient } from '../languageClient';

/** The command id, as declared in package.json. */
export const RESTART_SERVER_COMMAND = 'gitopsWaves.restartServer';

/**
 * Registers the command. It works whatever the server's state (running, crashed too often, never
 * started), and logs the outcome to the output channel.
 */
export function registerRestartServerCommand(client: GitOpsWavesLanguageClient, outputChannel: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
    outputChannel.info('Restarting the GitOps Waves server on request.');
    client.errorHandler.reset();
    try {
      // restart() stops a running client first; a stopped or failed client is simply started.
      if (client.languageClient.isRunning()) await client.languageClient.restart();
      else await client.languageClient.start();
    } catch (error) {
      const message = `The GitOps Waves server could not be restarted: ${error instanceof Error ? error.message : String(error)}`;
      outputChannel.error(message);
      void vscode.window.showErrorMessage(message);
    }
  });
}
