// What the mermaid and dot renderings draw: node labels, creation links ranked by wave, dependency edges merged per pair.
import type { EdgeOrderingKind } from '../analysis/ordering/edgeOrdering';
import type { GraphNodeView, GraphView } from '../analysis/views/graphView';

/** A creation link: `from` creates or generates `to`; `length` ranks `to` by its wave in `from`'s sync (1 = first wave). */
export interface CreationLink {
  readonly from: string;
  readonly to: string;
  readonly length: number;
  /** The wave in `from`'s sync, or undefined for an ApplicationSet generating an Application. */
  readonly wave: number | undefined;
}

/** Dependency edges between two apps of one kind, merged: drawn from provider to dependent ("must come before"). */
export interface DrawnEdge {
  readonly provider: string;
  readonly dependent: string;
  readonly label: string;
  /** The least ordered of the merged edges. */
  readonly ordering: EdgeOrderingKind;
  readonly violation: boolean;
}

const ORDERING_RANK: Readonly<Record<EdgeOrderingKind, number>> = { before: 0, unordered: 1, 'same-wave': 2, after: 3 };

/** The lines of a node's label: its name, then its wave when a sync orders it or when a written wave is ignored. */
export function nodeLabelLines(node: GraphNodeView): string[] {
  if (node.gating === 'unordered') return node.waveSource === 'default' ? [node.name] : [node.name, `wave ${node.wave} (orders nothing)`];
  const gate = node.gating === 'generation' ? ', gates on generation only' : node.gating === 'none' ? ', gates nothing' : '';
  return [node.name, `wave ${node.wave}${gate}`];
}

/** Every creation link of the view, in node order. */
export function creationLinks(view: GraphView): CreationLink[] {
  const links: CreationLink[] = [];
  for (const node of view.nodes) {
    if (node.parent !== null) links.push({ from: node.parent, to: node.id, length: (node.waveRank ?? 0) + 1, wave: node.wave });
    else if (node.generatedBy !== null) links.push({ from: node.generatedBy, to: node.id, length: 1, wave: undefined });
  }
  return links;
}

/** Dependency edges between different apps, one per (provider, dependent, kind), in first-seen order. */
export function drawnEdges(view: GraphView): DrawnEdge[] {
  const merged = new Map<string, DrawnEdge>();
  for (const edge of view.edges) {
    if (edge.internal) continue;
    const key = `${edge.provider}\u0000${edge.dependent}\u0000${edge.kind}`;
    const previous = merged.get(key);
    // Another provider of the same need is ready first: this edge is drawn as ordered.
    const edgeOrdering = edge.satisfiedBy === null ? edge.ordering : 'before';
    const ordering = previous && ORDERING_RANK[previous.ordering] >= ORDERING_RANK[edgeOrdering] ? previous.ordering : edgeOrdering;
    const violation = ordering === 'after' || ordering === 'same-wave';
    merged.set(key, { provider: edge.provider, dependent: edge.dependent, label: ordering === 'before' ? edge.kind : `${edge.kind} (${ordering})`, ordering, violation });
  }
  return [...merged.values()];
}

/** Short ids for nodes (`n0`, `n1`, …) in view order, so that names never need to be identifiers. */
export function shortIds(view: GraphView): Map<string, string> {
  return new Map(view.nodes.map((node, index) => [node.id, `n${index}`]));
}
