// Creates the language client: where the bundled server is, which documents and files it sees, how it restarts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartingErrorHandler } from './restartingErrorHandler';

/** The client id: VS Code reads `gitopsWaves.trace.server` from it. */
export const LANGUAGE_CLIENT_ID = 'gitopsWaves';
/** The name shown in the UI (output channel, notifications). */
export const LANGUAGE_CLIENT_NAME = 'GitOps Waves';
/** The settings section the server pulls and is told about. */
export const CONFIGURATION_SECTION = 'gitopsWaves';
/** The bundled server, relative to the extension folder. */
export const SERVER_MODULE = path.join('server', 'dist', 'server.js');

/**
 * Files whose changes the server must hear about even when they are not open: every YAML or JSON file
 * (manifests, values, ApplicationSet git-files generators) and Kustomize's extensionless `Kustomization`.
 * The client watches so the server never runs its own recursive watcher.
 */
export const WATCHED_FILE_PATTERNS: readonly string[] = ['**/*.{yaml,yml,json}', '**/Kustomization'];

/** The client and its error handler (the restart command resets the handler's restart budget). */
export interface GitOpsWavesLanguageClient {
  readonly languageClient: LanguageClient;
  readonly errorHandler: RestartingErrorHandler;
}

/**
 * A language client for the bundled server over Node IPC, for YAML files on disk only (the server reads
 * the workspace with `fs`, so virtual file systems are out). Not started: the caller starts it.
 */
export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): GitOpsWavesLanguageClient {
  const serverModule = context.asAbsolutePath(SERVER_MODULE);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const fileWatchers = WATCHED_FILE_PATTERNS.map((pattern) => vscode.workspace.createFileSystemWatcher(pattern));
  context.subscriptions.push(...fileWatchers);
  const errorHandler = new RestartingErrorHandler(LANGUAGE_CLIENT_NAME, outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'yaml' }],
    synchronize: { configurationSection: CONFIGURATION_SECTION, fileEvents: fileWatchers },
    outputChannel,
    errorHandler,
    // Hover text comes from repository files: never let it run commands.
    markdown: { isTrusted: false, supportHtml: false },
  };
  const languageClient = new LanguageClient(LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, serverOptions, clientOptions);
  return { languageClient, errorHandler };
}
