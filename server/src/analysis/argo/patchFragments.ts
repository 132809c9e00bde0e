// Which repository files a kustomization uses as patches (so an Application written there is a fragment).
import { isRecord } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { joinRepoPath } from '../text/repoPath';
import { kustomizationFiles } from './kustomizationFiles';

/**
 * Files named by a kustomization's `patches[].path`, `patchesStrategicMerge[]` or
 * `patchesJson6902[].path`, as repository paths; derived once per index (and kept while no kustomization changes).
 */
export function filesUsedAsPatches(index: RepoIndex): ReadonlySet<string> {
  return index.derived('argo/files-used-as-patches', patchFiles);
}

function patchFiles(index: RepoIndex): ReadonlySet<string> {
  const files = new Set<string>();
  for (const kustomization of kustomizationFiles(index)) {
    const body = kustomization.document.value as Record<string, unknown>;
    const add = (relative: unknown): void => {
      // An inline patch (a YAML text) is not a path.
      if (typeof relative !== 'string' || relative.includes('\n')) return;
      const path = joinRepoPath(kustomization.directory, relative);
      if (path !== undefined) files.add(path);
    };
    for (const key of ['patches', 'patchesJson6902']) {
      const entries = body[key];
      if (Array.isArray(entries)) for (const entry of entries) if (isRecord(entry)) add(entry.path);
    }
    const strategicMerge = body.patchesStrategicMerge;
    if (Array.isArray(strategicMerge)) strategicMerge.forEach(add);
  }
  return files;
}
