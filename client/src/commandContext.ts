// What the view commands share: the extension folder, the server's view data, the tree and its view, the log.
import type * as vscode from 'vscode';
import type { WavesTreeProvider } from './tree/treeProvider';
import type { TreeEntry } from './tree/treeEntries';
import type { ViewData } from './views/viewData';

/** Handed to each view command's `register…` function. */
export interface CommandContext {
  readonly extensionUri: vscode.Uri;
  readonly data: ViewData;
  readonly tree: WavesTreeProvider;
  readonly treeView: vscode.TreeView<TreeEntry>;
  readonly log: vscode.LogOutputChannel;
}
