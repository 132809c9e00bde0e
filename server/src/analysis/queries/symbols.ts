// Symbols as plain data: the documents of a file (multi-document YAML), and the workspace's Applications and ApplicationSets.
import type { Analysis } from '../analyze';
import { objectFromDocument } from '../kube/kubeObject';
import { locateField } from '../kube/locateObject';
import type { SourceLocation, Span } from '../text/span';
import { locate } from '../yaml/yamlDocument';
import { nodesInSyncOrder } from '../model/syncOrder';

/** What a symbol stands for (the host maps it to its symbol kinds). */
export type SymbolCategory = 'application' | 'applicationSet' | 'object' | 'document';

/** One document of a file as a symbol. */
export interface DocumentSymbolData {
  /** `Kind name` for a Kubernetes object, else `document N` (1-based). */
  readonly name: string;
  /** E.g. the wave of an Application, the namespace of an object. */
  readonly detail: string;
  readonly category: SymbolCategory;
  /** The whole document. */
  readonly span: Span;
  /** Its `metadata.name` value, or the document's start. */
  readonly selectionSpan: Span;
}

/** The symbols of a file: one per document (empty documents left out). */
export function documentSymbols(analysis: Analysis, file: string): DocumentSymbolData[] {
  const parsed = analysis.index.parsed(file);
  if (!parsed) return [];
  const waveOf = new Map(nodesInSyncOrder(analysis.model).filter((node) => node.origin.file === file && node.origin.path.length === 0 && node.generatedById === undefined).map((node) => [node.origin.documentIndex, node]));
  const symbols: DocumentSymbolData[] = [];
  for (const document of parsed.documents) {
    if (document.value === null || document.value === undefined) continue;
    const object = objectFromDocument(document);
    const nameSpan = locate(document, ['metadata', 'name'])?.value;
    const selectionSpan = nameSpan && nameSpan.start >= document.span.start && nameSpan.end <= document.span.end ? nameSpan : { start: document.span.start, end: document.span.start };
    if (!object) {
      symbols.push({ name: `document ${document.index + 1}`, detail: '', category: 'document', span: document.span, selectionSpan });
      continue;
    }
    const node = waveOf.get(document.index);
    const category: SymbolCategory = node?.kind === 'Application' ? 'application' : node?.kind === 'ApplicationSet' ? 'applicationSet' : 'object';
    const detail = node ? `wave ${node.wave.wave}` : (object.namespace ?? '');
    symbols.push({ name: `${object.kind} ${object.name === '' ? '(no name)' : object.name}`, detail, category, span: document.span, selectionSpan });
  }
  return symbols;
}

/** An Application or ApplicationSet as a workspace symbol. */
export interface WorkspaceSymbolData {
  readonly name: string;
  readonly category: 'application' | 'applicationSet';
  /** The ApplicationSet that generates it, or the Application that creates it; `''` for a root. */
  readonly container: string;
  /** Its `metadata.name` (a generated Application's: its set's template). */
  readonly location: SourceLocation;
}

/**
 * The Applications and ApplicationSets whose name contains the query's characters in order
 * (case-insensitive), as editors filter symbols; all of them for an empty query.
 */
export function workspaceSymbols(analysis: Analysis, query: string): WorkspaceSymbolData[] {
  const { model, index } = analysis;
  const wanted = query.toLowerCase();
  const symbols: WorkspaceSymbolData[] = [];
  for (const node of nodesInSyncOrder(model)) {
    if (!matchesInOrder(node.name.toLowerCase(), wanted)) continue;
    const containerId = node.generatedById ?? node.ordering.parentId;
    const container = containerId === undefined ? '' : (model.nodesById.get(containerId)?.name ?? '');
    symbols.push({
      name: node.name,
      category: node.kind === 'Application' ? 'application' : 'applicationSet',
      container,
      location: locateField(index, node.origin, ['metadata', 'name'], 'value'),
    });
  }
  return symbols;
}

function matchesInOrder(name: string, query: string): boolean {
  let position = 0;
  for (const character of query) {
    position = name.indexOf(character, position);
    if (position < 0) return false;
    position++;
  }
  return true;
}
