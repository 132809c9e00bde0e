// Serializes the drawn graph as a standalone SVG file: theme colours frozen, the pan/zoom undone, the whole graph in view.
import { frozenPaletteRule, SVG_RULES } from './svgStyles';
import { svgElement } from './render';

/**
 * A standalone SVG document of `graphGroup` (a `<g>` drawn by `drawGraph`), `width` × `height`
 * graph units. `resolve` reads a --gw-* variable's current value. Names were put in as text, and
 * XMLSerializer escapes text, so the file holds no markup from the repository.
 */
export function exportSvg(graphGroup: SVGGElement, defs: SVGDefsElement, width: number, height: number, resolve: (name: string) => string): string {
  const svg = svgElement('svg', { xmlns: 'http://www.w3.org/2000/svg', class: 'wave-graph', width, height, viewBox: `0 0 ${width} ${height}` });
  const style = svgElement('style');
  style.textContent = `${frozenPaletteRule(resolve)}\n${SVG_RULES}`;
  const background = svgElement('rect', { class: 'background', width, height });
  const copy = graphGroup.cloneNode(true) as SVGGElement;
  copy.removeAttribute('transform');
  for (const revealed of copy.querySelectorAll('.revealed')) revealed.classList.remove('revealed');
  svg.append(style, defs.cloneNode(true), background, copy);
  return new XMLSerializer().serializeToString(svg);
}
