// The need key of each dependency edge (same dependent, kind, object and written location), reading as few spans as possible.
import type { DependencyEdge } from '../dependencies/types';
import { sameSpanPlace } from '../text/lazyLocation';

/**
 * The key of each edge's need: one written reference of one dependent, whoever provides it. Two
 * edges share a key exactly when they share the dependent, kind, object, file and span. The span
 * is only read for edges whose dependent, kind, object and file another edge written at another place
 * shares: edges alone on those, or sharing them only with edges at the same place (hence the same
 * span), group the same way by the shorter key. Reading a span may build the file's syntax tree
 * (lazyLocation.ts), which most edges then never need.
 */
export function needKeysOf(edges: readonly DependencyEdge[]): ReadonlyMap<DependencyEdge, string> {
  // Asked for the same edge list by the ordering and the need groups of one analysis: computed once.
  let keys = keysByEdgeList.get(edges);
  if (!keys) keysByEdgeList.set(edges, (keys = computeNeedKeys(edges)));
  return keys;
}

const keysByEdgeList = new WeakMap<readonly DependencyEdge[], ReadonlyMap<DependencyEdge, string>>();

function computeNeedKeys(edges: readonly DependencyEdge[]): ReadonlyMap<DependencyEdge, string> {
  // Prefixes whose edges are written at more than one place: only their spans can tell their needs apart.
  // Edges sharing a prefix at one place (a reference several providers answer) share a span without reading it.
  const sharedPrefixes = new Set<string>();
  const firstEdgeOfPrefix = new Map<string, DependencyEdge>();
  const prefixes = edges.map((edge) => {
    const prefix = keysOf(edge).prefix;
    const first = firstEdgeOfPrefix.get(prefix);
    if (first === undefined) firstEdgeOfPrefix.set(prefix, edge);
    else if (!writtenAtOnePlace(first, edge)) sharedPrefixes.add(prefix);
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

/** True when two edges' dependent ends are one location, or lazy locations found from one place (the same span). */
function writtenAtOnePlace(a: DependencyEdge, b: DependencyEdge): boolean {
  const left = a.dependent.location;
  const right = b.dependent.location;
  return left === right || sameSpanPlace(left, right);
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
