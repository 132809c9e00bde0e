// Creation chains: from a root down to a node, through the Applications that sync it and the sets that generate it.
import type { AppNode, RepositoryModel } from '../model/types';

/**
 * The node that brings a node into existence: the Application whose sync applies it, or the
 * ApplicationSet that generates it; undefined for a root.
 */
export function creatorOf(model: RepositoryModel, node: AppNode): AppNode | undefined {
  const creatorId = node.ordering.parentId ?? node.generatedById;
  return creatorId === undefined ? undefined : model.nodesById.get(creatorId);
}

/**
 * The nodes from the root down to `nodeId` (both included), or undefined when the id is not in the
 * model. A creation loop cannot make it run forever: the walk stops at the first repeated node.
 */
export function creationChain(model: RepositoryModel, nodeId: string): AppNode[] | undefined {
  const start = model.nodesById.get(nodeId);
  if (!start) return undefined;
  const chain: AppNode[] = [start];
  const seen = new Set([start.id]);
  for (let creator = creatorOf(model, start); creator && !seen.has(creator.id); creator = creatorOf(model, creator)) {
    seen.add(creator.id);
    chain.push(creator);
  }
  return chain.reverse();
}
