// workspace/symbol: the Applications and ApplicationSets of every folder, filtered by the query.
import type { SymbolInformation, WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { workspaceSymbols } from '../../analysis/queries/symbols';
import { guardRequest, throwIfCancelled } from '../guard';
import { conversionOf } from './analysedFile';
import { SYMBOL_KINDS } from './documentSymbols';
import type { FeatureContext } from './featureContext';

/** Registers the workspace symbol provider. */
export function registerWorkspaceSymbols(context: FeatureContext): void {
  context.connection.onWorkspaceSymbol(guardRequest(context.log, 'workspace/symbol', (params: WorkspaceSymbolParams, token): SymbolInformation[] => {
    const symbols: SymbolInformation[] = [];
    for (const folder of context.workspace.folders()) {
      throwIfCancelled(token);
      const conversion = conversionOf(folder);
      if (!conversion) continue;
      for (const symbol of workspaceSymbols(conversion.analysis, params.query)) {
        symbols.push({ name: symbol.name, kind: SYMBOL_KINDS[symbol.category], containerName: symbol.container || undefined, location: conversion.location(symbol.location) });
      }
    }
    return symbols;
  }));
}
