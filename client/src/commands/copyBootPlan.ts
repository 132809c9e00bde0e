// Command gitopsWaves.copyBootPlan: copies the boot plan of the active folder to the clipboard as Markdown.
import * as vscode from 'vscode';
import { bootPlanMarkdown } from '../graph/bootPlanMarkdown';
import { folderForGraph } from '../graph/graphPanel';
import type { CommandContext } from '../commandContext';

/** The command id, as declared in package.json. */
export const COPY_BOOT_PLAN_COMMAND = 'gitopsWaves.copyBootPlan';

/** Registers the command; it returns the Markdown (for tests) or undefined when there is no graph yet. */
export function registerCopyBootPlanCommand(context: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(COPY_BOOT_PLAN_COMMAND, async () => {
    const folder = folderForGraph();
    const graph = folder ? (await context.data.graph(folder.uri.toString()))?.folders[0] : undefined;
    if (!folder || !graph || graph.state !== 'ready') {
      void vscode.window.showWarningMessage('GitOps Waves: no boot plan yet (the server is starting or indexing).');
      return undefined;
    }
    const markdown = bootPlanMarkdown(folder.name, graph);
    await vscode.env.clipboard.writeText(markdown);
    void vscode.window.setStatusBarMessage('GitOps Waves: boot plan copied as Markdown', 3000);
    return markdown;
  });
}
