// The wave graph panel: one webview per window showing one workspace folder's graph, kept up to date, with open-on-click and SVG export.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FolderGraph } from '../../../server/src/lsp/protocol';
import type { ViewData } from '../views/viewData';
import { openLocation } from './openLocation';
import { validateWebviewMessage, type HostMessage } from './webviewMessages';
import { createNonce, graphPageHtml } from './webviewHtml';
import { GRAPH_MEDIA_FOLDER, GRAPH_VIEW_TYPE, graphWebviewOptions } from './webviewOptions';

/** How long an SVG export may take in the webview. */
const EXPORT_TIMEOUT_MS = 15_000;

/** The folder the graph shows: the one given, else the active editor's, else the first. */
export function folderForGraph(folderUri?: string): vscode.WorkspaceFolder | undefined {
  if (folderUri) return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folderUri));
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}

/** The wave graph webview panel (at most one; `show` reuses it). */
export class WaveGraphPanel implements vscode.Disposable {
  static #current: WaveGraphPanel | undefined;
  readonly #panel: vscode.WebviewPanel;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #svgRequests = new Map<number, (svg: string) => void>();
  #nextRequestId = 0;
  #folder: vscode.WorkspaceFolder | undefined;
  #graph: FolderGraph | null = null;
  #ready = false;
  readonly #readyWaiters: (() => void)[] = [];
  readonly #pendingReveals: string[] = [];
  readonly #updated = new vscode.EventEmitter<void>();
  /** Fires after each graph sent to the page (live updates included). */
  readonly onDidUpdate = this.#updated.event;

  /** The open panel, if any. */
  static get current(): WaveGraphPanel | undefined {
    return WaveGraphPanel.#current;
  }

