// What the extension returns from activate(): a small read-only API other extensions and the end-to-end tests use.
import type * as vscode from 'vscode';
import type { ServerState } from './serverState';

/** The extension's exports (`vscode.extensions.getExtension('gitops-waves.gitops-waves').exports`). */
export interface GitOpsWavesApi {
  /** The language server's current state. */
  serverState(): ServerState;
  /** Fires with the new state whenever the server starts, stops or restarts. */
  readonly onDidChangeServerState: vscode.Event<ServerState>;
}
