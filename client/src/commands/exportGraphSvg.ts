// Command gitopsWaves.exportGraphSvg: saves the wave graph as an SVG file (opening the graph panel to draw it).
import * as vscode from 'vscode';
import { saveSvg, WaveGraphPanel } from '../graph/graphPanel';
import type { CommandContext } from '../commandContext';

/** The command id, as declared in package.json. */
export const EXPORT_GRAPH_SVG_COMMAND = 'gitopsWaves.exportGraphSvg';

/** Registers the command; an optional Uri argument is the file to write (no dialog). Returns the file written. */
export function registerExportGraphSvgCommand(context: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_GRAPH_SVG_COMMAND, async (target?: unknown) => {
    const panel = WaveGraphPanel.current ?? WaveGraphPanel.show(context.extensionUri, context.data, context.log);
    try {
      const svg = await panel.svg();
      return await saveSvg(svg, panel.folder, target instanceof vscode.Uri ? target : undefined);
    } catch (error) {
      void vscode.window.showErrorMessage(`GitOps Waves: the SVG export failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}
