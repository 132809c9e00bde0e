// Command gitopsWaves.revealInTree: selects, in the GitOps Waves tree, the object at the cursor of the active editor.
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';

/** The command id, as declared in package.json. */
export const REVEAL_IN_TREE_COMMAND = 'gitopsWaves.revealInTree';

/** Registers the command; it says so when the file defines nothing the tree shows. */
export function registerRevealInTreeCommand(context: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_IN_TREE_COMMAND, async (uri?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const target = uri instanceof vscode.Uri ? uri : editor?.document.uri;
    if (!target) return undefined;
    const line = editor && editor.document.uri.toString() === target.toString() ? editor.selection.active.line : 0;
    const entry = await context.tree.entryAt(target, line);
    if (!entry) {
      void vscode.window.showInformationMessage('GitOps Waves: nothing in this file appears in the Applications tree.');
      return undefined;
    }
    await context.treeView.reveal(entry, { select: true, focus: true, expand: true });
    return entry.id;
  });
}
