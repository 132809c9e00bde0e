// Readable listings of a dependency graph for snapshots: one line per edge or unsatisfied need.
import type { DependencyGraph, DependencyEnd } from '../../../server/src/analysis/dependencies/types';
import type { RepositoryModel } from '../../../server/src/analysis/model/types';
import type { RepoIndex } from '../../../server/src/analysis/repoIndex';

/** `file:line` (1-based) of an end's location. */
export function where(index: RepoIndex, end: DependencyEnd): string {
  const text = index.text(end.location.file) ?? '';
  const line = text.slice(0, end.location.span.start).split('\n').length;
  return `${end.location.file}:${line}`;
}

/** `dependent --kind--> provider: reason (dependent file:line ← provider file:line)`, plus `[evidence]` and conditions. */
export function listEdges(graph: DependencyGraph, model: RepositoryModel, index: RepoIndex, filter: (line: string) => boolean = () => true): string {
  const name = (id: string): string => model.nodesById.get(id)?.name ?? id;
  const lines = graph.edges.map((edge) => {
    const extra = [edge.evidence, edge.condition ? `if: ${edge.condition}` : undefined, edge.providedAtRuntime ? 'runtime' : undefined].filter(Boolean).join('; ');
    return `${name(edge.dependent.nodeId)} --${edge.kind}--> ${name(edge.provider.nodeId)}: ${edge.reason} (${where(index, edge.dependent)} ← ${where(index, edge.provider)}) [${extra}]`;
  });
  return lines.filter(filter).join('\n');
}

/** `dependent needs what (file:line)` for each unsatisfied need. */
export function listUnsatisfied(graph: DependencyGraph, model: RepositoryModel, index: RepoIndex): string {
  return graph.unsatisfied.map((need) => `${model.nodesById.get(need.dependent.nodeId)?.name ?? need.dependent.nodeId} needs ${need.need} (${where(index, need.dependent)})`).join('\n');
}
