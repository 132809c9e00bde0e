// Reads an AppProject object into the model's AppProjectSpec (globs kept as written).
import { isRecord, type KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { asNonEmptyString, asString, stringItems } from './plainValues';
import type { AppProjectSpec } from './types';

type ClusterResourceEntry = { readonly group: string; readonly kind: string; readonly name?: string };
type NamespaceResourceEntry = { readonly group: string; readonly kind: string };

/**
 * Reads an AppProject. An absent resource list stays undefined (an absent namespace whitelist
 * allows everything, an empty one allows nothing). It reports nothing today: permission checks
 * are made later, against the Applications.
 */
export function readAppProject(object: KubeObject, _index: RepoIndex): { project: AppProjectSpec; problems: Problem[] } {
  const spec = isRecord(object.body.spec) ? object.body.spec : {};
  const project: AppProjectSpec = {
    object,
    name: object.name,
    sourceRepos: stringItems(spec.sourceRepos),
    destinations: (Array.isArray(spec.destinations) ? spec.destinations : []).filter(isRecord).map((destination) => ({
      server: asNonEmptyString(destination.server),
      name: asNonEmptyString(destination.name),
      namespace: asNonEmptyString(destination.namespace),
    })),
    clusterResourceWhitelist: clusterResources(spec.clusterResourceWhitelist),
    clusterResourceBlacklist: clusterResources(spec.clusterResourceBlacklist),
    namespaceResourceWhitelist: namespaceResources(spec.namespaceResourceWhitelist),
    namespaceResourceBlacklist: namespaceResources(spec.namespaceResourceBlacklist),
    sourceNamespaces: stringItems(spec.sourceNamespaces),
  };
  return { project, problems: [] };
}

/** A missing `group` is the core group `''`, as in a Kubernetes GroupKind. */
function namespaceResources(raw: unknown): NamespaceResourceEntry[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((entry) => ({ group: asString(entry.group) ?? '', kind: asString(entry.kind) ?? '' }));
}

function clusterResources(raw: unknown): ClusterResourceEntry[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((entry) => {
    const name = asNonEmptyString(entry.name);
    const group = asString(entry.group) ?? '';
    const kind = asString(entry.kind) ?? '';
    return name === undefined ? { group, kind } : { group, kind, name };
  });
}
