// Command gitopsWaves.refresh: asks the server for the tree, the graph and the counts again.
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';

/** The command id, as declared in package.json. */
export const REFRESH_COMMAND = 'gitopsWaves.refresh';

/** Registers the command. */
export function registerRefreshCommand(context: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(REFRESH_COMMAND, () => {
    context.tree.refresh();
    context.data.refresh();
  });
}
