// Plain-data view of the dependency graph for `graph`: apps ranked by wave in their parent's sync, edges with their ordering.
import type { Analysis } from '../analyze';
import type { DependencyEdge, DependencyGraph, DependencyKind } from '../dependencies/types';
import type { AppNode, Gating, RepositoryModel } from '../model/types';
import type { EdgeOrderingKind } from '../ordering/edgeOrdering';
import { orderedEdgesOf } from '../rules/deps/support/needGroups';
import { nameLine } from './planView';
import { nodesInSyncOrder } from '../model/syncOrder';

/** One Application or ApplicationSet of the graph. Lines are 1-based. */
export interface GraphNodeView {
  readonly id: string;
  readonly name: string;
  readonly kind: 'Application' | 'ApplicationSet';
  readonly file: string;
  readonly line: number;
  readonly wave: number;
  readonly waveSource: string;
  readonly gating: Gating;
  /** Id of the Application whose sync creates it, or null. */
  readonly parent: string | null;
  /** Id of the ApplicationSet that generated it, or null. */
  readonly generatedBy: string | null;
  /** 0 for the first wave used in its parent's sync, 1 for the next, …; null when no sync orders it. */
  readonly waveRank: number | null;
}

/** One dependency edge, with where it is written and whether Argo CD orders the provider first. */
export interface GraphEdgeView {
  readonly dependent: string;
  readonly provider: string;
  readonly kind: DependencyKind;
  readonly reason: string;
  readonly evidence: DependencyEdge['evidence'];
  readonly condition: string | null;
  readonly dependentObject: string | null;
  readonly providerObject: string | null;
  /** Where the need is written (1-based line). */
  readonly file: string;
  readonly line: number;
  /** True when both ends are the same Application (not drawn by mermaid and dot). */
  readonly internal: boolean;
  readonly ordering: EdgeOrderingKind;
  readonly explanation: string;
  /** Id of another provider of the same need that is ready first (then this edge is no violation), or null. */
  readonly satisfiedBy: string | null;
  /** True when the provider is in the same or a later wave than the dependent (`same-wave` or `after`) and no other provider is ready first. */
  readonly violation: boolean;
}

/** The graph as data (what `graph --format json` prints). */
export interface GraphView {
  readonly nodes: readonly GraphNodeView[];
  /** Each ApplicationSet with the ids of the Applications it generates (drawn as a group). */
  readonly sets: readonly { readonly id: string; readonly members: readonly string[] }[];
  readonly edges: readonly GraphEdgeView[];
}

/** Builds the graph view; the dependency graph is a parameter so hosts and tests can pass their own. */
export function graphView(analysis: Analysis, graph: DependencyGraph = analysis.graph): GraphView {
  const { model } = analysis;
  const ranks = waveRanks(model);
  const nodes = nodesInSyncOrder(model).map(
    (node): GraphNodeView => ({
      id: node.id,
      name: node.name,
      kind: node.kind,
      file: node.origin.file,
      line: nameLine(analysis, node.origin),
      wave: node.wave.wave,
      waveSource: node.wave.source,
      gating: node.ordering.gating,
      parent: node.ordering.parentId ?? null,
      generatedBy: node.generatedById ?? null,
      waveRank: ranks.get(node.id) ?? null,
    }),
  );
  const sets = nodesInSyncOrder(model).filter((node) => node.kind === 'ApplicationSet').map((node) => ({ id: node.id, members: node.childIds }));
  const edges = orderedEdgesOf(model, graph).map(({ edge, ordering: { ordering, explanation }, satisfiedBy }): GraphEdgeView => {
    return {
      dependent: edge.dependent.nodeId,
      provider: edge.provider.nodeId,
      kind: edge.kind,
      reason: edge.reason,
      evidence: edge.evidence,
      condition: edge.condition ?? null,
      dependentObject: edge.dependent.object ?? null,
      providerObject: edge.provider.object ?? null,
      file: edge.dependent.location.file,
      line: analysis.index.position(edge.dependent.location).line + 1,
      internal: edge.dependent.nodeId === edge.provider.nodeId,
      ordering,
      explanation,
      satisfiedBy: satisfiedBy ?? null,
      // Inside one Application Argo CD orders by wave and kind itself; the wave rules judge only edges between apps.
      violation: edge.dependent.nodeId !== edge.provider.nodeId && satisfiedBy === undefined && (ordering === 'same-wave' || ordering === 'after'),
    };
  });
  return { nodes, sets, edges };
}

/** For every node a sync orders: the rank of its wave among the distinct waves of its parent's children. */
function waveRanks(model: RepositoryModel): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const parent of model.nodes) {
    if (parent.kind !== 'Application') continue;
    const children = parent.childIds
      .map((id) => model.nodesById.get(id))
      .filter((child): child is AppNode => child !== undefined && child.ordering.parentId === parent.id);
    const waves = [...new Set(children.map((child) => child.wave.wave))].sort((a, b) => a - b);
    for (const child of children) ranks.set(child.id, waves.indexOf(child.wave.wave));
  }
  return ranks;
}
