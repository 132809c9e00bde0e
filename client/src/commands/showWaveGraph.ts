// Command gitopsWaves.showWaveGraph: opens the wave graph panel on the active editor's folder (or the one given).
import * as vscode from 'vscode';
import { WaveGraphPanel } from '../graph/graphPanel';
import type { CommandContext } from '../commandContext';

/** The command id, as declared in package.json. */
export const SHOW_WAVE_GRAPH_COMMAND = 'gitopsWaves.showWaveGraph';

/** Registers the command; its optional argument is a workspace folder URI (string or Uri). */
export function registerShowWaveGraphCommand(context: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_WAVE_GRAPH_COMMAND, async (folder?: unknown) => {
    const folderUri = typeof folder === 'string' ? folder : folder instanceof vscode.Uri ? folder.toString() : undefined;
    const panel = WaveGraphPanel.show(context.extensionUri, context.data, context.log, folderUri);
    await panel.whenReady();
    return panel.graph?.nodes.length ?? 0;
  });
}
