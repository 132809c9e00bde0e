// textDocument/codeLens: above each Application and ApplicationSet, its wave and dependencies; clicking reveals it in the wave graph.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { codeLenses } from '../../analysis/queries/codeLens';
import { guardRequest } from '../guard';
import { REVEAL_IN_GRAPH_COMMAND, type RevealInGraphArguments } from '../protocol';
import { currentAnalysedFile } from './analysedFile';
import type { FeatureContext } from './featureContext';

/** Registers the code lens provider (lenses come resolved: no `codeLens/resolve`). */
export function registerCodeLens(context: FeatureContext): void {
  context.connection.onCodeLens(guardRequest(context.log, 'textDocument/codeLens', async (params: CodeLensParams, token): Promise<CodeLens[]> => {
    const file = await currentAnalysedFile(context.workspace, context.documents, params.textDocument.uri, token);
    if (!file) return [];
    return codeLenses(file.conversion.analysis, file.repoPath).map((lens) => {
      const args: RevealInGraphArguments = [lens.nodeId, file.conversion.folder.uri];
      return { range: file.conversion.range(file.repoPath, lens.span), command: { title: lens.title, command: REVEAL_IN_GRAPH_COMMAND, arguments: args } };
    });
  }));
}
