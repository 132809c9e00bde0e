// Command gitopsWaves.exportGraphMermaid: saves the wave graph of the active folder as a Mermaid flowchart.
import * as vscode from 'vscode';
import { folderForGraph } from '../graph/graphPanel';
import { graphToMermaid } from '../graph/mermaid';
import type { CommandContext } from '../commandContext';

/** The command id, as declared in package.json. */
export const EXPORT_GRAPH_MERMAID_COMMAND = 'gitopsWaves.exportGraphMermaid';

/** Registers the command; an optional Uri argument is the file to write (no dialog). Returns the file written. */
export function registerExportGraphMermaidCommand(context: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_GRAPH_MERMAID_COMMAND, async (target?: unknown) => {
    const folder = folderForGraph();
    const graph = folder ? (await context.data.graph(folder.uri.toString()))?.folders[0] : undefined;
    if (!folder || !graph || graph.state !== 'ready') {
      void vscode.window.showWarningMessage('GitOps Waves: no wave graph yet (the server is starting or indexing).');
      return undefined;
    }
    const file =
      target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder.uri, 'wave-graph.mmd'), filters: { Mermaid: ['mmd', 'mermaid', 'md'] }, title: 'Export the wave graph as Mermaid' });
    if (!file) return undefined;
    const mermaid = graphToMermaid(graph);
    const text = file.path.endsWith('.md') ? `\`\`\`mermaid\n${mermaid}\`\`\`\n` : mermaid;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    return file;
  });
}
