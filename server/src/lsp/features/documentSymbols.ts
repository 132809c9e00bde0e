// textDocument/documentSymbol: one symbol per document of a (multi-document) YAML file.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver/node';
import { documentSymbols, type SymbolCategory } from '../../analysis/queries/symbols';
import { guardRequest } from '../guard';
import { currentAnalysedFile } from './analysedFile';
import type { FeatureContext } from './featureContext';

/** The LSP symbol kind of each category. */
export const SYMBOL_KINDS: Readonly<Record<SymbolCategory, SymbolKind>> = {
  application: SymbolKind.Module,
  applicationSet: SymbolKind.Package,
  object: SymbolKind.Object,
  document: SymbolKind.File,
};

/** Registers the document symbol provider. */
export function registerDocumentSymbols(context: FeatureContext): void {
  context.connection.onDocumentSymbol(guardRequest(context.log, 'textDocument/documentSymbol', async (params: DocumentSymbolParams, token): Promise<DocumentSymbol[]> => {
    const file = await currentAnalysedFile(context.workspace, context.documents, params.textDocument.uri, token);
    if (!file) return [];
    const { conversion, repoPath } = file;
    return documentSymbols(conversion.analysis, repoPath).map((symbol) => ({
      name: symbol.name,
      detail: symbol.detail,
      kind: SYMBOL_KINDS[symbol.category],
      range: conversion.range(repoPath, symbol.span),
      selectionRange: conversion.range(repoPath, symbol.selectionSpan),
    }));
  }));
}
