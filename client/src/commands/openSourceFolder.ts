// Command gitopsWaves.openSourceFolder: reveals, in the Explorer, the folder an Application deploys from.
import * as vscode from 'vscode';
import { sourceFolderOf, type TreeEntry } from '../tree/treeEntries';

/** The command id, as declared in package.json. */
export const OPEN_SOURCE_FOLDER_COMMAND = 'gitopsWaves.openSourceFolder';

/** Registers the command (tree context menu; the argument is the row's entry). */
export function registerOpenSourceFolderCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_SOURCE_FOLDER_COMMAND, async (entry?: TreeEntry) => {
    const folder = entry ? sourceFolderOf(entry) : null;
    const uri = folder ? vscode.Uri.parse(folder, true) : undefined;
    if (!uri || uri.scheme !== 'file') {
      void vscode.window.showInformationMessage('GitOps Waves: this Application has no source folder in the workspace.');
      return undefined;
    }
    await vscode.commands.executeCommand('revealInExplorer', uri);
    return uri;
  });
}
