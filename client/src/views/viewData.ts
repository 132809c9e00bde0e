// Where the tree, the graph panel and the status bar get their data: the server's gitopsWaves/tree and gitopsWaves/graph requests, and when to ask again.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GraphRequest, TreeRequest, type GraphResult, type TreeResult } from '../../../server/src/lsp/protocol';

/** Quiet time after the last diagnostics change before the views ask again (an analysis publishes many files at once). */
const SETTLE_MS = 300;
/** While a folder is still indexing, ask again this often... */
const INDEXING_RETRY_MS = 1000;
/** ...at most this many times in a row. */
const MAX_INDEXING_RETRIES = 120;

/**
 * Asks the language server for the views' data. The server answers from its latest analysis and never
 * starts one, so asking is cheap; `onDidChange` fires (debounced) after each analysis, which the client
 * sees as diagnostics being published, and when the server (re)starts.
 */
export class ViewData implements vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  /** Fires when the views should ask again. */
  readonly onDidChange = this.#changed.event;
  readonly #subscriptions: vscode.Disposable[] = [];
  #settleTimer: ReturnType<typeof setTimeout> | undefined;
  #indexingRetries = 0;

  constructor(private readonly client: LanguageClient) {
    this.#subscriptions.push(
      this.#changed,
      vscode.languages.onDidChangeDiagnostics(() => this.changedSoon(SETTLE_MS)),
      client.onDidChangeState(() => this.changedSoon(SETTLE_MS)),
    );
  }

  /** Asks the views to refresh now (the refresh command). */
  refresh(): void {
    this.changedSoon(0);
  }

  /** The tree of every folder (or of the folder holding `uri`), or undefined when the server is not running. */
  async tree(uri?: string): Promise<TreeResult | undefined> {
    if (!this.client.isRunning()) return undefined;
    const result = await this.client.sendRequest(TreeRequest.type, uri === undefined ? {} : { uri });
    this.retryWhileIndexing(result.folders);
    return result;
  }

  /** The wave graph of every folder (or of the folder holding `uri`), or undefined when the server is not running. */
  async graph(uri?: string): Promise<GraphResult | undefined> {
    if (!this.client.isRunning()) return undefined;
    const result = await this.client.sendRequest(GraphRequest.type, uri === undefined ? {} : { uri });
    this.retryWhileIndexing(result.folders);
    return result;
  }

  /** Removes the listeners and timers. */
  dispose(): void {
    clearTimeout(this.#settleTimer);
    for (const subscription of this.#subscriptions) subscription.dispose();
  }

  private changedSoon(delayMs: number): void {
    clearTimeout(this.#settleTimer);
    this.#settleTimer = setTimeout(() => this.#changed.fire(), delayMs);
  }

  /** A folder still indexing publishes no diagnostics when it has no findings, so poll until it is ready (bounded). */
  private retryWhileIndexing(folders: readonly { readonly state: string }[]): void {
    if (!folders.some((folder) => folder.state === 'indexing')) {
      this.#indexingRetries = 0;
      return;
    }
    if (this.#indexingRetries >= MAX_INDEXING_RETRIES) return;
    this.#indexingRetries++;
    this.changedSoon(INDEXING_RETRY_MS);
  }
}
