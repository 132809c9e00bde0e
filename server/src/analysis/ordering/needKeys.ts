// The need key of each dependency edge (same dependent, kind, object and written location), reading as few spans as possible.
import type { DependencyEdge } from '../dependencies/types';

/**
 * The key of each edge's need: one written reference of one dependent, whoever provides it. Two
 * edges share a key exactly when they share the dependent, kind, object, file and span. The span
 * is only read for edges whose dependent, kind, object and file another edge shares: an edge alone
 * on those cannot share its span key either, so its shorter key groups it the same way. Reading a
 * span may build the file's syntax tree (lazyLocation.ts), which most edges then never need.
 */
export function needKeysOf(edges: readonly DependencyEdge[]): ReadonlyMap<DependencyEdge, string> {
  // Asked for the same edge list by the ordering and the need groups of one analysis: computed once.
  let keys = keysByEdgeList.get(edges);
  if (!keys) keysByEdgeList.set(edges, (keys = computeNeedKeys(edges)));
  return keys;
}

const keysByEdgeList = new WeakMap<readonly DependencyEdge[], ReadonlyMap<DependencyEdge, string>>();

function computeNeedKeys(edges: readonly DependencyEdge[]): ReadonlyMap<DependencyEdge, string> {
  const sharedPrefixes = new Set<string>();
  const seenPrefixes = new Set<string>();
  const prefixes = edges.map((edge) => {
    const prefix = keysOf(edge).prefix;
    if (seenPrefixes.has(prefix)) sharedPrefixes.add(prefix);
    else seenPrefixes.add(prefix);
    return prefix;
  });
  const keys = new Map<DependencyEdge, string>();
  edges.forEach((edge, position) => {
    const known = keysOf(edge);
    if (!sharedPrefixes.has(prefixes[position] ?? known.prefix)) {
      keys.set(edge, (known.alone ??= `${known.prefix}\u0000alone`));
      return;
    }
    const { span } = edge.dependent.location;
    keys.set(edge, (known.spanned ??= `${known.prefix}\u0000${span.start}\u0000${span.end}`));
  });
  return keys;
}

/** An edge's key prefix and the keys made from it so far (edges are immutable, and a kept graph keeps them). */
interface EdgeKeys {
  readonly prefix: string;
  alone?: string;
  spanned?: string;
}

const keysByEdge = new WeakMap<DependencyEdge, EdgeKeys>();

function keysOf(edge: DependencyEdge): EdgeKeys {
  let keys = keysByEdge.get(edge);
  if (keys === undefined) keysByEdge.set(edge, (keys = { prefix: needPrefix(edge) }));
  return keys;
}

function needPrefix(edge: DependencyEdge): string {
  const { dependent } = edge;
  // One depends-on annotation names several Applications at one location: each name is its own need.
  const named = edge.kind === 'explicit' ? (edge.provider.object ?? edge.provider.nodeId) : '';
  return [dependent.nodeId, edge.kind, dependent.object ?? '', dependent.location.file, named].join('\u0000');
}
