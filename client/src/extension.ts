// The extension's entry point: activate() starts the language client and registers the views and commands; deactivate() stops it.
import * as vscode from 'vscode';
import type { GitOpsWavesApi } from './api';
import type { CommandContext } from './commandContext';
import { registerCopyBootPlanCommand } from './commands/copyBootPlan';
import { registerExportGraphMermaidCommand } from './commands/exportGraphMermaid';
import { registerExportGraphSvgCommand } from './commands/exportGraphSvg';
import { registerGroupByWaveCommand } from './commands/groupByWave';
import { registerOpenExampleCommand } from './commands/openExample';
import { registerOpenSourceFolderCommand } from './commands/openSourceFolder';
import { registerRefreshCommand } from './commands/refresh';
import { registerRestartServerCommand } from './commands/restartServer';
import { registerRevealInGraphCommand } from './commands/revealInGraph';
import { registerRevealInTreeCommand } from './commands/revealInTree';
import { registerShowOutputCommand } from './commands/showOutput';
import { registerShowWaveGraphCommand } from './commands/showWaveGraph';
import { registerUngroupByWaveCommand } from './commands/ungroupByWave';
import { WaveGraphPanel } from './graph/graphPanel';
import { createLanguageClient, LANGUAGE_CLIENT_NAME, type GitOpsWavesLanguageClient } from './languageClient';
import { serverStateOf, type ServerState } from './serverState';
import { ServerStatusItem } from './statusBar';
import { TREE_VIEW_ID, WavesTreeProvider } from './tree/treeProvider';
import { statusCounts } from './views/statusCounts';
import { ViewData } from './views/viewData';

let activeClient: GitOpsWavesLanguageClient | undefined;

/** Starts the server (without waiting for it, so a slow start never blocks VS Code) and returns the API. */
export function activate(context: vscode.ExtensionContext): GitOpsWavesApi {
  const outputChannel = vscode.window.createOutputChannel(LANGUAGE_CLIENT_NAME, { log: true });
  const statusItem = new ServerStatusItem();
  const stateChanged = new vscode.EventEmitter<ServerState>();
  const client = createLanguageClient(context, outputChannel);
  activeClient = client;
  let state: ServerState = 'starting';
  const data = new ViewData(client.languageClient);
  const tree = new WavesTreeProvider(data);
  const treeView = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const commandContext: CommandContext = { extensionUri: context.extensionUri, data, tree, treeView, log: outputChannel };
  const updateCounts = async (): Promise<void> => {
    try {
      const graph = await data.graph();
      statusItem.showCounts(graph ? statusCounts(graph) : undefined);
    } catch {
      statusItem.showCounts(undefined);
    }
  };
  context.subscriptions.push(
    outputChannel,
    statusItem,
    stateChanged,
    data,
    tree,
    treeView,
    { dispose: () => WaveGraphPanel.current?.dispose() },
    data.onDidChange(() => void updateCounts()),
    client.languageClient.onDidChangeState((change) => {
      state = serverStateOf(change.newState);
      statusItem.show(state);
      stateChanged.fire(state);
    }),
    registerRestartServerCommand(client, outputChannel),
    registerShowOutputCommand(outputChannel),
    registerShowWaveGraphCommand(commandContext),
    registerRevealInGraphCommand(commandContext),
    registerRevealInTreeCommand(commandContext),
    registerRefreshCommand(commandContext),
    registerCopyBootPlanCommand(commandContext),
    registerExportGraphSvgCommand(commandContext),
    registerExportGraphMermaidCommand(commandContext),
    registerOpenSourceFolderCommand(),
    registerGroupByWaveCommand(commandContext),
    registerUngroupByWaveCommand(commandContext),
    registerOpenExampleCommand(context.extensionUri, context.globalStorageUri),
  );
  client.languageClient.start().catch((error: unknown) => {
    const message = `The GitOps Waves server failed to start: ${error instanceof Error ? error.message : String(error)}`;
    outputChannel.error(message);
    statusItem.show('stopped');
    void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
      if (choice === 'Show Output') outputChannel.show(true);
    });
  });
  return {
    serverState: () => state,
    onDidChangeServerState: stateChanged.event,
    treeEntries: () => tree.entries(),
    onDidChangeViews: data.onDidChange,
    graphPanel: () => WaveGraphPanel.current,
    statusText: () => statusItem.text,
  };
}

/** Stops the server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  const client = activeClient;
  activeClient = undefined;
  if (client?.languageClient.needsStop()) await client.languageClient.stop();
}
