// Resolves an Application destination to the cluster's server and name, as Argo CD does before checking a project.
import { findClusterSecrets, knownClusters } from '../appsets/clusterSecrets';
import type { ClusterInfo } from '../appsets/expansionTypes';
import type { RepoIndex } from '../repoIndex';
import type { DestinationToCheck } from './projectPermissions';

/** A destination with both sides of the cluster filled when the repository knows the cluster. */
export interface ResolvedDestination extends DestinationToCheck {
  /** False when the cluster is not declared in the repository (its other side is then unknown). */
  readonly clusterKnown: boolean;
}

/** The clusters Argo CD would know, as far as the repository says (the implicit in-cluster one plus cluster Secrets). */
export function repositoryClusters(index: RepoIndex): readonly ClusterInfo[] {
  return knownClusters(findClusterSecrets(index));
}

/**
 * Fills the missing side (name from server, or server from name) from the known clusters: Argo CD
 * checks project destinations against the cluster it resolved, so `server:
 * https://kubernetes.default.svc` also matches a project destination `name: in-cluster`.
 */
export function resolveDestination(
  clusters: readonly ClusterInfo[],
  destination: { readonly server: string | undefined; readonly name: string | undefined; readonly namespace: string | undefined },
): ResolvedDestination {
  const namespace = destination.namespace ?? '';
  const cluster =
    destination.server !== undefined
      ? clusters.find((candidate) => candidate.server === destination.server)
      : destination.name !== undefined
        ? clusters.find((candidate) => candidate.name === destination.name)
        : undefined;
  return {
    server: destination.server ?? cluster?.server ?? '',
    name: destination.name ?? cluster?.name ?? '',
    namespace,
    clusterKnown: cluster !== undefined,
  };
}
