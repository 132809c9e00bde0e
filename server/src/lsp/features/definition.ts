// textDocument/definition: from source paths, value files, kustomization resources, spec.project and depends-on entries to their targets.
import type { DefinitionParams, LocationLink } from 'vscode-languageserver/node';
import { definitionAt } from '../../analysis/queries/definition';
import { guardRequest } from '../guard';
import { currentAnalysedFile } from './analysedFile';
import type { FeatureContext } from './featureContext';

/** Registers the definition provider; answers location links (the origin range underlines the whole reference). */
export function registerDefinition(context: FeatureContext): void {
  context.connection.onDefinition(guardRequest(context.log, 'textDocument/definition', async (params: DefinitionParams, token): Promise<LocationLink[]> => {
    const found = await currentAnalysedFile(context.workspace, context.documents, params.textDocument.uri, token);
    const file = found?.current ? found : undefined;
    const offset = file?.conversion.offset(file.repoPath, params.position);
    if (!file || offset === undefined) return [];
    const { conversion } = file;
    return definitionAt(conversion.analysis, file.repoPath, offset).map(({ originSpan, target }) => {
      const targetRange = conversion.range(target.file, target.span);
      return { originSelectionRange: conversion.range(file.repoPath, originSpan), targetUri: conversion.uriOf(target.file), targetRange, targetSelectionRange: targetRange };
    });
  }));
}
