// A compact, readable listing of a model for snapshots: one line per node, indented under its creator.
import type { Analysis } from '../../server/src/analysis/analyze';
import type { AppNode } from '../../server/src/analysis/model/types';

/** Lists the model's nodes depth-first from the roots, with wave, gating and resource count. */
export function listModel(analysis: Analysis, options: { resources?: boolean } = {}): string {
  const { model } = analysis;
  const lines: string[] = [];
  const visit = (node: AppNode, depth: number): void => {
    const parts = [`${'  '.repeat(depth)}${node.kind} ${node.name}`, `wave ${node.wave.wave}`, node.ordering.gating];
    if (node.destinationNamespace) parts.push(`→ ${node.destinationNamespace}`);
    parts.push(`(${node.origin.file})`);
    lines.push(parts.join('  '));
    for (const childId of node.childIds) {
      const child = model.nodesById.get(childId);
      if (child) visit(child, depth + 1);
    }
    if (options.resources) {
      for (const resource of node.resources) lines.push(`${'  '.repeat(depth + 1)}- ${resource.object.kind}/${resource.object.name} wave ${resource.wave.wave}`);
    }
  };
  for (const rootId of model.rootIds) {
    const root = model.nodesById.get(rootId);
    if (root) visit(root, 0);
  }
  for (const orphan of model.orphans) lines.push(`orphan ${orphan.kind} ${orphan.name} (${orphan.origin.file})`);
  return lines.join('\n');
}
