// What the extension returns from activate(): a small read-only API other extensions and the end-to-end tests use.
import type * as vscode from 'vscode';
import type { WaveGraphPanel } from './graph/graphPanel';
import type { ServerState } from './serverState';
import type { TreeEntry } from './tree/treeEntries';

/** The extension's exports (`vscode.extensions.getExtension('gitops-waves.gitops-waves').exports`). */
export interface GitOpsWavesApi {
  /** The language server's current state. */
  serverState(): ServerState;
  /** Fires with the new state whenever the server starts, stops or restarts. */
  readonly onDidChangeServerState: vscode.Event<ServerState>;
  /** The Applications tree's top-level entries as the view shows them (children inside). */
  treeEntries(): Promise<readonly TreeEntry[]>;
  /** Fires when the views (tree, graph, status bar) ask the server again, after each analysis. */
  readonly onDidChangeViews: vscode.Event<void>;
  /** The open wave graph panel, if any. */
  graphPanel(): WaveGraphPanel | undefined;
  /** The status bar item's text. */
  statusText(): string;
}
