// The order the dependency graph visits nodes in: by id, so that waves (which order the model's nodes) do not order edges.
import { placesToCompare, recordReplacedPlaces } from '../model/nodePositions';
import type { AppNode, RepositoryModel } from '../model/types';

/** Per model: its nodes in graph order. */
const orderByModel = new WeakMap<RepositoryModel, readonly AppNode[]>();
/** The ids of the last model ordered, sorted: a model with the same ids (a patched one) takes them as they are. */
let lastSortedIds: readonly string[] = [];

/** The last model's nodes as the model lists them, in graph order, and each id's place in graph order. */
interface LastOrder {
  readonly modelNodes: readonly AppNode[];
  readonly ordered: readonly AppNode[];
  readonly placeById: ReadonlyMap<string, number>;
}

let lastOrder: LastOrder | undefined;

/**
 * The model's nodes sorted by id. The dependency graph matches needs and indexes providers in this order,
 * so its edges (and which of several providers comes first) do not depend on the order of the model's
 * nodes, which follows waves: an edit that changes a wave and reorders the model leaves the graph as it
 * was. Ids are unique in a model. A model with the last one's ids (a patched one) takes the last order with its
 * other node objects put in place: a pointer comparison per node.
 */
export function graphOrder(model: RepositoryModel): readonly AppNode[] {
  let nodes = orderByModel.get(model);
  if (nodes !== undefined) return nodes;
  nodes = followedOrder(model, lastOrder);
  if (nodes === undefined) {
    let ids = lastSortedIds;
    if (ids.length !== model.nodes.length || !ids.every((id) => model.nodesById.has(id))) {
      ids = model.nodes.map((node) => node.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      lastSortedIds = ids;
    }
    nodes = ids.map((id) => model.nodesById.get(id) as AppNode);
    lastOrder = { modelNodes: model.nodes, ordered: nodes, placeById: new Map(ids.map((id, place) => [id, place])) };
  } else if (lastOrder !== undefined) {
    lastOrder = { ...lastOrder, modelNodes: model.nodes, ordered: nodes };
  }
  orderByModel.set(model, nodes);
  return nodes;
}

/** The graph order of `model` from the last one, when the model has the last model's ids (a node that is another object, or at another place, is put at its id's place). */
function followedOrder(model: RepositoryModel, last: LastOrder | undefined): readonly AppNode[] | undefined {
  if (last === undefined || last.modelNodes.length !== model.nodes.length) return undefined;
  let ordered: AppNode[] | undefined;
  let placesInOrder: Set<number> | undefined;
  // Made from the last model's list by replacing nodes: only those places (else every place, a pointer comparison each).
  for (const position of placesToCompare(last.modelNodes, model.nodes)) {
    const node = model.nodes[position] as AppNode;
    const before = last.modelNodes[position] as AppNode;
    if (node === before) continue;
    // Same count, unique ids, each one the last model had: the same ids (nodes may have moved).
    const place = last.placeById.get(node.id);
    if (place === undefined) return undefined;
    ordered ??= [...last.ordered];
    ordered[place] = node;
    (placesInOrder ??= new Set()).add(place);
  }
  // Recorded, so the graph pass looks at those places only (see `changedPlaces`).
  if (ordered !== undefined) recordReplacedPlaces(last.ordered, ordered, [...(placesInOrder as Set<number>)].sort((a, b) => a - b));
  return ordered ?? last.ordered;
}
