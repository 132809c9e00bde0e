// Where a child of a sync may move so that its dependencies hold: the smallest wave after its providers, the latest before its dependents.
import type { DependencyGraph } from '../../../dependencies/types';
import type { AppNode, RepositoryModel } from '../../../model/types';
import { crossApplicationNeeds } from './crossNeeds';
import type { NeedGroup } from './needGroups';
import { ancestorInSync } from './syncAncestors';

/** The children of one sync that `child` needs (providers) or that need it (dependents), through any edge below them. */
export interface SiblingLinks {
  readonly providers: readonly AppNode[];
  readonly dependents: readonly AppNode[];
}

/**
 * The siblings of `child` in `sync` that it needs and that need it (each once, in edge order). The
 * links of all of `sync`'s children are worked out in one pass over the deciding edges, once per model
 * and list of needs (a wave edit remakes the fixes of every problem of a sync: one pass, not one per fix).
 */
export function siblingLinks(model: RepositoryModel, graph: DependencyGraph, sync: AppNode, child: AppNode): SiblingLinks {
  return linksOfSync(model, graph, sync.id).get(child.id) ?? NO_LINKS;
}

const NO_LINKS: SiblingLinks = { providers: [], dependents: [] };

/** Per model: the list of needs the links were worked out from, and the links of each sync asked about. */
const linksByModel = new WeakMap<RepositoryModel, { readonly needs: readonly NeedGroup[]; readonly bySync: Map<string, ReadonlyMap<string, SiblingLinks>> }>();

function linksOfSync(model: RepositoryModel, graph: DependencyGraph, syncId: string): ReadonlyMap<string, SiblingLinks> {
  const needs = crossApplicationNeeds(model, graph);
  let known = linksByModel.get(model);
  if (known === undefined || known.needs !== needs) {
    known = { needs, bySync: new Map() };
    linksByModel.set(model, known);
  }
  const kept = known.bySync.get(syncId);
  if (kept !== undefined) return kept;
  const links = childLinks(model, needs, syncId);
  known.bySync.set(syncId, links);
  return links;
}

/** Each child of the sync with the siblings it needs and that need it, from one pass over the deciding edges. */
function childLinks(model: RepositoryModel, needs: readonly NeedGroup[], syncId: string): ReadonlyMap<string, SiblingLinks> {
  const providersOf = new Map<string, Map<string, AppNode>>();
  const dependentsOf = new Map<string, Map<string, AppNode>>();
  for (const group of needs) {
    const edge = group.best.edge;
    const dependentSide = ancestorInSync(model, edge.dependent.nodeId, syncId);
    const providerSide = ancestorInSync(model, edge.provider.nodeId, syncId);
    if (!dependentSide || !providerSide || dependentSide.id === providerSide.id) continue;
    entryOf(providersOf, dependentSide.id).set(providerSide.id, providerSide);
    entryOf(dependentsOf, providerSide.id).set(dependentSide.id, dependentSide);
  }
  const links = new Map<string, SiblingLinks>();
  for (const childId of new Set([...providersOf.keys(), ...dependentsOf.keys()])) {
    links.set(childId, { providers: [...(providersOf.get(childId)?.values() ?? [])], dependents: [...(dependentsOf.get(childId)?.values() ?? [])] });
  }
  return links;
}

function entryOf(map: Map<string, Map<string, AppNode>>, key: string): Map<string, AppNode> {
  let entry = map.get(key);
  if (entry === undefined) map.set(key, (entry = new Map()));
  return entry;
}

/** The smallest wave strictly after every provider sibling of `child` (undefined when it needs none). */
export function waveAfterProviders(links: SiblingLinks): number | undefined {
  return links.providers.length === 0 ? undefined : Math.max(...links.providers.map((node) => node.wave.wave)) + 1;
}

/** The largest wave strictly before every dependent sibling of `child` (undefined when nothing needs it). */
export function waveBeforeDependents(links: SiblingLinks): number | undefined {
  return links.dependents.length === 0 ? undefined : Math.min(...links.dependents.map((node) => node.wave.wave)) - 1;
}
