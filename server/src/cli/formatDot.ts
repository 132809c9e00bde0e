// Graphviz DOT rendering of the graph view for `graph --format dot`.
import type { GraphNodeView, GraphView } from '../analysis/views/graphView';
import { creationLinks, drawnEdges, nodeLabelLines, shortIds } from './graphDrawing';

/**
 * A left-to-right digraph: dotted grey edges from each Application to what its sync creates, with
 * `minlen` ranking children by wave; each ApplicationSet in a `cluster_` with the Applications it
 * generates; solid edges from provider to dependent, red when the provider is not before (same wave
 * or later), orange and dashed when nothing orders it.
 */
export function formatDot(view: GraphView): string {
  const ids = shortIds(view);
  const id = (nodeId: string): string => ids.get(nodeId) ?? 'unknown';
  const lines = [
    'digraph gitops_waves {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const grouped = new Set<string>();
  view.sets.forEach((set, index) => {
    const setNode = view.nodes.find((node) => node.id === set.id);
    if (!setNode) return;
    lines.push(`  subgraph cluster_${index} {`, `    label=${quoteDot(`ApplicationSet ${setNode.name}`)};`, '    style=dashed;');
    for (const memberId of [set.id, ...set.members]) {
      const member = view.nodes.find((node) => node.id === memberId);
      if (!member || grouped.has(memberId)) continue;
      grouped.add(memberId);
      lines.push(`    ${nodeStatement(id(memberId), member)}`);
    }
    lines.push('  }');
  });
  for (const node of view.nodes) if (!grouped.has(node.id)) lines.push(`  ${nodeStatement(id(node.id), node)}`);
  for (const link of creationLinks(view)) {
    const label = link.wave === undefined ? '' : `, label=${quoteDot(`wave ${link.wave}`)}`;
    lines.push(`  ${id(link.from)} -> ${id(link.to)} [style=dotted, color=gray50, arrowhead=open, minlen=${link.length}${label}];`);
  }
  for (const edge of drawnEdges(view)) {
    const style = edge.violation ? ', color="#d73a49", fontcolor="#d73a49", penwidth=2' : edge.ordering === 'unordered' ? ', color="#e36209", fontcolor="#e36209", style=dashed' : '';
    lines.push(`  ${id(edge.provider)} -> ${id(edge.dependent)} [label=${quoteDot(edge.label)}${style}];`);
  }
  lines.push('}');
  return lines.join('\n');
}

/** `n3 [label="name\nwave 1"]`, a hexagon for an ApplicationSet. */
function nodeStatement(shortId: string, node: GraphNodeView): string {
  const shape = node.kind === 'ApplicationSet' ? ', shape=hexagon' : '';
  return `${shortId} [label=${quoteDot(nodeLabelLines(node).join('\n'))}${shape}];`;
}

/**
 * A DOT quoted string: backslashes and quotes escaped, line breaks as `\n`, and `&`, `<`, `>` as
 * entities (Graphviz reads entities in labels, so a literal `&lt;` in a name must not become `<`).
 */
export function quoteDot(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r?\n|\r/g, '\\n');
  return `"${escaped}"`;
}