  /** Opens (or brings forward) the panel on a folder. */
  static show(extensionUri: vscode.Uri, data: ViewData, log: vscode.LogOutputChannel, folderUri?: string): WaveGraphPanel {
    const folder = folderForGraph(folderUri);
    const existing = WaveGraphPanel.#current;
    if (existing) {
      existing.#panel.reveal(undefined, true);
      if (folder && folder.uri.toString() !== existing.#folder?.uri.toString()) {
        existing.#folder = folder;
        void existing.update();
      }
      return existing;
    }
    const mediaRoot = vscode.Uri.joinPath(extensionUri, ...GRAPH_MEDIA_FOLDER);
    const panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, 'Wave Graph', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, graphWebviewOptions(mediaRoot));
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'waves.svg');
    WaveGraphPanel.#current = new WaveGraphPanel(panel, mediaRoot, data, log, folder);
    return WaveGraphPanel.#current;
  }

  private constructor(
    panel: vscode.WebviewPanel,
    mediaRoot: vscode.Uri,
    private readonly data: ViewData,
    private readonly log: vscode.LogOutputChannel,
    folder: vscode.WorkspaceFolder | undefined,
  ) {
    this.#panel = panel;
    this.#folder = folder;
    const webview = panel.webview;
    webview.html = graphPageHtml({
      cspSource: webview.cspSource,
      nonce: createNonce((count) => randomBytes(count)),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'graph.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'graph.css')).toString(),
    });
    this.#subscriptions.push(
      webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      data.onDidChange(() => void this.update()),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // The page is rebuilt when shown again (context not retained): it says `ready` and gets the graph.
        if (!webviewPanel.visible) this.#ready = false;
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The folder shown. */
  get folder(): vscode.WorkspaceFolder | undefined {
    return this.#folder;
  }

  /** The graph last sent to the page. */
  get graph(): FolderGraph | null {
    return this.#graph;
  }

  /** The webview panel (the end-to-end tests read its title and state). */
  get panel(): vscode.WebviewPanel {
    return this.#panel;
  }

  /** Resolves once the page has loaded and received a graph. */
  whenReady(): Promise<void> {
    if (this.#ready) return Promise.resolve();
    return new Promise((resolve) => this.#readyWaiters.push(resolve));
  }

  /** Asks the server for the folder's graph and sends it to the page. */
  async update(): Promise<void> {
    const folder = this.#folder;
    const name = folder?.name ?? 'No folder';
    let notice: string | null = null;
    let graph: FolderGraph | null = null;
    if (!folder) notice = 'Open a folder to see its wave graph.';
    else {
      try {
        const result = await this.data.graph(folder.uri.toString());
        graph = result?.folders[0] ?? null;
        if (!result) notice = 'The GitOps Waves server is not running.';
        else if (!graph || graph.state === 'indexing') notice = 'Indexing…';
        else if (graph.state === 'failed') notice = 'The folder could not be read; see the GitOps Waves output.';
      } catch (error) {
        notice = 'The wave graph could not be loaded; see the GitOps Waves output.';
        this.log.error(`gitopsWaves/graph failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.#graph = graph;
    this.#panel.title = folder ? `Wave Graph: ${folder.name}` : 'Wave Graph';
    await this.post({ type: 'graph', folderName: name, graph, notice });
    this.#updated.fire();
  }

  /** Highlights a node and brings it into view (after the page is ready). */
  async reveal(nodeId: string): Promise<void> {
    this.#panel.reveal(undefined, true);
    if (!this.#ready) {
      this.#pendingReveals.push(nodeId);
      return;
    }
    await this.post({ type: 'reveal', nodeId });
  }

  /** The graph as a standalone SVG document, drawn by the page. */
  async svg(): Promise<string> {
    // A hidden page is not loaded (its context is not retained): show it so it can draw.
    this.#panel.reveal(undefined, true);
    await this.whenReady();
    const requestId = this.#nextRequestId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#svgRequests.delete(requestId);
        reject(new Error('the wave graph did not answer the export request'));
      }, EXPORT_TIMEOUT_MS);
      this.#svgRequests.set(requestId, (svg) => {
        clearTimeout(timer);
        resolve(svg);
      });
      void this.post({ type: 'exportSvg', requestId });
    });
  }

  /** Closes the panel. */
  dispose(): void {
    if (WaveGraphPanel.#current === this) WaveGraphPanel.#current = undefined;
    for (const subscription of this.#subscriptions.splice(0)) subscription.dispose();
    this.#updated.dispose();
    this.#panel.dispose();
  }

  private async post(message: HostMessage): Promise<void> {
    await this.#panel.webview.postMessage(message);
  }

  /** Every message from the page is validated first; a refused one is logged and ignored. */
  private receive(raw: unknown): void {
    const result = validateWebviewMessage(raw);
    if (!result.ok) {
      this.log.warn(`Ignored a message from the wave graph view: ${result.reason}.`);
      return;
    }
    const message = result.message;
    switch (message.type) {
      case 'ready':
        void this.update().then(() => this.pageReady());
        return;
      case 'openNode': {
        const node = this.#graph?.nodes.find((candidate) => candidate.id === message.nodeId);
        if (node) void openLocation(node.location, vscode.ViewColumn.One);
        return;
      }
      case 'openEdge': {
        const edge = this.#graph?.edges[message.edge];
        if (edge) void openLocation(edge.dependentLocation, vscode.ViewColumn.One);
        return;
      }
      case 'svg': {
        if (message.requestId === -1) {
          void saveSvg(message.svg, this.#folder);
          return;
        }
        const resolve = this.#svgRequests.get(message.requestId);
        this.#svgRequests.delete(message.requestId);
        resolve?.(message.svg);
        return;
      }
    }
  }

  private pageReady(): void {
    this.#ready = true;
    for (const waiter of this.#readyWaiters.splice(0)) waiter();
    for (const nodeId of this.#pendingReveals.splice(0)) void this.post({ type: 'reveal', nodeId });
  }
}

/** Asks where to save an SVG (unless `target` is given) and writes it; returns the file, or undefined when cancelled. */
export async function saveSvg(svg: string, folder: vscode.WorkspaceFolder | undefined, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const file =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder.uri, 'wave-graph.svg') : undefined,
      filters: { 'SVG image': ['svg'] },
      title: 'Export the wave graph as SVG',
    }));
  if (!file) return undefined;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(svg));
  return file;
}
