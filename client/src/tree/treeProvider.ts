// The GitOps Waves tree view's data provider: asks the server for the tree, turns entries into TreeItems, refreshes on changes.
import * as vscode from 'vscode';
import type { TreeResult, WireSeverity } from '../../../server/src/lsp/protocol';
import type { ViewData } from '../views/viewData';
import { buildTreeEntries, entryAt, type TreeEntry } from './treeEntries';

/** The view's id, as declared in package.json. */
export const TREE_VIEW_ID = 'gitopsWaves.applications';
/** The context key the "group by wave" toggle buttons read. */
export const GROUP_BY_WAVE_CONTEXT = 'gitopsWaves.groupByWave';

const SEVERITY_COLORS: Record<WireSeverity, string> = {
  error: 'problemsErrorIcon.foreground',
  warning: 'problemsWarningIcon.foreground',
  info: 'problemsInfoIcon.foreground',
  hint: 'problemsInfoIcon.foreground',
};

/** Turns an entry into the TreeItem VS Code shows. */
export function treeItemOf(entry: TreeEntry): vscode.TreeItem {
  const collapsible =
    entry.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : entry.kind === 'folder' || entry.parent === null || entry.kind === 'wave'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(entry.label, collapsible);
  item.id = entry.id;
  item.description = entry.description;
  // A plain string: repository text is never interpreted as Markdown or links.
  item.tooltip = entry.tooltip;
  item.contextValue = entry.kind;
  item.iconPath = new vscode.ThemeIcon(entry.icon.codicon, entry.icon.severity ? new vscode.ThemeColor(SEVERITY_COLORS[entry.icon.severity]) : undefined);
  if (entry.location) {
    const { start, end } = entry.location.range;
    const uri = vscode.Uri.parse(entry.location.uri, true);
    if (uri.scheme === 'file') {
      item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(start.line, start.character, end.line, end.character), preview: true }] };
    }
  }
  return item;
}

/** Provides the tree; `groupByWave` is toggled by two commands. */
export class WavesTreeProvider implements vscode.TreeDataProvider<TreeEntry>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<TreeEntry | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #subscription: vscode.Disposable;
  #entries: TreeEntry[] | undefined;
  #loading: Promise<TreeEntry[]> | undefined;
  #groupByWave = false;

  constructor(private readonly data: ViewData) {
    this.#subscription = data.onDidChange(() => this.refresh());
    void vscode.commands.executeCommand('setContext', GROUP_BY_WAVE_CONTEXT, false);
  }

  /** Whether children are grouped under "Wave N" rows. */
  get groupByWave(): boolean {
    return this.#groupByWave;
  }

  /** Sets the grouping and redraws. */
  setGroupByWave(value: boolean): void {
    this.#groupByWave = value;
    void vscode.commands.executeCommand('setContext', GROUP_BY_WAVE_CONTEXT, value);
    this.refresh();
  }

  /** Forgets the entries and redraws (asks the server again). */
  refresh(): void {
    this.#entries = undefined;
    this.#loading = undefined;
    this.#changed.fire(undefined);
  }

  /** The current top-level entries (asks the server when needed). */
  async entries(): Promise<TreeEntry[]> {
    if (this.#entries) return this.#entries;
    this.#loading ??= this.load();
    return this.#loading;
  }

  getTreeItem(entry: TreeEntry): vscode.TreeItem {
    return treeItemOf(entry);
  }

  async getChildren(entry?: TreeEntry): Promise<TreeEntry[]> {
    return entry ? entry.children : this.entries();
  }

  getParent(entry: TreeEntry): TreeEntry | undefined {
    return entry.parent ?? undefined;
  }

  /** The entry for a position in a document, if the tree has one. */
  async entryAt(uri: vscode.Uri, line: number): Promise<TreeEntry | undefined> {
    return entryAt(await this.entries(), uri.toString(), line, (entryUri) => vscode.Uri.parse(entryUri).toString());
  }

  dispose(): void {
    this.#subscription.dispose();
    this.#changed.dispose();
  }

  private async load(): Promise<TreeEntry[]> {
    let result: TreeResult | undefined;
    try {
      result = await this.data.tree();
    } catch {
      result = undefined;
    }
    const entries = result ? buildTreeEntries(result, { groupByWave: this.#groupByWave }) : [];
    this.#entries = entries;
    return entries;
  }
}
