// Which tool Argo CD renders a source with (GetAppSourceType): explicit block, else files in the folder.
import type { RepoIndex } from '../repoIndex';
import { basename } from '../text/repoPath';
import type { SourceRequest, SourceTool } from './sourceRender';

/** The detected tool, and the explicit blocks when there are several (Argo CD then refuses the source). */
export interface ToolDetection {
  readonly tool: SourceTool;
  /** Set when more than one of helm/kustomize/directory/plugin is given: "multiple application sources defined". */
  readonly conflictingBlocks: readonly SourceTool[] | undefined;
}

/**
 * An explicit block wins (Argo's `ExplicitType` lists Kustomize, Helm, Directory, Plugin). Otherwise
 * the files directly in the folder decide: a name ending in `Chart.yaml` → helm, a kustomization
 * file → kustomize; the last match in lexical order wins, so kustomize wins over `Chart.yaml`.
 * Config-management-plugin discovery is not known statically. Else directory.
 */
export function detectTool(index: RepoIndex, request: SourceRequest): ToolDetection {
  const explicit: SourceTool[] = [];
  if (request.kustomize) explicit.push('kustomize');
  if (request.helm) explicit.push('helm');
  if (request.directory) explicit.push('directory');
  if (request.plugin) explicit.push('plugin');
  const first = explicit[0];
  if (first !== undefined) return { tool: first, conflictingBlocks: explicit.length > 1 ? explicit : undefined };
  return { tool: toolOfFolder(index, request.path), conflictingBlocks: undefined };
}

/**
 * The tool the files directly in `folder` call for, derived from its listing: a file that comes into a kustomize
 * folder (which only its kustomization's entries are read from) leaves the answer, and so the folder's render, alike.
 */
function toolOfFolder(index: RepoIndex, folder: string): SourceTool {
  return index.derived(`sources/tool-of-folder\u0000${folder}`, (current) => {
    let tool: SourceTool = 'directory';
    // Argo walks the folder's files in lexical order and the last match overwrites: with both a
    // Chart.yaml and a kustomization.yaml, kustomize wins.
    for (const file of current.filesIn(folder)) {
      const name = basename(file);
      if (name === 'kustomization.yaml' || name === 'kustomization.yml' || name === 'Kustomization') tool = 'kustomize';
      else if (name.endsWith('Chart.yaml')) tool = 'helm';
    }
    return tool;
  });
}
