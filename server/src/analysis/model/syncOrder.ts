// The model's nodes in the order syncs create them, for views and answers that list nodes to a person.
import type { AppNode, RepositoryModel } from './types';

/** Per model: its nodes in sync order (made once, on the first question). */
const syncOrderByModel = new WeakMap<RepositoryModel, readonly AppNode[]>();

/**
 * The model's nodes depth first from the roots, each node's children in wave then name order (`childIds`): the
 * order an Argo CD sync meets them, where `model.nodes` keeps render order (see `RepositoryModel.nodes`).
 */
export function nodesInSyncOrder(model: RepositoryModel): readonly AppNode[] {
  let ordered = syncOrderByModel.get(model);
  if (ordered === undefined) syncOrderByModel.set(model, (ordered = syncOrderOf(model)));
  return ordered;
}

function syncOrderOf(model: RepositoryModel): readonly AppNode[] {
  const ordered: AppNode[] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    const node = model.nodesById.get(id);
    if (node === undefined || seen.has(id)) return;
    seen.add(id);
    ordered.push(node);
    for (const childId of node.childIds) visit(childId);
  };
  for (const id of model.rootIds) visit(id);
  // Every node is some root's descendant; should one not be, it still comes, in model order.
  if (ordered.length < model.nodes.length) for (const node of model.nodes) if (!seen.has(node.id)) ordered.push(node);
  return ordered;
}
