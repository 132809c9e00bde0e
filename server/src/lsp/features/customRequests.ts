// gitopsWaves/tree and gitopsWaves/graph: the views of the latest analysis of each folder, locations as LSP locations.
import { graphData, treeData } from '../../analysis/queries/views';
import { guardRequest, throwIfCancelled } from '../guard';
import { GraphRequest, TreeRequest, type FolderGraph, type FolderTree, type GraphResult, type TreeResult, type ViewParams, type ViewState } from '../protocol';
import type { RepositoryFolder } from '../repositoryFolder';
import { conversionOf } from './analysedFile';
import type { FeatureContext } from './featureContext';

/** Registers the two view requests (answered from the latest analyses; never start one). */
export function registerCustomRequests(context: FeatureContext): void {
  context.connection.onRequest(TreeRequest.type, guardRequest(context.log, TreeRequest.method, (params: ViewParams, token): TreeResult => {
    const folders: FolderTree[] = [];
    for (const folder of foldersOf(context, params)) {
      throwIfCancelled(token);
      const conversion = conversionOf(folder);
      const roots = conversion ? treeData(conversion.analysis, conversion.result.findings, (location) => conversion.location(location)) : [];
      folders.push({ folderUri: folder.uri, state: stateOf(folder), roots });
    }
    return { folders };
  }));
  context.connection.onRequest(GraphRequest.type, guardRequest(context.log, GraphRequest.method, (params: ViewParams, token): GraphResult => {
    const folders: FolderGraph[] = [];
    for (const folder of foldersOf(context, params)) {
      throwIfCancelled(token);
      const conversion = conversionOf(folder);
      const graph = conversion ? graphData(conversion.analysis, conversion.result.findings, (location) => conversion.location(location)) : { nodes: [], edges: [], waves: [], sets: [], violations: [] };
      folders.push({ folderUri: folder.uri, state: stateOf(folder), ...graph });
    }
    return { folders };
  }));
}

/** The folder named by the params' URI (a folder or a file in one), or every folder. */
function foldersOf(context: FeatureContext, params: ViewParams | undefined): RepositoryFolder[] {
  const uri = params?.uri;
  if (uri === undefined) return [...context.workspace.folders()];
  const exact = context.workspace.folders().find((folder) => folder.uri === uri || folder.uri.replace(/\/$/, '') === uri.replace(/\/$/, ''));
  if (exact) return [exact];
  const located = context.workspace.locate(uri);
  return located ? [located.folder] : [];
}

function stateOf(folder: RepositoryFolder): ViewState {
  if (folder.latest) return 'ready';
  return folder.status().state === 'failed' ? 'failed' : 'indexing';
}
