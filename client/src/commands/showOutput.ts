// Command gitopsWaves.showOutput: reveals the GitOps Waves output channel (server log and restarts).
import * as vscode from 'vscode';

/** The command id, as declared in package.json. */
export const SHOW_OUTPUT_COMMAND = 'gitopsWaves.showOutput';

/** Registers the command for the given output channel. */
export function registerShowOutputCommand(outputChannel: vscode.OutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => outputChannel.show(true));
}
