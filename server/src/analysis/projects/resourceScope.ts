// Which kinds are cluster-scoped or namespaced: built-in Kubernetes kinds plus the CRDs written in the repository.
import { getPath, objectFromDocument, stringField, type KubeObject } from '../kube/kubeObject';
import { isClusterScopedForKustomize } from '../kustomize/clusterScopedKinds';
import type { RepoIndex } from '../repoIndex';

/** Where a kind lives; `unknown` kinds (custom resources whose CRD is not in the repository) are never judged. */
export type ResourceScope = 'cluster' | 'namespaced' | 'unknown';

/** `group/kind` of well-known namespaced kinds (core, apps, batch, networking, RBAC, policy, autoscaling, Argo CD). */
const BUILT_IN_NAMESPACED = new Set<string>([
  '/ConfigMap',
  '/Endpoints',
  '/Event',
  '/LimitRange',
  '/PersistentVolumeClaim',
  '/Pod',
  '/PodTemplate',
  '/ReplicationController',
  '/ResourceQuota',
  '/Secret',
  '/Service',
  '/ServiceAccount',
  'apps/ControllerRevision',
  'apps/DaemonSet',
  'apps/Deployment',
  'apps/ReplicaSet',
  'apps/StatefulSet',
  'autoscaling/HorizontalPodAutoscaler',
  'batch/CronJob',
  'batch/Job',
  'coordination.k8s.io/Lease',
  'discovery.k8s.io/EndpointSlice',
  'networking.k8s.io/Ingress',
  'networking.k8s.io/NetworkPolicy',
  'policy/PodDisruptionBudget',
  'rbac.authorization.k8s.io/Role',
  'rbac.authorization.k8s.io/RoleBinding',
  'storage.k8s.io/CSIStorageCapacity',
  'argoproj.io/Application',
  'argoproj.io/ApplicationSet',
  'argoproj.io/AppProject',
]);

/** Scopes of the kinds known to this analysis. */
export interface ResourceScopes {
  scopeOf(group: string, kind: string): ResourceScope;
  /** The scope of an object's kind, remembered per object (rules ask it for every deployed object). */
  scopeOfObject(object: KubeObject): ResourceScope;
}

/**
 * Builds the scope table: built-in cluster-scoped kinds (the list kustomize uses), built-in
 * namespaced kinds, then every CustomResourceDefinition written in the repository (`spec.scope`).
 * The same table object while the CRDs say the same (an edit of a CRD file that keeps its scopes keeps it), so
 * that results keyed by it (the project checks' facts) hold.
 */
export function resourceScopes(index: RepoIndex): ResourceScopes {
  // Several rules ask for it: the definitions' scopes are a derivation (kept while equal), the table is kept per those.
  const fromDefinitions = index.derived('projects/definition-scopes', definitionScopes);
  let table = tablesByDefinitions.get(fromDefinitions);
  if (table === undefined) tablesByDefinitions.set(fromDefinitions, (table = scopeTable(fromDefinitions)));
  return table;
}

const tablesByDefinitions = new WeakMap<ReadonlyMap<string, ResourceScope>, ResourceScopes>();

/** `group/kind` → scope of each CustomResourceDefinition written in the repository. */
function definitionScopes(index: RepoIndex): ReadonlyMap<string, ResourceScope> {
  const fromDefinitions = new Map<string, ResourceScope>();
  for (const file of index.filesMentioning('CustomResourceDefinition')) {
    for (const document of index.parsed(file)?.documents ?? []) {
      const object = objectFromDocument(document);
      if (object?.kind !== 'CustomResourceDefinition' || object.group !== 'apiextensions.k8s.io') continue;
      const spec = object.body.spec;
      const group = stringField(spec, 'group');
      const kind = stringField(getPath(spec, ['names']), 'kind');
      const scope = stringField(spec, 'scope');
      if (group === undefined || kind === undefined) continue;
      if (scope === 'Cluster') fromDefinitions.set(`${group}/${kind}`, 'cluster');
      else if (scope === 'Namespaced') fromDefinitions.set(`${group}/${kind}`, 'namespaced');
    }
  }
  return fromDefinitions;
}

function scopeTable(fromDefinitions: ReadonlyMap<string, ResourceScope>): ResourceScopes {
  // Asked for every deployed object by several rules: answers are kept by kind, then group, and by object.
  const answers = new Map<string, Map<string, ResourceScope>>();
  const byObject = new WeakMap<KubeObject, ResourceScope>();
  return {
    scopeOfObject(object: KubeObject): ResourceScope {
      let scope = byObject.get(object);
      if (scope === undefined) byObject.set(object, (scope = this.scopeOf(object.group, object.kind)));
      return scope;
    },
    scopeOf(group: string, kind: string): ResourceScope {
      let byGroup = answers.get(kind);
      if (!byGroup) answers.set(kind, (byGroup = new Map()));
      let scope = byGroup.get(group);
      if (scope === undefined) {
        const key = `${group}/${kind}`;
        scope = isClusterScopedForKustomize(group, kind) ? 'cluster' : BUILT_IN_NAMESPACED.has(key) ? 'namespaced' : (fromDefinitions.get(key) ?? 'unknown');
        byGroup.set(group, scope);
      }
      return scope;
    },
  };
}
