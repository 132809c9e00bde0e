// The order the dependency graph visits nodes in: by id, so that waves (which order the model's nodes) do not order edges.
import type { AppNode, RepositoryModel } from '../model/types';

/** Per model: its nodes in graph order. */
const orderByModel = new WeakMap<RepositoryModel, readonly AppNode[]>();
/** The ids of the last model ordered, sorted: a model with the same ids (a patched one) takes them as they are. */
let lastSortedIds: readonly string[] = [];

/**
 * The model's nodes sorted by id. The dependency graph matches needs and indexes providers in this order,
 * so its edges (and which of several providers comes first) do not depend on the order of the model's
 * nodes, which follows waves: an edit that changes a wave and reorders the model leaves the graph as it
 * was. Ids are unique in a model.
 */
export function graphOrder(model: RepositoryModel): readonly AppNode[] {
  let nodes = orderByModel.get(model);
  if (nodes !== undefined) return nodes;
  let ids = lastSortedIds;
  if (ids.length !== model.nodes.length || !ids.every((id) => model.nodesById.has(id))) {
    ids = model.nodes.map((node) => node.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    lastSortedIds = ids;
  }
  nodes = ids.map((id) => model.nodesById.get(id) as AppNode);
  orderByModel.set(model, nodes);
  return nodes;
}
