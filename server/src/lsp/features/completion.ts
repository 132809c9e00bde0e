// textDocument/completion: wave values with their apps, argocd.argoproj.io/* annotation keys, sync options.
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import { completionsAt, type CompletionData } from '../../analysis/queries/completion';
import { LineIndex } from '../../analysis/text/lineIndex';
import { guardRequest } from '../guard';
import { spanToRange } from '../toProtocol';
import { conversionOf } from './analysedFile';
import type { FeatureContext } from './featureContext';

/** Characters after which the client asks for completions by itself. */
export const COMPLETION_TRIGGERS = ['"', ' ', ',', '/'];

const ITEM_KINDS: Readonly<Record<CompletionData['category'], CompletionItemKind>> = {
  value: CompletionItemKind.Value,
  property: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
};

/**
 * Registers the completion provider. The context is read from the document's current text (the
 * line being typed), the waves in use from the folder's latest analysis.
 */
export function registerCompletion(context: FeatureContext): void {
  context.connection.onCompletion(guardRequest(context.log, 'textDocument/completion', (params: CompletionParams): CompletionItem[] => {
    const document = context.documents.get(params.textDocument.uri);
    const located = context.workspace.locate(params.textDocument.uri);
    if (!document || !located) return [];
    const text = document.getText();
    const lines = new LineIndex(text);
    const offset = lines.offset({ line: params.position.line, column: params.position.character });
    const analysis = conversionOf(located.folder)?.analysis;
    return completionsAt(analysis, located.repoPath, text, offset).map((item) => ({
      label: item.label,
      kind: ITEM_KINDS[item.category],
      detail: item.detail,
      documentation: { kind: MarkupKind.PlainText, value: item.documentation },
      sortText: String(item.sortIndex).padStart(4, '0'),
      filterText: item.insertText,
      textEdit: { range: spanToRange(lines, item.replace), newText: item.insertText },
    }));
  }));
}
