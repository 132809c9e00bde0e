// The tree and wave-graph views for editors: plain data with locations converted by the host (generic in the location type).
import type { Analysis } from '../analyze';
import { locateField } from '../kube/locateObject';
import type { KubeObject } from '../kube/kubeObject';
import type { DependencyKind } from '../dependencies/types';
import type { AppNode, Gating } from '../model/types';
import type { Finding, Severity } from '../rules/rule';
import type { SourceLocation } from '../text/span';
import { graphView } from '../views/graphView';
import { locate } from '../yaml/yamlDocument';
import { worseSeverity, WorstFindings } from './worstFindings';

/** The worst finding of an object, with the host's location type. */
export interface WorstFindingView<L> {
  readonly severity: Severity;
  readonly ruleId: string;
  readonly message: string;
  readonly location: L;
  readonly count: number;
}

/** A resource in the tree. */
export interface TreeResourceData<L> {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | null;
  readonly wave: number;
  readonly hooks: readonly string[];
  readonly location: L;
  readonly worstFinding: WorstFindingView<L> | null;
}

/** An Application or ApplicationSet in the tree. */
export interface TreeAppData<L> {
  readonly id: string;
  readonly kind: 'Application' | 'ApplicationSet';
  readonly name: string;
  readonly wave: number;
  readonly gating: Gating;
  readonly explanation: string;
  readonly location: L;
  readonly worstFinding: WorstFindingView<L> | null;
  readonly worstSeverityBelow: Severity | null;
  readonly notExpanded: readonly string[];
  readonly externalSources: readonly string[];
  readonly children: readonly TreeAppData<L>[];
  readonly resources: readonly TreeResourceData<L>[];
}

/** Converts a core location to the host's (an LSP `Location`). */
export type LocationConverter<L> = (location: SourceLocation) => L;

/** The tree: roots → ApplicationSets → Applications → resources, each with its location and worst finding. */
export function treeData<L>(analysis: Analysis, findings: readonly Finding[], toLocation: LocationConverter<L>): TreeAppData<L>[] {
  const { model, index } = analysis;
  const worst = new WorstFindings(findings);
  const worstOf = (object: KubeObject, node: AppNode | undefined): WorstFindingView<L> | null => {
    // A generated Application has no document of its own (its origin is the set's template).
    if (node?.generatedById !== undefined) return null;
    const found = worst.in(object.origin.file, objectSpan(analysis, object));
    return found ? { severity: found.finding.severity, ruleId: found.finding.ruleId, message: found.finding.message, location: toLocation(found.finding.location), count: found.count } : null;
  };
  const build = (id: string, seen: ReadonlySet<string>): TreeAppData<L> | undefined => {
    const node = model.nodesById.get(id);
    if (!node || seen.has(id)) return undefined;
    const nextSeen = new Set(seen).add(id);
    const children = node.childIds.map((childId) => build(childId, nextSeen)).filter((child): child is TreeAppData<L> => child !== undefined);
    const resources = node.resources.map(
      (resource): TreeResourceData<L> => ({
        kind: resource.object.kind,
        name: resource.object.name,
        namespace: resource.object.namespace ?? null,
        wave: resource.wave.wave,
        hooks: resource.hooks,
        location: toLocation(locateField(index, resource.object.origin, ['metadata', 'name'], 'value')),
        worstFinding: worstOf(resource.object, undefined),
      }),
    );
    const worstFinding = worstOf(node.object, node);
    let below: Severity | undefined = worstFinding?.severity;
    for (const resource of resources) below = worseSeverity(below, resource.worstFinding?.severity);
    for (const child of children) below = worseSeverity(below, child.worstSeverityBelow ?? undefined);
    return {
      id: node.id,
      kind: node.kind,
      name: node.name,
      wave: node.wave.wave,
      gating: node.ordering.gating,
      explanation: node.ordering.explanation,
      location: toLocation(locateField(index, node.origin, ['metadata', 'name'], 'value')),
      worstFinding,
      worstSeverityBelow: below ?? null,
      notExpanded: node.renders.map((render) => render.notExpanded).filter((text): text is string => text !== undefined),
      externalSources: node.externalSources,
      children,
      resources,
    };
  };
  return model.rootIds.map((id) => build(id, new Set())).filter((node): node is TreeAppData<L> => node !== undefined);
}

/** A node of the wave graph. */
export interface GraphNodeData<L> {
  readonly id: string;
  readonly kind: 'Application' | 'ApplicationSet';
  readonly name: string;
  readonly location: L;
  readonly wave: number;
  readonly waveSource: string;
  readonly gating: Gating;
  readonly explanation: string;
  readonly parent: string | null;
  readonly generatedBy: string | null;
  readonly waveRank: number | null;
  readonly worstFinding: WorstFindingView<L> | null;
}

