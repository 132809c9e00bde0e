// Small queries over the dependency graph for rules and the editor: edges between two nodes, and a node's needs in words.
import type { RepositoryModel } from '../model/types';
import type { DependencyEdge, DependencyGraph } from './types';

/** The edges in which `dependentId` needs `providerId` (both node ids), in graph order. */
export function edgesBetween(graph: DependencyGraph, dependentId: string, providerId: string): readonly DependencyEdge[] {
  return (graph.byDependent.get(dependentId) ?? []).filter((edge) => edge.provider.nodeId === providerId);
}

/**
 * One line per need of a node: `needs <provider> (wave N): <reason>` for satisfied needs (the provider
 * is `itself` inside one Application), `needs <what>: provided by nothing in this repository` otherwise.
 */
export function explainNodeNeeds(graph: DependencyGraph, model: RepositoryModel, nodeId: string): string[] {
  const lines: string[] = [];
  for (const edge of graph.byDependent.get(nodeId) ?? []) {
    const provider = model.nodesById.get(edge.provider.nodeId);
    const who = edge.provider.nodeId === nodeId ? 'itself' : provider ? `${provider.name} (wave ${provider.wave.wave})` : edge.provider.nodeId;
    lines.push(`needs ${who}: ${edge.reason}${edge.condition !== undefined ? ` [${edge.condition}]` : ''}`);
  }
  for (const need of graph.unsatisfied) {
    if (need.dependent.nodeId === nodeId) lines.push(`needs ${need.need}: provided by nothing in this repository`);
  }
  return lines;
}
