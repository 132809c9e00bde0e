// The language server: capabilities, lifecycle and the wiring of documents, files, settings and features to the workspace.
import path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  WatchKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { fullCollector } from '../host/fullCollection';
import { DocumentStore } from './documentStore';
import { CODE_ACTION_KINDS, registerCodeActions } from './features/codeActions';
import { registerCodeLens } from './features/codeLens';
import { COMPLETION_TRIGGERS, registerCompletion } from './features/completion';
import { registerCustomRequests } from './features/customRequests';
import { registerDefinition } from './features/definition';
import { DiagnosticsPublisher } from './features/diagnostics';
import { registerDocumentSymbols } from './features/documentSymbols';
import type { FeatureContext } from './features/featureContext';
import { registerHover } from './features/hover';
import { registerServerStatus } from './features/serverStatus';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';
import { guardNotification, guardRequest0 } from './guard';
import { HeapUpkeep, LANGUAGE_SERVER_HEAP_UPKEEP } from './heapUpkeep';
import { createLogger, type Logger } from './logger';
import type { IndexingProgress } from './repositoryFolder';
import { readClientSettings, SETTINGS_SECTION, type ClientSettings } from './settings';
import { Workspace } from './workspace';

/** How the process started the server. */
export interface ServerOptions {
  /** The state folder (crash journal, quarantine), already created. */
  readonly stateDirectory: string;
  /** The script the quarantine probe forks: the server bundle itself. */
  readonly probeScript: string;
  readonly version: string;
}

/**
 * What the server declares. Only what is implemented: full document sync is not needed, edits
 * arrive as incremental changes; workspace folders may come and go. Hover, code lens, symbols,
 * definitions and completion answer from the latest finished analysis. Code lenses come resolved;
 * their command (`gitopsWaves.revealInGraph`) is the client's, so no `executeCommandProvider`.
 */
export const SERVER_CAPABILITIES: ServerCapabilities = {
  positionEncoding: 'utf-16',
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
  codeLensProvider: { resolveProvider: false },
  definitionProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

/** The files the client is asked to watch: manifests in full, and deletions of anything (a removed folder). */
const WATCHERS = [
  { globPattern: '**/*.{yaml,yml,json}' },
  { globPattern: '**/*', kind: WatchKind.Delete },
];

/**
 * Wires a connection to a new workspace and starts listening. Every handler is guarded: an
 * exception becomes an error answer (requests) or a log line (notifications), never a crash.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const log = createLogger(connection.console);
  const documents = new DocumentStore();
  const publisher = new DiagnosticsPublisher((params) => void connection.sendDiagnostics(params).catch((error: unknown) => log.error('publishing diagnostics failed', error)));
  const heap = new HeapUpkeep({ ...LANGUAGE_SERVER_HEAP_UPKEEP, collect: fullCollector() });
  let clientCapabilities: ClientCapabilities = {};
  let pushedSettings: unknown;
  let initialFolders: WorkspaceFolder[] = [];

  const fetchSettings = async (folderUri: string): Promise<ClientSettings> => {
    const section: unknown = clientCapabilities.workspace?.configuration
      ? await connection.workspace.getConfiguration({ scopeUri: folderUri, section: SETTINGS_SECTION })
      : pushedSettings;
    const { settings, problems } = readClientSettings(section);
    for (const problem of problems) log.warn(problem);
    return settings;
  };

  const workspace = new Workspace(
    {
      documents,
      log,
      stateDirectory: options.stateDirectory,
      probeScript: options.probeScript,
      onResult: (folder, result) => publisher.publish(folder, result),
      beginProgress: (title) => beginProgress(connection, log, title),
      fetchSettings,
      heap,
    },
    (folder) => publisher.clearFolder(folder.uri),
  );

  // Not guarded: nothing here can throw on input (an unusable root URI is reported when indexing).
  connection.onInitialize((params): InitializeResult => {
    clientCapabilities = params.capabilities;
    initialFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: folderName(params.rootUri) }] : []);
    pushedSettings = settingsSection(params.initializationOptions);
    return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'gitops-waves-language-server', version: options.version } };
  });

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      await registerClientSideWatching(connection, clientCapabilities, log);
      if (clientCapabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification(log, 'workspace/didChangeWorkspaceFolders', async (event) => {
            workspace.removeFolders(event.removed);
            await workspace.addFolders(event.added);
          }),
        );
      }
      if (initialFolders.length === 0) log.warn('No workspace folder: open a folder (a GitOps repository) to have it analysed.');
      await workspace.addFolders(initialFolders);
    }),
  );

  connection.onDidOpenTextDocument(guardNotification(log, 'textDocument/didOpen', (params) => workspace.didOpen(params)));
  connection.onDidChangeTextDocument(guardNotification(log, 'textDocument/didChange', (params) => workspace.didChange(params)));
  connection.onDidCloseTextDocument(guardNotification(log, 'textDocument/didClose', (params) => workspace.didClose(params)));
  connection.onDidChangeWatchedFiles(guardNotification(log, 'workspace/didChangeWatchedFiles', (params) => workspace.didChangeWatchedFiles(params.changes)));
  connection.onDidChangeConfiguration(
    guardNotification(log, 'workspace/didChangeConfiguration', async (params) => {
      pushedSettings = settingsSection(params.settings);
      await workspace.refreshSettings(fetchSettings);
    }),
  );
  connection.onShutdown(
    guardRequest0(log, 'shutdown', () => {
      heap.dispose();
      workspace.dispose();
    }),
  );

  const context: FeatureContext = { connection, workspace, documents, log };
  registerServerStatus(context);
  registerHover(context);
  registerCodeActions(context);
  registerCodeLens(context);
  registerDefinition(context);
  registerDocumentSymbols(context);
  registerWorkspaceSymbols(context);
  registerCompletion(context);
  registerCustomRequests(context);

  connection.listen();
}

/** The last segment of a folder URI, as a display name. */
function folderName(uri: string): string {
  return path.posix.basename(uri.replace(/\/+$/, '')) || uri;
}

/** The `gitopsWaves` section of settings pushed by the client (`{ gitopsWaves: {…} }`). */
function settingsSection(settings: unknown): unknown {
  return typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
}

/**
 * Asks the client to watch the repository's files and to tell us about settings changes, when it
 * supports dynamic registration. The server never watches files itself (LSP: one watcher per
 * client scales; one per server does not).
 */
async function registerClientSideWatching(connection: Connection, capabilities: ClientCapabilities, log: Logger): Promise<void> {
  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS });
  } else {
    log.info('The client cannot watch files for the server: changes on disk are seen when a file is opened or closed in the editor.');
  }
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  }
}

/** A work-done progress shown by the client; a silent one when the client has no progress support. */
async function beginProgress(connection: Connection, log: Logger, title: string): Promise<IndexingProgress> {
  try {
    const reporter = await connection.window.createWorkDoneProgress();
    reporter.begin(title, 0, undefined, false);
    return { report: (message, percentage) => reporter.report(percentage ?? 0, message), done: () => reporter.done() };
  } catch (error) {
    log.warn(`No progress report: ${error instanceof Error ? error.message : String(error)}`);
    return { report: () => undefined, done: () => undefined };
  }
}
