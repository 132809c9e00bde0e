// The extension's entry point: activate() starts the language client and registers the commands; deactivate() stops it.
import * as vscode from 'vscode';
import type { GitOpsWavesApi } from './api';
import { registerRestartServerCommand } from './commands/restartServer';
import { registerShowOutputCommand } from './commands/showOutput';
import { createLanguageClient, LANGUAGE_CLIENT_NAME, type GitOpsWavesLanguageClient } from './languageClient';
import { serverStateOf, type ServerState } from './serverState';
import { ServerStatusItem } from './statusBar';

let activeClient: GitOpsWavesLanguageClient | undefined;

/** Starts the server (without waiting for it, so a slow start never blocks VS Code) and returns the API. */
export function activate(context: vscode.ExtensionContext): GitOpsWavesApi {
  const outputChannel = vscode.window.createOutputChannel(LANGUAGE_CLIENT_NAME, { log: true });
  const statusItem = new ServerStatusItem();
  const stateChanged = new vscode.EventEmitter<ServerState>();
  const client = createLanguageClient(context, outputChannel);
  activeClient = client;
  let state: ServerState = 'starting';
  context.subscriptions.push(
    outputChannel,
    statusItem,
    stateChanged,
    client.languageClient.onDidChangeState((change) => {
      state = serverStateOf(change.newState);
      statusItem.show(state);
      stateChanged.fire(state);
    }),
    registerRestartServerCommand(client, outputChannel),
    registerShowOutputCommand(outputChannel),
  );
  client.languageClient.start().catch((error: unknown) => {
    const message = `The GitOps Waves server failed to start: ${error instanceof Error ? error.message : String(error)}`;
    outputChannel.error(message);
    statusItem.show('stopped');
    void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
      if (choice === 'Show Output') outputChannel.show(true);
    });
  });
  return { serverState: () => state, onDidChangeServerState: stateChanged.event };
}

/** Stops the server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  const client = activeClient;
  activeClient = undefined;
  if (client?.languageClient.needsStop()) await client.languageClient.stop();
}
