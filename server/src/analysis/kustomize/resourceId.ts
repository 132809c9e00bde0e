// Kustomize resource ids (group/version/kind, name, namespace) and kustomize's id equality.
import { isRecord } from '../kube/kubeObject';
import { isClusterScopedForKustomize } from './clusterScopedKinds';

/** What kustomize identifies a resource by. */
export interface ResourceId {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string;
  /** As written (`''` when unset). */
  readonly namespace: string;
}

/** Splits an apiVersion into group and version (`apps/v1` → `apps`, `v1`; `v1` → `''`, `v1`). */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The id of a body (missing fields read as `''`). */
export function idOfBody(body: Readonly<Record<string, unknown>>): ResourceId {
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
  const metadata = body.metadata;
  const named = isRecord(metadata) ? metadata : undefined;
  // Built field by field (no object spread): every render asks for ids several times per object.
  const { group, version } = splitApiVersion(apiVersion);
  return {
    group,
    version,
    kind: typeof body.kind === 'string' ? body.kind : '',
    name: typeof named?.name === 'string' ? named.name : '',
    namespace: typeof named?.namespace === 'string' ? named.namespace : '',
  };
}

/**
 * The namespace kustomize compares ids by: a marker for cluster-scoped kinds, `default` for an
 * unset namespace (kustomize treats unset and `default` as the same), else the namespace.
 */
export function effectiveNamespace(id: ResourceId): string {
  if (isClusterScopedForKustomize(id.group, id.kind)) return '_non_namespaceable_';
  return id.namespace === '' ? 'default' : id.namespace;
}

/** Kustomize's `ResId.Equals`: same group, version, kind, name and effective namespace. */
export function idsEqual(left: ResourceId, right: ResourceId): boolean {
  return (
    left.group === right.group &&
    left.version === right.version &&
    left.kind === right.kind &&
    left.name === right.name &&
    effectiveNamespace(left) === effectiveNamespace(right)
  );
}

/** A string equal for two ids exactly when `idsEqual` holds: for maps and sets of ids. */
export function idKey(id: ResourceId): string {
  return `${id.group}\u0000${id.version}\u0000${id.kind}\u0000${id.name}\u0000${effectiveNamespace(id)}`;
}

/** A readable id, like kustomize prints it: `Kind.version.group/name.namespace`. */
export function describeId(id: ResourceId): string {
  const gvk = [id.kind, id.version, id.group].filter((part) => part !== '').join('.');
  return `${gvk}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}
