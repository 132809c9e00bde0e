// Dependency edges grouped by need (one written reference of one Application), each need with its best-ordered provider.
import type { DependencyEdge, DependencyGraph } from '../../../dependencies/types';
import { placesToCompare } from '../../../model/nodePositions';
import type { AppNode, RepositoryModel } from '../../../model/types';
import type { EdgeOrdering, EdgeOrderingKind } from '../../../ordering/edgeOrdering';
import { needKeysOf } from '../../../ordering/needKeys';
import { chainSignatures, chainsRenumbered, keptOrderingOfEdge, type OrderedEdge } from '../../../ordering/orderedEdges';
import { sameList } from '../../../incremental/indexReads';

/** One need of one Application and every provider found for it, with their orderings. */
export interface NeedGroup {
  readonly dependentId: string;
  /** Every edge of this need (one per provider), in graph order. */
  readonly edges: readonly OrderedEdge[];
  /**
   * True when the dependent provides the need itself (inside one sync Argo CD orders it, or the
   * Application creates its own namespace): another provider's order does not matter then.
   */
  readonly selfProvided: boolean;
  /** The provider edge Argo CD makes ready soonest (before, then unordered, same-wave, after): the one that decides. */
  readonly best: OrderedEdge;
}

/** How good an ordering is for the dependent: lower is better. Unordered beats same-wave: an earlier wave at least starts first. */
const ORDERING_RANK: Readonly<Record<EdgeOrderingKind, number>> = { before: 0, unordered: 1, 'same-wave': 2, after: 3 };

/** A graph's needs: the positions of each need's edges (graph order, needs by first edge), and each edge's need. */
interface NeedPositions {
  readonly positionsByNeed: readonly (readonly number[])[];
  readonly needOfPosition: Uint32Array;
}

const needPositionsByList = new WeakMap<readonly DependencyEdge[], NeedPositions>();

function needPositionsOf(graph: DependencyGraph): NeedPositions {
  return needPositionsOfList(graph.edges);
}

/** The needs of a list of edges (a graph's, or one dependent's). */
function needPositionsOfList(edges: readonly DependencyEdge[]): NeedPositions {
  let found = needPositionsByList.get(edges);
  if (found !== undefined) return found;
  const needKeys = needKeysOf(edges);
  const needByKey = new Map<string, number>();
  const positionsByNeed: number[][] = [];
  const needOfPosition = new Uint32Array(edges.length);
  edges.forEach((edge, position) => {
    const key = needKeys.get(edge) ?? '';
    let need = needByKey.get(key);
    if (need === undefined) {
      needByKey.set(key, (need = positionsByNeed.length));
      positionsByNeed.push([]);
    }
    (positionsByNeed[need] as number[]).push(position);
    needOfPosition[position] = need;
  });
  needPositionsByList.set(edges, (found = { positionsByNeed, needOfPosition }));
  return found;
}

/** A graph's need groups in one model, with each edge's ordering (by position) they were made from. */
interface GroupedGraph {
  readonly model: RepositoryModel;
  readonly orderings: readonly EdgeOrdering[];
  readonly groups: readonly NeedGroup[];
}

const cache = new WeakMap<DependencyGraph, GroupedGraph>();

/**
 * Groups the graph's edges by need (same dependent, kind, object and written location), in graph
 * order. Memoised per graph and model (a kept graph serves models whose orderings differ): the
 * dependency rules share one computation of the orderings. With a kept graph, only the needs with an
 * edge whose ordering changed are grouped again; the others are the same group objects (what the rules
 * keep per need holds then).
 */
export function needGroups(model: RepositoryModel, graph: DependencyGraph): readonly NeedGroup[] {
  const cached = cache.get(graph);
  if (cached !== undefined && cached.model === model) return cached.groups;
  if (cached === undefined) {
    // A new graph (matched again after an edit): each dependent's groups as before while its edges and orderings are.
    const grouped = groupsByDependent(model, graph);
    if (grouped !== undefined) {
      cache.set(graph, grouped);
      return grouped.groups;
    }
  }
  // A kept graph whose every edge keeps its ordering in this model groups as before.
  const orderings = cached === undefined ? graph.edges.map((edge) => keptOrderingOfEdge(model, edge)) : orderingsAfter(cached.model, cached.orderings, model, graph);
  if (cached !== undefined && sameList(cached.orderings, orderings)) {
    cache.set(graph, { ...cached, model });
    return cached.groups;
  }
  const { positionsByNeed, needOfPosition } = needPositionsOf(graph);
  let groups: NeedGroup[];
  if (cached === undefined) {
    groups = positionsByNeed.map((positions) => groupOf(graph.edges, positions, orderings));
  } else {
    groups = [...cached.groups];
    const regrouped = new Set<number>();
    for (let position = 0; position < orderings.length; position++) {
      if (orderings[position] === cached.orderings[position]) continue;
      const need = needOfPosition[position] as number;
      if (regrouped.has(need)) continue;
      regrouped.add(need);
      groups[need] = groupOf(graph.edges, positionsByNeed[need] as readonly number[], orderings);
    }
  }
  cache.set(graph, { model, orderings, groups });
  return groups;
}