/** An edge of the wave graph. */
export interface GraphEdgeData<L> {
  readonly dependent: string;
  readonly provider: string;
  readonly kind: DependencyKind;
  readonly reason: string;
  readonly evidence: string;
  readonly condition: string | null;
  readonly dependentObject: string | null;
  readonly providerObject: string | null;
  readonly dependentLocation: L;
  readonly providerLocation: L;
  readonly internal: boolean;
  readonly ordering: 'before' | 'same-wave' | 'after' | 'unordered';
  readonly explanation: string;
  readonly satisfiedBy: string | null;
  readonly violation: boolean;
}

/** The wave graph: nodes, edges with kinds and reasons, waves in use, sets, violations. */
export interface GraphData<L> {
  readonly nodes: readonly GraphNodeData<L>[];
  readonly edges: readonly GraphEdgeData<L>[];
  readonly waves: readonly { readonly wave: number; readonly nodes: readonly string[] }[];
  readonly sets: readonly { readonly id: string; readonly members: readonly string[] }[];
  readonly violations: readonly { readonly edge: number; readonly dependent: string; readonly provider: string; readonly ordering: GraphEdgeData<L>['ordering']; readonly explanation: string }[];
}

/** Builds the wave graph from `graphView` (same ordering decisions as the CLI's `graph`), with locations and worst findings. */
export function graphData<L>(analysis: Analysis, findings: readonly Finding[], toLocation: LocationConverter<L>): GraphData<L> {
  const { model, index, graph } = analysis;
  const view = graphView(analysis);
  const worst = new WorstFindings(findings);
  const nodes = view.nodes.map((nodeView): GraphNodeData<L> => {
    const node = model.nodesById.get(nodeView.id) as AppNode;
    const found = node.generatedById === undefined ? worst.in(node.origin.file, objectSpan(analysis, node.object)) : undefined;
    return {
      id: nodeView.id,
      kind: nodeView.kind,
      name: nodeView.name,
      location: toLocation(locateField(index, node.origin, ['metadata', 'name'], 'value')),
      wave: nodeView.wave,
      waveSource: nodeView.waveSource,
      gating: nodeView.gating,
      explanation: node.ordering.explanation,
      parent: nodeView.parent,
      generatedBy: nodeView.generatedBy,
      waveRank: nodeView.waveRank,
      worstFinding: found ? { severity: found.finding.severity, ruleId: found.finding.ruleId, message: found.finding.message, location: toLocation(found.finding.location), count: found.count } : null,
    };
  });
  // graphView keeps the graph's edge order, so edge i of the view is edge i of the graph.
  const edges = view.edges.map((edgeView, position): GraphEdgeData<L> => {
    const edge = graph.edges[position];
    return {
      dependent: edgeView.dependent,
      provider: edgeView.provider,
      kind: edgeView.kind,
      reason: edgeView.reason,
      evidence: edgeView.evidence,
      condition: edgeView.condition,
      dependentObject: edgeView.dependentObject,
      providerObject: edgeView.providerObject,
      dependentLocation: toLocation(edge?.dependent.location ?? { file: edgeView.file, span: { start: 0, end: 0 } }),
      providerLocation: toLocation(edge?.provider.location ?? { file: edgeView.file, span: { start: 0, end: 0 } }),
      internal: edgeView.internal,
      ordering: edgeView.ordering,
      explanation: edgeView.explanation,
      satisfiedBy: edgeView.satisfiedBy,
      violation: edgeView.violation,
    };
  });
  const byWave = new Map<number, string[]>();
  for (const node of nodes) {
    const ids = byWave.get(node.wave);
    if (ids) ids.push(node.id);
    else byWave.set(node.wave, [node.id]);
  }
  const waves = [...byWave.entries()].sort(([a], [b]) => a - b).map(([wave, ids]) => ({ wave, nodes: ids }));
  const violations = edges.flatMap((edge, position) =>
    edge.violation ? [{ edge: position, dependent: edge.dependent, provider: edge.provider, ordering: edge.ordering, explanation: edge.explanation }] : [],
  );
  return { nodes, edges, waves, sets: view.sets, violations };
}

/** The span of an object's body in its file (its document, or its map inside Helm values). */
function objectSpan(analysis: Analysis, object: KubeObject): { start: number; end: number } {
  const document = analysis.index.parsed(object.origin.file)?.documents.find((candidate) => candidate.index === object.origin.documentIndex);
  if (!document) return { start: 0, end: 0 };
  return object.origin.path.length === 0 ? document.span : (locate(document, object.origin.path)?.value ?? document.span);
}
