// Tarjan's strongly connected components over a small directed graph, and the shortest cycle through a node inside one component.

/** A directed graph: node ids in a stable order and, per node, its successors in a stable order. */
export interface DirectedGraph {
  readonly nodes: readonly string[];
  readonly successors: ReadonlyMap<string, readonly string[]>;
}

/**
 * The strongly connected components with more than one node (self-loops are ignored), each in
 * `graph.nodes` order, components ordered by their first node. Tarjan's algorithm, linear.
 */
export function cyclicComponents(graph: DirectedGraph): string[][] {
  const position = new Map(graph.nodes.map((id, at) => [id, at]));
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const visit = (id: string): void => {
    indexOf.set(id, counter);
    lowLink.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    for (const next of graph.successors.get(id) ?? []) {
      if (next === id) continue;
      if (!indexOf.has(next)) {
        visit(next);
        lowLink.set(id, Math.min(lowLink.get(id)!, lowLink.get(next)!));
      } else if (onStack.has(next)) {
        lowLink.set(id, Math.min(lowLink.get(id)!, indexOf.get(next)!));
      }
    }
    if (lowLink.get(id) !== indexOf.get(id)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    if (component.length > 1) components.push(component.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)));
  };
  for (const id of graph.nodes) if (!indexOf.has(id)) visit(id);
  return components.sort((a, b) => (position.get(a[0]!) ?? 0) - (position.get(b[0]!) ?? 0));
}

/**
 * The shortest cycle from `start` back to it using only nodes of `within` (breadth-first), as the
 * list of nodes `[start, …]` (the edge back to `start` implied); undefined when there is none.
 */
export function shortestCycle(graph: DirectedGraph, start: string, within: ReadonlySet<string>): string[] | undefined {
  const previous = new Map<string, string>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!;
    for (const next of graph.successors.get(id) ?? []) {
      if (!within.has(next) || next === id) continue;
      if (next === start) {
        const path = [id];
        for (let step = id; step !== start; ) {
          step = previous.get(step)!;
          path.push(step);
        }
        return path.reverse();
      }
      if (previous.has(next)) continue;
      previous.set(next, id);
      queue.push(next);
    }
  }
  return undefined;
}
