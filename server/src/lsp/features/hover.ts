// textDocument/hover: Markdown about the Application, ApplicationSet or reference under the cursor, from the analysis of the text shown.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../../analysis/queries/hover';
import { guardRequest } from '../guard';
import { currentAnalysedFile } from './analysedFile';
import type { FeatureContext } from './featureContext';

/** Registers the hover provider (never starts an analysis). */
export function registerHover(context: FeatureContext): void {
  context.connection.onHover(guardRequest(context.log, 'textDocument/hover', async (params: HoverParams, token): Promise<Hover | null> => {
    // While the user types, wait for the analysis of the text the client shows: an older one would misplace the cursor.
    const file = await currentAnalysedFile(context.workspace, context.documents, params.textDocument.uri, token);
    const offset = file?.current ? file.conversion.offset(file.repoPath, params.position) : undefined;
    if (!file || offset === undefined) return null;
    const hover = hoverAt(file.conversion.analysis, file.repoPath, offset);
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: file.conversion.range(file.repoPath, hover.span) } : null;
  }));
}
