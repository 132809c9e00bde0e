// graphOrder: nodes sorted by id, followed from the last model ordered when a patch replaced nodes in place.
import { describe, expect, it } from 'vitest';
import { graphOrder } from '../../../server/src/analysis/dependencies/graphOrder';
import type { AppNode, RepositoryModel } from '../../../server/src/analysis/model/types';

/** A model of bare nodes (graphOrder reads ids, the node list and the map by id). */
function modelOf(nodes: readonly AppNode[]): RepositoryModel {
  return { nodes, nodesById: new Map(nodes.map((node) => [node.id, node])) } as unknown as RepositoryModel;
}

const node = (id: string, version = 0): AppNode => ({ id, version }) as unknown as AppNode;

/** The order a fresh sort gives: ids ascending, the model's own node objects. */
function sortedById(model: RepositoryModel): readonly AppNode[] {
  return [...model.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

describe('graphOrder', () => {
  it('sorts by id, then follows replaced nodes in place and falls back when ids move', () => {
    const first = modelOf([node('c'), node('a'), node('d'), node('b')]);
    const firstOrder = graphOrder(first);
    expect(firstOrder.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
    // Nothing replaced: the same order, the same array.
    const same = modelOf([...first.nodes]);
    expect(graphOrder(same)).toBe(firstOrder);
    // Two nodes replaced by new objects with the same ids: the new objects, at their ids' places.
    const patched = modelOf([node('c', 1), first.nodes[1]!, first.nodes[2]!, node('b', 1)]);
    const patchedOrder = graphOrder(patched);
    expect(patchedOrder).toEqual(sortedById(patched));
    expect(patchedOrder.every((item) => patched.nodesById.get(item.id) === item)).toBe(true);
    // Ids at other places (a reorder): put at their places; then an id that came: a fresh sort.
    const moved = modelOf([patched.nodes[3]!, patched.nodes[2]!, patched.nodes[1]!, patched.nodes[0]!]);
    expect(graphOrder(moved)).toEqual(sortedById(moved));
    expect(graphOrder(moved).every((item, place) => item === patchedOrder[place])).toBe(true);
    const reordered = modelOf([patched.nodes[3]!, patched.nodes[0]!, node('e'), patched.nodes[2]!]);
    expect(graphOrder(reordered)).toEqual(sortedById(reordered));
    expect(graphOrder(reordered).every((item) => reordered.nodesById.get(item.id) === item)).toBe(true);
  });
});
