// Built-in Kubernetes API groups and scopes: which objects are never custom resources, and which need no namespace.
import { isClusterScopedForKustomize } from '../kustomize/clusterScopedKinds';

/**
 * API groups served by kube-apiserver itself (or aggregated by core add-ons): their kinds never need a
 * CustomResourceDefinition. Listed one by one because `*.k8s.io` is not a rule: Gateway API
 * (`gateway.networking.k8s.io`) and CSI snapshots (`snapshot.storage.k8s.io`) are CRDs.
 */
export const BUILTIN_API_GROUPS: ReadonlySet<string> = new Set([
  '', // core: Namespace, Service, ConfigMap, Secret, PersistentVolumeClaim…
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'extensions',
  'flowcontrol.apiserver.k8s.io',
  'internal.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
  // Served through an APIService by metrics-server, not a CRD.
  'metrics.k8s.io',
]);

/** True when objects of this API group are built into Kubernetes (never custom resources). */
export function isBuiltinApiGroup(group: string): boolean {
  return BUILTIN_API_GROUPS.has(group);
}

/**
 * Argo CD's own kinds: an Application, ApplicationSet or AppProject is only ever applied by a running
 * Argo CD, so their CRDs exist whenever anything syncs them. They need nothing from the repository.
 */
export function isArgoCdOwnKind(group: string, kind: string): boolean {
  return group === 'argoproj.io' && (kind === 'Application' || kind === 'ApplicationSet' || kind === 'AppProject');
}

/** Namespaces every cluster has: objects in them need no provider. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** PriorityClasses every cluster has. */
export const BUILTIN_PRIORITY_CLASSES: ReadonlySet<string> = new Set(['system-cluster-critical', 'system-node-critical']);

/**
 * True when a kind is cluster-scoped, from what is known: built-in cluster-scoped kinds, the scope
 * of CustomResourceDefinitions found in the repository or the catalogue (`knownScopes`, keyed
 * `group/Kind`), and else the naming convention `Cluster…` (ClusterIssuer, ClusterSecretStore…).
 */
export function isClusterScoped(group: string, kind: string, knownScopes: ReadonlyMap<string, 'Cluster' | 'Namespaced'>): boolean {
  if (isClusterScopedForKustomize(group, kind)) return true;
  const known = knownScopes.get(`${group}/${kind}`);
  if (known !== undefined) return known === 'Cluster';
  if (isBuiltinApiGroup(group)) return false;
  return /^Cluster[A-Z]/.test(kind);
}
