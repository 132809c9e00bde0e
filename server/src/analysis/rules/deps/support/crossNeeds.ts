// The needs between Applications (not provided by the dependent itself), worked out once per list of need groups.
import type { DependencyEdge, DependencyGraph } from '../../../dependencies/types';
import type { AppNode, RepositoryModel } from '../../../model/types';
import { NodeKeyCounts } from '../../../model/nodePositions';
import { needGroups, type NeedGroup } from './needGroups';

/**
 * The needs another Application decides: not provided by the dependent itself. Inside one
 * Application Argo CD hoists Namespaces and CRDs before their users, so those never count here.
 */
export function crossApplicationNeeds(model: RepositoryModel, graph: DependencyGraph): readonly NeedGroup[] {
  const argoNamespaces = argoCdNamespaces(model);
  const groups = needGroups(model, graph);
  // The same groups and namespaces (an edit that kept the graph and its orderings): the same list, worked out once.
  const known = crossNeedsByGroups.get(groups);
  if (known !== undefined && known.namespaces === argoNamespaces) return known.needs;
  const needs = groups.filter((group) => !group.selfProvided && !(group.best.edge.kind === 'namespace' && argoNamespaces.has(namespaceOf(group.best.edge))));
  crossNeedsByGroups.set(groups, { namespaces: argoNamespaces, needs });
  return needs;
}

/** Per list of need groups: the cross-Application needs last worked out from it, and under which namespaces. */
const crossNeedsByGroups = new WeakMap<readonly NeedGroup[], { readonly namespaces: ReadonlySet<string>; readonly needs: readonly NeedGroup[] }>();

/**
 * The groups of `needs` (a list {@link crossApplicationNeeds} gave) that `keep` keeps, worked out once per list and
 * `name`. `keep` may read the group alone (its edges and orderings never change; the nodes it names may be other
 * objects in a later model, so the caller looks them up again), and `name` must tell it from every other `keep`.
 */
export function crossNeedsWhere(needs: readonly NeedGroup[], name: string, keep: (group: NeedGroup) => boolean): readonly NeedGroup[] {
  let byName = subsetsByNeeds.get(needs);
  if (byName === undefined) subsetsByNeeds.set(needs, (byName = new Map()));
  let subset = byName.get(name);
  if (subset === undefined) byName.set(name, (subset = needs.filter(keep)));
  return subset;
}

/** Per list of cross-Application needs: its subsets by name. */
const subsetsByNeeds = new WeakMap<readonly NeedGroup[], Map<string, readonly NeedGroup[]>>();

/** Argo CD's usual namespace: an Application without `metadata.namespace` lives there. */
export const ARGO_CD_NAMESPACE = 'argocd';

/**
 * Namespaces that exist whenever Argo CD syncs anything: the one Argo CD usually runs in, and
 * every namespace the model's Applications and ApplicationSets live in (Argo CD watches them).
 */
export function argoCdNamespaces(model: RepositoryModel): ReadonlySet<string> {
  let namespaces = namespacesByModel.get(model);
  if (namespaces === undefined) namespacesByModel.set(model, (namespaces = namespaceCounts.follow(model.nodes)));
  return namespaces;
}

/** The rules ask for each model's namespaces several times. */
const namespacesByModel = new WeakMap<RepositoryModel, ReadonlySet<string>>();

/**
 * How many of the last model's nodes live in each namespace, followed position by position from one model to the
 * next (see `NodeKeyCounts`); the set is the previous one while no namespace came or went.
 */
class NamespaceCounts {
  readonly #counts = new NodeKeyCounts();
  #namespaces: ReadonlySet<string> = new Set([ARGO_CD_NAMESPACE]);

  follow(nodes: readonly AppNode[]): ReadonlySet<string> {
    const countsBefore = this.#counts.follow(nodes, (node) => node.object.namespace);
    let cameOrWent = false;
    for (const [namespace, before] of countsBefore) if ((before === 0) !== (this.#counts.count(namespace) === 0)) cameOrWent = true;
    if (cameOrWent) this.#namespaces = new Set([ARGO_CD_NAMESPACE, ...this.#counts.keys()]);
    return this.#namespaces;
  }
}

const namespaceCounts = new NamespaceCounts();

/** The namespace a `namespace` edge is about (its provider is `Namespace/<name>`). */
function namespaceOf(edge: DependencyEdge): string {
  return (edge.provider.object ?? '').replace(/^Namespace\//, '');
}
