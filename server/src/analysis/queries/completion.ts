// Completion items as plain data: wave values (with the apps in each), Argo CD annotation keys, sync options.
import { SYNC_OPTIONS_ANNOTATION, SYNC_WAVE_ANNOTATION } from '../model/syncWave';
import type { Analysis } from '../analyze';
import type { AppNode } from '../model/types';
import type { Span } from '../text/span';
import { lookupOf, type LocatedObject } from './analysisLookup';
import { ANNOTATION_KEYS, APPLICATION_SYNC_OPTIONS, RESOURCE_SYNC_OPTIONS, type CatalogueEntry } from './completionCatalogue';
import { lineContext, type LineContext } from './lineContext';
import { nodesInSyncOrder } from '../model/syncOrder';

/** One completion: the text inserted over `replace`, and what a person reads about it. */
export interface CompletionData {
  readonly label: string;
  readonly category: 'value' | 'property' | 'enum';
  readonly detail: string;
  readonly documentation: string;
  readonly insertText: string;
  /** The span the insert replaces (the word typed so far). */
  readonly replace: Span;
  /** Keeps the order given here (the host sets a sort text from it). */
  readonly sortIndex: number;
}

/** Apps named in a wave's detail before "+N". */
const MAX_NAMES = 4;

/**
 * The completions at `offset` of `text`, the document as the editor has it now (the analysis may
 * be older: the context is read from the text, the waves in use from the analysis).
 */
export function completionsAt(analysis: Analysis | undefined, file: string, text: string, offset: number): CompletionData[] {
  const context = lineContext(text, offset);
  if (!context) return [];
  const { parents, key, inValue, word } = context;
  const underAnnotations = parents[parents.length - 1] === 'annotations' && parents[parents.length - 2] === 'metadata';
  if (underAnnotations && !inValue) return fixed(ANNOTATION_KEYS, 'property', word, ': ');
  if (underAnnotations && key === SYNC_WAVE_ANNOTATION) return analysis ? waveItems(analysis, file, text, offset, context) : [];
  if (underAnnotations && key === SYNC_OPTIONS_ANNOTATION) return fixed(RESOURCE_SYNC_OPTIONS, 'enum', lastListItem(context), '');
  const inSyncOptions = (parents[parents.length - 1] === 'syncOptions' && context.listItem) || (key === 'syncOptions' && inValue && context.inFlowList);
  if (inSyncOptions) return fixed(APPLICATION_SYNC_OPTIONS, 'enum', context.inFlowList ? lastListItem(context) : word, '');
  return [];
}

function fixed(entries: readonly CatalogueEntry[], category: CompletionData['category'], replace: { span: Span }, suffix: string): CompletionData[] {
  return entries.map((entry, sortIndex) => ({ label: entry.label, category, detail: 'Argo CD', documentation: entry.documentation, insertText: entry.label + suffix, replace: replace.span, sortIndex }));
}

/** The comma-separated item under the cursor (sync-options annotation, flow list). */
function lastListItem(context: LineContext): { span: Span } {
  return context.listWord;
}

/**
 * The waves in use where this object's wave counts: among its siblings in its parent's sync for
 * an Application, among the other resources of its Application for a resource; else the whole
 * repository's app waves. Each with the apps (or objects) in it, lowest first.
 */
function waveItems(analysis: Analysis, file: string, text: string, offset: number, context: LineContext): CompletionData[] {
  const located = objectInDocumentAt(analysis, file, text, offset);
  const byWave = new Map<number, string[]>();
  const add = (wave: number, name: string): void => {
    const names = byWave.get(wave);
    if (names) names.push(name);
    else byWave.set(wave, [name]);
  };
  const siblings = located?.node ? siblingsOf(analysis, located.node) : undefined;
  if (siblings) for (const sibling of siblings) add(sibling.wave.wave, sibling.name);
  else if (located && located.deployedBy.length > 0) for (const resource of (located.deployedBy[0] as { node: AppNode }).node.resources) add(resource.wave.wave, `${resource.object.kind}/${resource.object.name}`);
  else for (const node of nodesInSyncOrder(analysis.model)) add(node.wave.wave, node.name);
  const quoted = context.valueQuote !== undefined;
  return [...byWave.entries()]
    .sort(([a], [b]) => a - b)
    .map(([wave, names], sortIndex) => ({
      label: String(wave),
      category: 'value',
      detail: `${names.slice(0, MAX_NAMES).join(', ')}${names.length > MAX_NAMES ? ` +${names.length - MAX_NAMES}` : ''}`,
      documentation: `Wave ${wave} is used by ${names.length} ${names.length === 1 ? 'object' : 'objects'} here: ${names.join(', ')}.`,
      // Annotation values are strings: an unquoted number is rejected by the API server.
      insertText: quoted ? String(wave) : `"${wave}"`,
      replace: context.word.span,
      sortIndex,
    }));
}

/** The Applications ordered by the same sync as `node` (itself included), or undefined when no sync orders it. */
function siblingsOf(analysis: Analysis, node: AppNode): AppNode[] | undefined {
  const parent = node.ordering.parentId === undefined ? undefined : analysis.model.nodesById.get(node.ordering.parentId);
  if (!parent) return undefined;
  return parent.childIds.map((id) => analysis.model.nodesById.get(id)).filter((child): child is AppNode => child !== undefined);
}

/** The object of the analysis in the same document (by index) as the offset in the current text. */
function objectInDocumentAt(analysis: Analysis, file: string, text: string, offset: number): LocatedObject | undefined {
  const documentIndex = (text.slice(0, offset).match(/^---/gm) ?? []).length - (/^---/.test(text) ? 1 : 0);
  return lookupOf(analysis)
    .objectsIn(file)
    .find((located) => located.document.index === Math.max(0, documentIndex) && located.object.origin.path.length === 0);
}
