// The wave graph webview's script: receives the graph from the extension, lays it out, draws it, and reports clicks and exports back.
import type { FolderGraph } from '../../server/src/lsp/protocol';
import type { HostMessage, WebviewMessage } from '../../client/src/graph/webviewMessages';
import { exportSvg } from './exportSvg';
import { layoutGraph, type LaidOutGraph } from './layout';
import { PanZoom } from './panZoom';
import { arrowMarkers, drawGraph, svgElement } from './render';
import { livePaletteRule, SVG_RULES } from './svgStyles';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
// The nonce of this script also allows our one <style> element (the page's CSP lists it for styles).
const nonce = document.currentScript?.nonce ?? '';

function required<T extends Element>(selector: string): T {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`the page has no ${selector}`);
  return element;
}

const canvas = required<SVGSVGElement>('#canvas');
const notice = required<HTMLElement>('#notice');
const titleLine = required<HTMLElement>('#title');
const summary = required<HTMLElement>('#summary');
const style = svgElement('style');
style.setAttribute('nonce', nonce);
style.textContent = `${livePaletteRule()}\n${SVG_RULES}`;
const defs = arrowMarkers();
const viewport = svgElement('g', { class: 'viewport' });
canvas.append(style, defs, viewport);
const panZoom = new PanZoom(canvas, viewport);

let current: { graph: FolderGraph; laidOut: LaidOutGraph; group: SVGGElement } | undefined;
let hasFitted = false;

function showNotice(text: string | null): void {
  notice.textContent = text ?? '';
  notice.hidden = text === null;
}

function show(folderName: string, graph: FolderGraph | null, noticeText: string | null): void {
  titleLine.textContent = folderName;
  viewport.replaceChildren();
  if (!graph || graph.nodes.length === 0) {
    current = undefined;
    summary.textContent = '';
    showNotice(noticeText ?? 'No Applications or ApplicationSets found in this folder.');
    return;
  }
  showNotice(noticeText);
  const laidOut = layoutGraph(graph);
  const group = drawGraph(laidOut);
  viewport.append(group);
  const applications = graph.nodes.filter((node) => node.kind === 'Application').length;
  const sets = graph.nodes.length - applications;
  summary.textContent = `${applications} Applications, ${sets} ApplicationSets, ${graph.violations.length} ordering conflicts`;
  current = { graph, laidOut, group };
  // Keep the user's pan and zoom across live updates; place only the first graph.
  if (!hasFitted) {
    panZoom.showInitial(laidOut.width, laidOut.height);
    hasFitted = true;
  }
}

function reveal(nodeId: string): void {
  if (!current) return;
  for (const element of current.group.querySelectorAll('.node.revealed')) element.classList.remove('revealed');
  const target = current.laidOut.nodes.find((node) => node.node.id === nodeId);
  if (!target) return;
  const element = [...current.group.querySelectorAll<SVGGElement>('.node')].find((candidate) => candidate.dataset['nodeId'] === nodeId);
  element?.classList.add('revealed');
  panZoom.center(target.x + target.width / 2, target.y + target.height / 2);
}

function sendSvg(requestId: number): void {
  const computed = getComputedStyle(canvas);
  const svg = current ? exportSvg(current.group, defs, current.laidOut.width, current.laidOut.height, (name) => computed.getPropertyValue(name)) : '<svg xmlns="http://www.w3.org/2000/svg"/>';
  vscode.postMessage({ type: 'svg', requestId, svg });
}

/** The extension is trusted, but a message of the wrong shape is still ignored rather than half-applied. */
function isHostMessage(value: unknown): value is HostMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message['type']) {
    case 'graph':
      return typeof message['folderName'] === 'string' && (message['graph'] === null || typeof message['graph'] === 'object');
    case 'reveal':
      return typeof message['nodeId'] === 'string';
    case 'exportSvg':
      return typeof message['requestId'] === 'number';
    default:
      return false;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  if (message.type === 'graph') show(message.folderName, message.graph, message.notice);
  else if (message.type === 'reveal') reveal(message.nodeId);
  else sendSvg(message.requestId);
});

function activate(target: EventTarget | null): void {
  const element = target instanceof Element ? target : null;
  const node = element?.closest<SVGGElement>('.node');
  const nodeId = node?.dataset['nodeId'];
  if (nodeId !== undefined) return vscode.postMessage({ type: 'openNode', nodeId });
  const edge = element?.closest<SVGGElement>('.edge')?.dataset['edgeIndex'];
  if (edge !== undefined) vscode.postMessage({ type: 'openEdge', edge: Number(edge) });
}

canvas.addEventListener('click', (event) => activate(event.target));
canvas.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    activate(event.target);
  }
});
document.addEventListener('keydown', (event) => {
  if (event.target instanceof HTMLButtonElement) return;
  if (event.key === '+' || event.key === '=') panZoom.zoomBy(1.2);
  else if (event.key === '-') panZoom.zoomBy(1 / 1.2);
  else if (event.key === '0' && current) panZoom.fit(current.laidOut.width, current.laidOut.height);
});
required<HTMLButtonElement>('#zoom-in').addEventListener('click', () => panZoom.zoomBy(1.2));
required<HTMLButtonElement>('#zoom-out').addEventListener('click', () => panZoom.zoomBy(1 / 1.2));
required<HTMLButtonElement>('#fit').addEventListener('click', () => current && panZoom.fit(current.laidOut.width, current.laidOut.height));
required<HTMLButtonElement>('#export').addEventListener('click', () => sendSvg(-1));

vscode.postMessage({ type: 'ready' });
