// Mermaid flowchart of the graph view for `graph --format mermaid` (renders in GitHub Markdown).
import type { GraphNodeView, GraphView } from '../analysis/views/graphView';
import { creationLinks, drawnEdges, nodeLabelLines, shortIds } from './graphDrawing';

/**
 * A left-to-right flowchart: dotted links from each Application to what its sync creates (longer
 * links for later waves), each ApplicationSet in a subgraph with the Applications it generates, and
 * solid links from provider to dependent, red when the provider is not before (same wave or later),
 * orange when nothing orders it.
 */
export function formatMermaid(view: GraphView): string {
  const ids = shortIds(view);
  const id = (nodeId: string): string => ids.get(nodeId) ?? 'unknown';
  const lines = ['flowchart LR', '  %% dotted: creates (longer = later wave); solid: provider --> dependent; red: not before; orange: unordered'];
  const grouped = new Set<string>();
  view.sets.forEach((set, index) => {
    const setNode = view.nodes.find((node) => node.id === set.id);
    if (!setNode) return;
    lines.push(`  subgraph s${index}["${escapeMermaid(`ApplicationSet ${setNode.name}`)}"]`);
    for (const memberId of [set.id, ...set.members]) {
      const member = view.nodes.find((node) => node.id === memberId);
      if (!member || grouped.has(memberId)) continue;
      grouped.add(memberId);
      lines.push(`    ${nodeDeclaration(id(memberId), member)}`);
    }
    lines.push('  end');
  });
  for (const node of view.nodes) if (!grouped.has(node.id)) lines.push(`  ${nodeDeclaration(id(node.id), node)}`);
  let linkIndex = 0;
  for (const link of creationLinks(view)) {
    lines.push(`  ${id(link.from)} -${'.'.repeat(link.length)}-> ${id(link.to)}`);
    linkIndex++;
  }
  const violations: number[] = [];
  const unordered: number[] = [];
  for (const edge of drawnEdges(view)) {
    lines.push(`  ${id(edge.provider)} -->|"${escapeMermaid(edge.label)}"| ${id(edge.dependent)}`);
    if (edge.violation) violations.push(linkIndex);
    else if (edge.ordering === 'unordered') unordered.push(linkIndex);
    linkIndex++;
  }
  if (violations.length > 0) lines.push(`  linkStyle ${violations.join(',')} stroke:#d73a49,stroke-width:2px`);
  if (unordered.length > 0) lines.push(`  linkStyle ${unordered.join(',')} stroke:#e36209`);
  return lines.join('\n');
}

/** `n3["name<br/>wave 1"]`, or a hexagon for an ApplicationSet. */
function nodeDeclaration(shortId: string, node: GraphNodeView): string {
  const label = nodeLabelLines(node).map(escapeMermaid).join('<br/>');
  return node.kind === 'ApplicationSet' ? `${shortId}{{"${label}"}}` : `${shortId}["${label}"]`;
}

/**
 * Text inside a quoted Mermaid label: characters Mermaid would read as syntax or HTML become its
 * `#code;` entities (quotes, brackets, braces, pipes, `<`, `>`, `&`, `#`); line breaks become spaces.
 */
export function escapeMermaid(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[#"<>&[\]{}|]/g, (character) => `#${character.charCodeAt(0)};`);
}