/**
 * One need's group: its edges with their orderings, the first provider ordered before (in graph order)
 * satisfying the need for the others (see `orderedEdges`), and the best-ordered provider.
 */
function groupOf(allEdges: readonly DependencyEdge[], positions: readonly number[], orderings: readonly EdgeOrdering[]): NeedGroup {
  let readyProvider: string | undefined;
  for (const position of positions) {
    if ((orderings[position] as EdgeOrdering).ordering !== 'before') continue;
    readyProvider = (allEdges[position] as DependencyEdge).provider.nodeId;
    break;
  }
  const edges = positions.map((position): OrderedEdge => {
    const ordering = orderings[position] as EdgeOrdering;
    return { edge: allEdges[position] as DependencyEdge, ordering, satisfiedBy: ordering.ordering === 'before' ? undefined : readyProvider };
  });
  const first = edges[0] as OrderedEdge;
  const best = edges.reduce((chosen, candidate) => (ORDERING_RANK[candidate.ordering.ordering] < ORDERING_RANK[chosen.ordering.ordering] ? candidate : chosen), first);
  return {
    dependentId: first.edge.dependent.nodeId,
    edges,
    selfProvided: edges.some((ordered) => ordered.edge.provider.nodeId === ordered.edge.dependent.nodeId),
    best,
  };
}

/**
 * Every edge of the graph with its ordering, in graph order: the need groups' ordered edges (what `orderedEdges` would
 * make of `graph.edges`), kept per grouping, so a query or a view after the checks finds them made.
 */
export function orderedEdgesOf(model: RepositoryModel, graph: DependencyGraph): readonly OrderedEdge[] {
  const groups = needGroups(model, graph);
  let ordered = orderedByGroups.get(groups);
  if (ordered === undefined) {
    const byEdge = new Map<DependencyEdge, OrderedEdge>();
    for (const group of groups) for (const item of group.edges) byEdge.set(item.edge, item);
    orderedByGroups.set(groups, (ordered = graph.edges.map((edge) => byEdge.get(edge) as OrderedEdge)));
  }
  return ordered;
}

const orderedByGroups = new WeakMap<readonly NeedGroup[], readonly OrderedEdge[]>();

/** One dependent's edges (its list by dependent), their orderings and need groups, as last grouped. */
interface DependentGroups {
  readonly orderings: readonly EdgeOrdering[];
  readonly groups: readonly NeedGroup[];
  /** The grouping that last found them valid (see {@link lastGrouping}). */
  grouping: number;
}

/** The model of the last grouping dependent by dependent, and its number. */
let lastGrouping: { readonly model: RepositoryModel; readonly number: number } | undefined;
let groupings = 0;

/** Groups by the dependent's edge list: a graph matched again keeps the lists of the dependents it did not match again. */
const groupsByEdgeList = new WeakMap<readonly DependencyEdge[], DependentGroups>();

/**
 * The need groups of a graph whose edges are its dependents' lists one after the other (a graph of node matches, see
 * `graphOfMatches`), dependent by dependent: a dependent with the same edge list whose edges are ordered as before keeps
 * its groups (the same objects, so what rules keep per group holds). Undefined when the graph's edges are not its
 * lists by dependent in order.
 */
function groupsByDependent(model: RepositoryModel, graph: DependencyGraph): GroupedGraph | undefined {
  let offset = 0;
  for (const edges of graph.byDependent.values()) {
    if (graph.edges[offset] !== edges[0]) return undefined;
    offset += edges.length;
  }
  if (offset !== graph.edges.length) return undefined;
  // Nodes whose edges may be ordered otherwise than at the last grouping: other objects, or other creation chains.
  const previous = lastGrouping;
  const changed = previous === undefined ? undefined : nodesOrderedOtherwise(previous.model, model);
  const number = ++groupings;
  const orderings: EdgeOrdering[] = [];
  const groups: NeedGroup[] = [];
  for (const [dependentId, edges] of graph.byDependent) {
    let kept = groupsByEdgeList.get(edges);
    const untouched = kept !== undefined && kept.grouping === previous?.number && changed !== undefined && !changed.has(dependentId) && edges.every((edge) => !changed.has(edge.provider.nodeId));
    if (!untouched) {
      const own = edges.map((edge) => keptOrderingOfEdge(model, edge));
      if (kept === undefined || !sameList(kept.orderings, own)) {
        const { positionsByNeed } = needPositionsOfList(edges);
        groupsByEdgeList.set(edges, (kept = { orderings: own, groups: positionsByNeed.map((positions) => groupOf(edges, positions, own)), grouping: number }));
      }
    }
    (kept as DependentGroups).grouping = number;
    for (const ordering of (kept as DependentGroups).orderings) orderings.push(ordering);
    for (const group of (kept as DependentGroups).groups) groups.push(group);
  }
  lastGrouping = { model, number };
  return { model, orderings, groups };
}

