// Code lenses as plain data: above each Application and ApplicationSet, its wave, what it waits for and how many wait for it.
import type { Analysis } from '../analyze';
import type { Span } from '../text/span';
import { lookupOf } from './analysisLookup';

/** One lens: where it sits, its title, and the node the command reveals. */
export interface CodeLensData {
  /** The start of the object (the host shows the lens above its line). */
  readonly span: Span;
  readonly title: string;
  readonly nodeId: string;
}

/** Longest list of providers named in a lens title; the rest is counted. */
const MAX_NAMES = 3;

/** The lenses of a file: one per Application or ApplicationSet declared in it (generated ones have none). */
export function codeLenses(analysis: Analysis, file: string): CodeLensData[] {
  const lookup = lookupOf(analysis);
  const lenses: CodeLensData[] = [];
  for (const located of lookup.objectsIn(file)) {
    const node = located.node;
    if (!node) continue;
    const waitsFor = lookup.dependencies().waitsFor.get(node.id) ?? [];
    const neededBy = new Set((lookup.dependencies().neededBy.get(node.id) ?? []).map((entry) => entry.id));
    const parts = [`wave ${node.wave.wave}${node.ordering.gating === 'unordered' ? ' (orders nothing)' : ''}`];
    const providers = [...new Set(waitsFor.map((entry) => entry.name))];
    if (providers.length > 0) {
      const shown = providers.slice(0, MAX_NAMES).join(', ');
      parts.push(`waits for ${shown}${providers.length > MAX_NAMES ? ` +${providers.length - MAX_NAMES}` : ''}`);
    }
    parts.push(neededBy.size === 1 ? '1 app waits for it' : `${neededBy.size} apps wait for it`);
    if (node.kind === 'ApplicationSet') parts.push(`generates ${node.childIds.length}`);
    lenses.push({ span: { start: located.span.start, end: located.span.start }, title: parts.join(' · '), nodeId: node.id });
  }
  return lenses;
}
