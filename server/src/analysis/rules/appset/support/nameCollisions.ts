// Finds pairs of ApplicationSets whose clusters generators can render the same Application name for some cluster.
import { isNonGitUrl, normalizeGitUrl } from '../../../argo/repositoryIdentity';
import { isRecord } from '../../../kube/kubeObject';
import type { AppNode, RepositoryModel } from '../../../model/types';
import { NodesWhere } from '../../../model/nodePositions';
import type { RepoIndex } from '../../../repoIndex';
import { clusterConstraintOf, satisfyingLabels, type ClusterConstraint } from './clusterConstraint';
import { ANY_VALUE_PLACEHOLDER, dependsOnClusterIdentity, symbolicNames, syntheticCluster } from './symbolicNames';

/** The namespace Argo CD puts an ApplicationSet's Applications in when the set says none (as model/duplicate-application-name assumes). */
const DEFAULT_APPLICATION_NAMESPACE = 'argocd';

/** One top-level generator entry of an ApplicationSet that produces Applications from clusters. */
export interface ClusterVariant {
  readonly set: AppNode;
  /** Index in `spec.generators`. */
  readonly generatorIndex: number;
  readonly constraint: ClusterConstraint;
  /** The namespace of the generated Applications (the set's own). */
  readonly namespace: string;
  /** Symbolic names it renders for a cluster meeting the constraint (see symbolicNames.ts). */
  readonly names: readonly string[];
}

/** Two ApplicationSets that may render the same Application name for a cluster. */
export interface PossibleCollision {
  readonly first: ClusterVariant;
  readonly second: ClusterVariant;
  /** The shared symbolic name (with placeholders). */
  readonly symbolicName: string;
  /**
   * Labels of one cluster both selectors match; undefined when none does but the name does not
   * depend on the cluster (then two different clusters, one per set, give the same name).
   */
  readonly bothMatch: Readonly<Record<string, string>> | undefined;
}

/**
 * Every generator entry of every ApplicationSet of the model that involves the clusters generator,
 * expanded for a synthetic cluster meeting its constraint. Sets reached twice are taken once;
 * entries whose constraint no cluster meets are left out (they produce nothing).
 */
export function clusterVariants(index: RepoIndex, model: RepositoryModel): ClusterVariant[] {
  const repositoryUrls = new Set(model.repository.urls.map(normalizeGitUrl));
  const context = { index, isThisRepository: (url: string) => !isNonGitUrl(url) && repositoryUrls.has(normalizeGitUrl(url)) };
  const seen = new Set<string>();
  const variants: ClusterVariant[] = [];
  for (const set of setsWithClusterConstraints.of(model.nodes)) {
    const identity = `${set.origin.file}#${set.origin.documentIndex}#${set.origin.path.join('.')}#${set.name}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const spec = isRecord(set.object.body.spec) ? set.object.body.spec : {};
    const generators = Array.isArray(spec.generators) ? spec.generators : [];
    for (const [generatorIndex, entry] of generators.entries()) {
      const constraint = clusterConstraintOf(entry, ['spec', 'generators', generatorIndex]);
      if (!constraint) continue;
      const labels = satisfyingLabels(constraint.requirements, ANY_VALUE_PLACEHOLDER, 'fresh');
      if (!labels) continue;
      const names = symbolicNames(set.object, generatorIndex, syntheticCluster(labels), context);
      if (names.length === 0) continue;
      variants.push({ set, generatorIndex, constraint, namespace: set.object.namespace ?? DEFAULT_APPLICATION_NAMESPACE, names });
    }
  }
  return variants;
}

/**
 * The ApplicationSets with a generator that constrains clusters (the only ones with variants), followed from one model
 * to the next by place: the test reads the set's own object.
 */
const setsWithClusterConstraints = new NodesWhere((node) => {
  if (node.kind !== 'ApplicationSet') return false;
  const spec = isRecord(node.object.body.spec) ? node.object.body.spec : {};
  const generators = Array.isArray(spec.generators) ? spec.generators : [];
  return generators.some((entry, generatorIndex) => clusterConstraintOf(entry, ['spec', 'generators', generatorIndex]) !== undefined);
});

/**
 * Pairs of variants of two different sets that render an equal symbolic name in one namespace,
 * unless no cluster can give both that name: the name depends on the cluster's identity and the
 * two constraints are contradictory. Pairs whose sets already generated an equal concrete name
 * (from cluster Secrets of the repository) are left to model/duplicate-application-name.
 * Grouping by name first keeps this linear in the number of variants, but for sets that share a name.
 */
export function possibleCollisions(variants: readonly ClusterVariant[], model: RepositoryModel): PossibleCollision[] {
  const byName = new Map<string, ClusterVariant[]>();
  for (const variant of variants) {
    for (const name of variant.names) {
      const key = `${variant.namespace}\u0000${name}`;
      byName.set(key, [...(byName.get(key) ?? []), variant]);
    }
  }
  const collisions: PossibleCollision[] = [];
  const reported = new Set<string>();
  for (const [key, group] of byName) {
    const symbolicName = key.slice(key.indexOf('\u0000') + 1);
    for (const [position, first] of group.entries()) {
      for (const second of group.slice(position + 1)) {
        if (first.set.id === second.set.id) continue;
        const pairKey = `${first.set.id}\u0000${second.set.id}\u0000${key}`;
        if (reported.has(pairKey)) continue;
        const bothMatch = satisfyingLabels([...first.constraint.requirements, ...second.constraint.requirements], ANY_VALUE_PLACEHOLDER, 'absent');
        if (!bothMatch && dependsOnClusterIdentity(symbolicName)) continue;
        if (shareConcreteName(first.set, second.set, model)) continue;
        reported.add(pairKey);
        collisions.push({ first, second, symbolicName, bothMatch });
      }
    }
  }
  return collisions;
}

/** True when the two sets already generated Applications with the same name and namespace. */
function shareConcreteName(first: AppNode, second: AppNode, model: RepositoryModel): boolean {
  const names = (set: AppNode): Set<string> =>
    new Set(
      set.childIds
        .map((id) => model.nodesById.get(id))
        .filter((child): child is AppNode => child?.kind === 'Application')
        .map((child) => `${child.object.namespace ?? DEFAULT_APPLICATION_NAMESPACE}/${child.name}`),
    );
  const firstNames = names(first);
  return [...names(second)].some((name) => firstNames.has(name));
}
