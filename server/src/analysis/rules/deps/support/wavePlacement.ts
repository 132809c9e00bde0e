// Where a child of a sync may move so that its dependencies hold: the smallest wave after its providers, the latest before its dependents.
import type { DependencyEdge, DependencyGraph } from '../../../dependencies/types';
import type { AppNode, RepositoryModel } from '../../../model/types';
import { crossApplicationNeeds } from './crossNeeds';
import { ancestorInSync } from './syncAncestors';

/** The children of one sync that `child` needs (providers) or that need it (dependents), through any edge below them. */
export interface SiblingLinks {
  readonly providers: readonly AppNode[];
  readonly dependents: readonly AppNode[];
}

/**
 * The edges that decide a need: for each need no Application provides itself, the edge of its
 * best-ordered provider (the one the sync should keep or make ready first).
 */
export function decidingEdges(model: RepositoryModel, graph: DependencyGraph): DependencyEdge[] {
  return crossApplicationNeeds(model, graph).map((group) => group.best.edge);
}

/** The siblings of `child` in `sync` that it needs and that need it (each once, in edge order). */
export function siblingLinks(model: RepositoryModel, graph: DependencyGraph, sync: AppNode, child: AppNode): SiblingLinks {
  const providers = new Map<string, AppNode>();
  const dependents = new Map<string, AppNode>();
  for (const edge of decidingEdges(model, graph)) {
    const dependentSide = ancestorInSync(model, edge.dependent.nodeId, sync.id);
    const providerSide = ancestorInSync(model, edge.provider.nodeId, sync.id);
    if (!dependentSide || !providerSide || dependentSide.id === providerSide.id) continue;
    if (dependentSide.id === child.id) providers.set(providerSide.id, providerSide);
    if (providerSide.id === child.id) dependents.set(dependentSide.id, dependentSide);
  }
  return { providers: [...providers.values()], dependents: [...dependents.values()] };
}

/** The smallest wave strictly after every provider sibling of `child` (undefined when it needs none). */
export function waveAfterProviders(links: SiblingLinks): number | undefined {
  return links.providers.length === 0 ? undefined : Math.max(...links.providers.map((node) => node.wave.wave)) + 1;
}

/** The largest wave strictly before every dependent sibling of `child` (undefined when nothing needs it). */
export function waveBeforeDependents(links: SiblingLinks): number | undefined {
  return links.dependents.length === 0 ? undefined : Math.min(...links.dependents.map((node) => node.wave.wave)) - 1;
}
