// textDocument/hover: Markdown about the Application, ApplicationSet or reference under the cursor, from the latest analysis.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../../analysis/queries/hover';
import { guardRequest } from '../guard';
import { analysedFile } from './analysedFile';
import type { FeatureContext } from './featureContext';

/** Registers the hover provider (never starts an analysis). */
export function registerHover(context: FeatureContext): void {
  context.connection.onHover(guardRequest(context.log, 'textDocument/hover', (params: HoverParams): Hover | null => {
    const file = analysedFile(context.workspace, params.textDocument.uri);
    const offset = file?.conversion.offset(file.repoPath, params.position);
    if (!file || offset === undefined) return null;
    const hover = hoverAt(file.conversion.analysis, file.repoPath, offset);
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: file.conversion.range(file.repoPath, hover.span) } : null;
  }));
}
