// The Application names an ApplicationSet generator entry renders for a synthetic cluster: names with a cluster placeholder.
import { expandApplicationSet } from '../../../appsets/expandApplicationSet';
import type { ClusterInfo, ExpansionContext } from '../../../appsets/expansionTypes';
import { getPath, type KubeObject } from '../../../kube/kubeObject';

/**
 * The synthetic cluster's name. Lowercase letters and digits only, so Argo CD's `SanitizeName`
 * (`nameNormalized`, `normalize`) and `slugify` keep it intact and it stays recognisable in the
 * rendered name; `displaySymbolicName` shows it as `⟨cluster⟩`.
 */
export const CLUSTER_PLACEHOLDER = 'gwsymboliccluster';

/** The value given to a label that must exist with any value (shown as `⟨any⟩`). */
export const ANY_VALUE_PLACEHOLDER = 'gwsymbolicvalue';

/** The synthetic cluster with the given labels: name `CLUSTER_PLACEHOLDER`, server `https://CLUSTER_PLACEHOLDER`. */
export function syntheticCluster(labels: Readonly<Record<string, string>>): ClusterInfo {
  return { name: CLUSTER_PLACEHOLDER, server: `https://${CLUSTER_PLACEHOLDER}`, project: undefined, labels, annotations: {}, implicit: false };
}

/**
 * The names (`metadata.name`) of the Applications that top-level generator `generatorIndex` of
 * `appSet` renders for `cluster`, the only cluster Secret. Applications of other clusters (the
 * implicit in-cluster one an empty selector keeps) are left out: their parameters do not hold the
 * placeholder. The expansion's problems are dropped: the real expansion already reported them.
 */
export function symbolicNames(appSet: KubeObject, generatorIndex: number, cluster: ClusterInfo, context: Omit<ExpansionContext, 'clusterSecrets'>): string[] {
  const expansion = expandApplicationSet(appSet, { ...context, clusterSecrets: [cluster] });
  const names: string[] = [];
  for (const application of expansion.applications) {
    if (application.generatorPath[2] !== generatorIndex) continue;
    if (!JSON.stringify(application.parameters).includes(CLUSTER_PLACEHOLDER)) continue;
    const name = getPath(application.body, ['metadata', 'name']);
    if (typeof name === 'string' && name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * True when a symbolic name holds the cluster's own name or server: two such names are equal only
 * for one and the same cluster. Other names (constant, or made of label values) can be equal for
 * two different clusters.
 */
export function dependsOnClusterIdentity(symbolicName: string): boolean {
  return symbolicName.toLowerCase().includes(CLUSTER_PLACEHOLDER);
}

/** A symbolic name or label value as a person reads it: `addon-⟨cluster⟩-argo-cd`. */
export function displaySymbolic(text: string): string {
  return text.replace(new RegExp(CLUSTER_PLACEHOLDER, 'gi'), '⟨cluster⟩').replace(new RegExp(ANY_VALUE_PLACEHOLDER, 'gi'), '⟨any⟩');
}
