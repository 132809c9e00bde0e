// Command gitopsWaves.openExample: copies the bundled homelab example to the extension's storage and opens it (the walkthrough's first step).
import * as vscode from 'vscode';

/** The command id, as declared in package.json. */
export const OPEN_EXAMPLE_COMMAND = 'gitopsWaves.openExample';
/** The example inside the extension folder. */
export const EXAMPLE_FOLDER = ['examples', 'homelab'] as const;

/**
 * Registers the command. The example is copied (a fresh copy each time, so edits made while trying it
 * never stick) because the extension folder itself must not be edited; then it opens in a new window.
 */
export function registerOpenExampleCommand(extensionUri: vscode.Uri, globalStorageUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, async (options?: { readonly noOpen?: boolean }) => {
    const source = vscode.Uri.joinPath(extensionUri, ...EXAMPLE_FOLDER);
    const target = vscode.Uri.joinPath(globalStorageUri, 'homelab-example');
    await vscode.workspace.fs.createDirectory(globalStorageUri);
    await vscode.workspace.fs.copy(source, target, { overwrite: true });
    if (!options?.noOpen) await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: true });
    return target;
  });
}
