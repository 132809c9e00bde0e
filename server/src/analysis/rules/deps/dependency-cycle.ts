// Rule deps/dependency-cycle: Applications that need one another in a circle, so no order of waves satisfies them all.
import type { DependencyEdge } from '../../dependencies/types';
import type { AppNode } from '../../model/types';
import { sameList } from '../../incremental/indexReads';
import { defineCheck, type CheckContext } from '../check';
import { problem, type Problem } from '../rule';
import { crossApplicationNeeds } from './support/crossNeeds';
import { isSoftEdge, type NeedGroup } from './support/needGroups';
import { cyclicComponents, shortestCycle, type DirectedGraph } from './support/stronglyConnected';

/** Node-level dependency edges, the first edge of each dependent → provider pair kept as evidence. */
interface NodeGraph extends DirectedGraph {
  readonly evidence: ReadonlyMap<string, DependencyEdge>;
}

/**
 * A cycle between Applications (Tarjan SCC over node-level edges). Needs an Application provides
 * itself, and needs several Applications provide (any one suffices), do not count. Reported once per
 * strongly connected component, with its shortest cycle; an error when the component holds a cycle
 * of hard needs only, else capped at warning (a Service URL, a condition or a run-time object can
 * be late and retried).
 */
export const dependencyCycle = defineCheck(
  {
    id: 'deps/dependency-cycle',
    defaultSeverity: 'error',
    summary: 'Applications need one another in a circle (CRDs, namespaces, stores, issuers, Services…): no order of waves satisfies every need.',
  },
  (context) => {
    const { model } = context;
    const problems: Problem[] = [];
    for (const { component, steps, hardComponent } of cyclesOf(context)) {
      const name = (id: string): string => model.nodesById.get(id)?.name ?? id;
      const path = steps.map((edge) => `${name(edge.dependent.nodeId)} needs ${name(edge.provider.nodeId)} (${edge.reason})`).join(', ');
      const others = component.length > steps.length ? ` The cycle is part of a knot of ${component.length} Applications: ${component.map(name).join(', ')}.` : '';
      const message = `Dependency cycle: ${path}.${others} Whatever their waves, one of these Applications starts before what it needs exists${hardComponent ? '' : '; here at least one link is a Service URL, a condition or an object created at run time, which can resolve late by retries'}.`;
      const found = problem(
        dependencyCycle,
        message,
        steps[0]!.dependent.location,
        steps.slice(1).map((edge) => ({ message: `${name(edge.dependent.nodeId)} needs ${name(edge.provider.nodeId)}: ${edge.reason}`, location: edge.dependent.location })),
      );
      problems.push(hardComponent ? found : { ...found, severityCap: 'warning' });
    }
    return problems;
  },
);

/** A cycle found: its strongly connected component, the steps of its shortest cycle, and whether hard needs alone close it. */
interface FoundCycle {
  readonly component: readonly string[];
  readonly steps: readonly DependencyEdge[];
  readonly hardComponent: boolean;
}

/**
 * The cycles among the needs one Application alone provides. Kept while those needs' deciding edges (the same
 * objects: an edge is made again when what it joins changes) and the model's node ids in order (the search's order)
 * are the same, or, when there was none, while the edges are: waves do not make or break cycles, and an edit that
 * leaves the needs alone changes nothing here.
 */
function cyclesOf(context: CheckContext): readonly FoundCycle[] {
  const { model, graph } = context;
  const cross = crossApplicationNeeds(model, graph);
  let single = singleProviderEdges.get(cross);
  if (single === undefined) {
    single = cross.filter((group) => group.edges.every((ordered) => ordered.edge.provider.nodeId === group.best.edge.provider.nodeId)).map((group) => group.best.edge);
    singleProviderEdges.set(cross, single);
  }
  const kept = lastCycles;
  // No cycle among the same edges is no cycle in any node order (a wave edit reorders the nodes); the cycles found,
  // and which one is told first, follow the search's order.
  if (kept !== undefined && sameList(kept.single, single) && (kept.cycles.length === 0 || sameNodeIds(kept.nodeIds, model.nodes))) return kept.cycles;
  const nodeIds = model.nodes.map((node) => node.id);
  const all = nodeGraph(nodeIds, single);
  const hard = nodeGraph(nodeIds, single.filter((edge) => !isSoftEdge(edge)));
  const cycles: FoundCycle[] = [];
  for (const component of cyclicComponents(all)) {
    const members = new Set(component);
    const hardComponent = cyclicComponents({ nodes: component, successors: hard.successors }).find((candidate) => candidate.every((id) => members.has(id)));
    const cycle = hardComponent ? shortestCycle(hard, hardComponent[0]!, new Set(hardComponent)) : shortestCycle(all, component[0]!, members);
    if (!cycle) continue;
    const used = hardComponent ? hard : all;
    cycles.push({ component, steps: cycle.map((id, at) => used.evidence.get(`${id}\u0000${cycle[(at + 1) % cycle.length]}`)!), hardComponent: hardComponent !== undefined });
  }
  lastCycles = { single, nodeIds, cycles };
  return cycles;
}

/** The cycles last worked out, with what they were worked out from (one entry: the analyses follow one another). */
let lastCycles: { readonly single: readonly DependencyEdge[]; readonly nodeIds: readonly string[]; readonly cycles: readonly FoundCycle[] } | undefined;

/** Per list of cross-Application needs: the deciding edges of the needs one Application alone provides. */
const singleProviderEdges = new WeakMap<readonly NeedGroup[], readonly DependencyEdge[]>();

/** True when `nodes` have exactly the ids `nodeIds`, in order. */
function sameNodeIds(nodeIds: readonly string[], nodes: readonly AppNode[]): boolean {
  if (nodeIds.length !== nodes.length) return false;
  for (let position = 0; position < nodes.length; position++) if (nodes[position]!.id !== nodeIds[position]) return false;
  return true;
}

function nodeGraph(nodeIds: readonly string[], edges: readonly DependencyEdge[]): NodeGraph {
  const successors = new Map<string, string[]>();
  const evidence = new Map<string, DependencyEdge>();
  for (const edge of edges) {
    const key = `${edge.dependent.nodeId}\u0000${edge.provider.nodeId}`;
    if (edge.dependent.nodeId === edge.provider.nodeId || evidence.has(key)) continue;
    evidence.set(key, edge);
    successors.set(edge.dependent.nodeId, [...(successors.get(edge.dependent.nodeId) ?? []), edge.provider.nodeId]);
  }
  return { nodes: nodeIds, successors, evidence };
}
