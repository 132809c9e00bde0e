// Draws a laid-out wave graph as SVG with DOM calls only: every name from the repository goes in through textContent, never as markup.
import type { GraphNode } from '../../server/src/lsp/protocol';
import { detailText, gatingWords, type LaidOutGraph, type LaidOutNode } from './layout';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes (values are set as attributes, never parsed as markup). */
export function svgElement<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function text(content: string, attributes: Record<string, string | number>): SVGTextElement {
  const element = svgElement('text', attributes);
  element.textContent = content;
  return element;
}

function title(content: string): SVGTitleElement {
  const element = svgElement('title');
  element.textContent = content;
  return element;
}

/** The tooltip of a node: name, kind, wave and why it gates (or not), its worst finding. */
function nodeTooltip(node: GraphNode): string {
  const lines = [`${node.kind} ${node.name}`, `wave ${node.wave} (${node.waveSource}), ${gatingWords(node)}`, node.explanation];
  if (node.worstFinding) lines.push(`${node.worstFinding.severity}: ${node.worstFinding.message} (${node.worstFinding.ruleId})`);
  return lines.join('\n');
}

function drawNode(laidOut: LaidOutNode, violating: ReadonlySet<string>): SVGGElement {
  const { node } = laidOut;
  const classes = ['node', node.kind === 'ApplicationSet' ? 'set' : 'app', `gating-${node.gating}`];
  if (node.worstFinding) classes.push(`severity-${node.worstFinding.severity}`);
  if (violating.has(node.id)) classes.push('in-violation');
  const group = svgElement('g', {
    class: classes.join(' '),
    transform: `translate(${laidOut.x} ${laidOut.y})`,
    tabindex: 0,
    role: 'button',
    'data-node-id': node.id,
  });
  group.setAttribute('aria-label', `${node.kind} ${node.name}, wave ${node.wave}`);
  group.append(
    title(nodeTooltip(node)),
    svgElement('rect', { class: 'box', width: laidOut.width, height: laidOut.height, rx: node.kind === 'ApplicationSet' ? 12 : 4 }),
    text(laidOut.drawnName, { class: 'name', x: 10, y: 18 }),
    text(detailText(node), { class: 'detail', x: 10, y: 35 }),
  );
  if (node.worstFinding) {
    group.append(svgElement('circle', { class: `badge severity-${node.worstFinding.severity}`, cx: laidOut.width - 10, cy: 10, r: 5 }));
  }
  return group;
}

/** Draws the graph into a fresh `<g>`: column headers, set boxes, edges (violations distinct, with their reason as tooltip), nodes. */
export function drawGraph(graph: LaidOutGraph): SVGGElement {
  const root = svgElement('g', { class: 'graph' });
  const columns = svgElement('g', { class: 'columns' });
  for (const column of graph.columns) {
    const group = svgElement('g', { class: `column${column.nonGating ? ' non-gating' : ''}` });
    group.append(
      svgElement('rect', { class: 'column-band', x: column.x - 10, y: 8, width: column.width + 20, height: graph.height - 8 }),
      text(column.label, { class: 'column-label', x: column.x, y: 28 }),
    );
    if (column.nonGating) {
      group.append(text('does not wait for health', { class: 'column-note', x: column.x, y: 42 }));
      group.append(title(`${column.label}: something here is ordered by its wave but does not wait for the previous wave to be healthy (an ApplicationSet counts as ready once generated; an Application without a health check, once applied).`));
    }
    columns.append(group);
  }
  const sets = svgElement('g', { class: 'sets' });
  for (const set of graph.sets) {
    const box = svgElement('g', { class: 'set-group', 'data-set-id': set.id });
    box.append(svgElement('rect', { x: set.x, y: set.y, width: set.width, height: set.height, rx: 8 }), title(`ApplicationSet ${set.name} and the Applications it generates`));
    sets.append(box);
  }
  const violating = new Set<string>();
  const edges = svgElement('g', { class: 'edges' });
  const ordered = [...graph.edges].sort((left, right) => Number(left.edge.violation) - Number(right.edge.violation));
  for (const { edge, index, path } of ordered) {
    if (edge.violation) violating.add(edge.dependent).add(edge.provider);
    const classes = ['edge', `ordering-${edge.ordering}`, `kind-${edge.kind}`];
    if (edge.violation) classes.push('violation');
    if (edge.satisfiedBy !== null) classes.push('satisfied-elsewhere');
    const group = svgElement('g', { class: classes.join(' '), 'data-edge-index': index, 'data-dependent': edge.dependent, 'data-provider': edge.provider });
    const reason = [`${edge.reason}${edge.condition ? ` (if ${edge.condition})` : ''}`, edge.explanation];
    if (edge.violation) reason.unshift('Conflict: the waves do not order this dependency');
    group.append(
      title(reason.join('\n')),
      svgElement('path', { class: 'hit', d: path }),
      svgElement('path', { class: 'line', d: path, 'marker-end': `url(#arrow-${edge.violation ? 'violation' : 'normal'})` }),
    );
    edges.append(group);
  }
  const nodes = svgElement('g', { class: 'nodes' });
  for (const node of graph.nodes) nodes.append(drawNode(node, violating));
  root.append(columns, sets, edges, nodes);
  return root;
}

/** The arrow heads the edges use. */
export function arrowMarkers(): SVGDefsElement {
  const defs = svgElement('defs');
  for (const kind of ['normal', 'violation']) {
    const marker = svgElement('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
    marker.append(svgElement('path', { class: `arrow arrow-${kind}`, d: 'M 0 0 L 10 5 L 0 10 z' }));
    defs.append(marker);
  }
  return defs;
}
