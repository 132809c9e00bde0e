// Command gitopsWaves.revealInGraph: opens the wave graph and highlights one node (from a code lens, or a tree row's context menu).
import * as vscode from 'vscode';
import { REVEAL_IN_GRAPH_COMMAND as PROTOCOL_REVEAL_IN_GRAPH_COMMAND } from '../../../server/src/lsp/protocol';
import { WaveGraphPanel } from '../graph/graphPanel';
import type { TreeEntry } from '../tree/treeEntries';
import type { CommandContext } from '../commandContext';

/** The command id, as declared in package.json (the server's code lenses name it too). */
export const REVEAL_IN_GRAPH_COMMAND = 'gitopsWaves.revealInGraph' satisfies typeof PROTOCOL_REVEAL_IN_GRAPH_COMMAND;

function isTreeEntry(value: unknown): value is TreeEntry {
  return typeof value === 'object' && value !== null && 'nodeId' in value && 'folderUri' in value;
}

/** Registers the command: arguments `[nodeId, folderUri]` (code lens) or a tree entry (context menu). */
export function registerRevealInGraphCommand(context: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_IN_GRAPH_COMMAND, async (first?: unknown, second?: unknown) => {
    let nodeId: string | undefined;
    let folderUri: string | undefined;
    if (isTreeEntry(first)) {
      nodeId = first.nodeId ?? undefined;
      folderUri = first.folderUri;
    } else if (typeof first === 'string') {
      nodeId = first;
      folderUri = typeof second === 'string' ? second : undefined;
    }
    const panel = WaveGraphPanel.show(context.extensionUri, context.data, context.log, folderUri);
    if (nodeId) await panel.reveal(nodeId);
  });
}