/**
 * The ids of `model`'s nodes that are other objects than in `previous`, or whose creation chain says something else
 * (an edge's ordering reads both ends and both chains, see `keptOrderingOfEdge`), and the ids of `previous` that
 * `model` does not have; undefined when the node counts differ.
 * Worked out once per model and previous model.
 */
export function nodesOrderedOtherwise(previous: RepositoryModel, model: RepositoryModel): ReadonlySet<string> | undefined {
  const known = orderedOtherwiseByModel.get(model);
  if (known?.previous === previous) return known.changed;
  const changed = findNodesOrderedOtherwise(previous, model);
  orderedOtherwiseByModel.set(model, { previous, changed });
  return changed;
}

/** Per model: the nodes ordered otherwise than in the previous model it was compared with (the rules compare each model with one). */
const orderedOtherwiseByModel = new WeakMap<RepositoryModel, { readonly previous: RepositoryModel; readonly changed: ReadonlySet<string> | undefined }>();

function findNodesOrderedOtherwise(previous: RepositoryModel, model: RepositoryModel): ReadonlySet<string> | undefined {
  if (previous.nodes.length !== model.nodes.length) return undefined;
  if (previous === model) return new Set();
  const previousSignatures = chainSignatures(previous);
  const signatures = chainSignatures(model);
  const changed = new Set<string>();
  // By place: a node at the place it had is the same object (only the others are looked up; only the replaced places
  // when the list was made from the previous one by replacing nodes).
  for (const position of placesToCompare(previous.nodes, model.nodes)) {
    const node = model.nodes[position] as AppNode;
    const before = previous.nodes[position] as AppNode;
    if (before === node) continue;
    if (previous.nodesById.get(node.id) !== node) changed.add(node.id);
    // The id that was here went (it did not just move): pairs and groups naming it must not be kept.
    if (before.id !== node.id && !model.nodesById.has(before.id)) changed.add(before.id);
  }
  // The chains that say something else: recorded when this numbering was made from the previous one, else compared.
  const renumbered = chainsRenumbered(previousSignatures, signatures);
  if (renumbered !== undefined) {
    for (const id of renumbered) if (model.nodesById.has(id)) changed.add(id);
  } else {
    for (const node of model.nodes) if (previousSignatures.get(node.id) !== signatures.get(node.id)) changed.add(node.id);
  }
  return changed;
}

/**
 * The orderings of a kept graph's edges in `model`, from those of the same edges in `previous`: only the
 * edges at a node that is another object, or whose creation chain says something else, are ordered again
 * (`keptOrderingOfEdge` would keep every other edge's ordering, see its contract), so an edit that replaced
 * a few nodes costs their edges, not the graph's.
 */
function orderingsAfter(previous: RepositoryModel, previousOrderings: readonly EdgeOrdering[], model: RepositoryModel, graph: DependencyGraph): readonly EdgeOrdering[] {
  const changed = nodesOrderedOtherwise(previous, model);
  if (changed === undefined) return graph.edges.map((edge) => keptOrderingOfEdge(model, edge));
  let orderings: EdgeOrdering[] | undefined;
  const positions = edgePositionsByNode(graph);
  for (const id of changed) {
    for (const position of positions.get(id) ?? []) {
      const ordering = keptOrderingOfEdge(model, graph.edges[position] as DependencyEdge);
      if (ordering === previousOrderings[position]) continue;
      orderings ??= [...previousOrderings];
      orderings[position] = ordering;
    }
  }
  return orderings ?? previousOrderings;
}

/** Per graph: the positions of the edges at each node id (as dependent or provider). */
const edgePositionsByGraph = new WeakMap<DependencyGraph, ReadonlyMap<string, readonly number[]>>();

function edgePositionsByNode(graph: DependencyGraph): ReadonlyMap<string, readonly number[]> {
  let positions = edgePositionsByGraph.get(graph) as Map<string, number[]> | undefined;
  if (positions !== undefined) return positions;
  positions = new Map();
  graph.edges.forEach((edge, position) => {
    for (const id of edge.dependent.nodeId === edge.provider.nodeId ? [edge.dependent.nodeId] : [edge.dependent.nodeId, edge.provider.nodeId]) {
      const list = (positions as Map<string, number[]>).get(id);
      if (list) list.push(position);
      else (positions as Map<string, number[]>).set(id, [position]);
    }
  });
  edgePositionsByGraph.set(graph, positions);
  return positions;
}

/**
 * True for an edge rules treat mildly: a Service URL (a run-time link: the client retries), a
 * route's parent Gateway (the Gateway controller accepts the route once the Gateway exists), a
 * provider that satisfies the need only under an undecided values condition, or an object the
 * provider's controller creates at run time (often installed at bootstrap, outside Argo CD).
 */
export function isSoftEdge(edge: DependencyEdge): boolean {
  return edge.kind === 'service' || edge.kind === 'gateway' || edge.condition !== undefined || edge.providedAtRuntime === true;
}
