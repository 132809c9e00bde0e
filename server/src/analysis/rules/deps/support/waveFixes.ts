// Fixes that move a child of a sync to another wave (its sync-wave annotation), for dependencies its sync applies in the wrong order.
import type { DependencyGraph } from '../../../dependencies/types';
import type { Fix } from '../../../fixes/types';
import { setMapEntry } from '../../../fixes/yamlEdits';
import type { AppNode, RepositoryModel } from '../../../model/types';
import { SYNC_WAVE_ANNOTATION } from '../../../model/syncWave';
import type { RepoIndex } from '../../../repoIndex';
import { writtenAnnotation } from '../../waves/support/waveObjects';
import { ancestorInSync, waitsForHealthDownTo } from './syncAncestors';
import { siblingLinks, waveAfterProviders, waveBeforeDependents } from './wavePlacement';

/**
 * Sets `node`'s sync-wave annotation to `wave` (quoted), adding it when absent. Undefined when the
 * written annotation is not where the object is declared (a Kustomize patch or commonAnnotations
 * sets it: editing the document would not change the wave) or the document cannot be edited.
 */
export function setWaveEdits(index: RepoIndex, node: AppNode, wave: number): Fix['edits'] | undefined {
  const hasWave = node.object.annotations[SYNC_WAVE_ANNOTATION] !== undefined || node.object.nonStringAnnotationKeys.includes(SYNC_WAVE_ANNOTATION);
  if (hasWave && !writtenAnnotation(index, node.origin, SYNC_WAVE_ANNOTATION)) return undefined;
  return setMapEntry(index, node.origin, ['metadata', 'annotations'], SYNC_WAVE_ANNOTATION, `"${wave}"`);
}

/**
 * The two ways to order a provider first in the sync that decides (`syncId`): move the dependent's
 * side after every sibling it needs, or the provider's side before every sibling that needs it. A
 * fix is preferred when it breaks no other dependency of that sync and the move makes the provider
 * Healthy first (an ApplicationSet side only orders generation); the dependent's move wins a tie.
 * Empty when the sync is one of the two nodes itself (their order is a resource's wave inside it).
 */
export function dependencyWaveFixes(index: RepoIndex, model: RepositoryModel, graph: DependencyGraph, syncId: string | undefined, dependentId: string, providerId: string): Fix[] {
  const sync = syncId === undefined ? undefined : model.nodesById.get(syncId);
  if (!sync || sync.kind !== 'Application') return [];
  const dependentSide = ancestorInSync(model, dependentId, sync.id);
  const providerSide = ancestorInSync(model, providerId, sync.id);
  if (!dependentSide || !providerSide || dependentSide.id === providerSide.id) return [];
  const becomesReady = waitsForHealthDownTo(model, providerSide, providerId);
  const fixes: Fix[] = [];

  const dependentLinks = siblingLinks(model, graph, sync, dependentSide);
  const later = waveAfterProviders(dependentLinks) ?? providerSide.wave.wave + 1;
  const laterIsSafe = becomesReady && dependentLinks.dependents.every((node) => node.wave.wave > later);
  const laterEdits = setWaveEdits(index, dependentSide, later);
  if (laterEdits) fixes.push({ title: `Move ${label(dependentSide)} to wave ${later} (after ${providerSide.name})`, edits: laterEdits, preferred: laterIsSafe });

  const providerLinks = siblingLinks(model, graph, sync, providerSide);
  const earlier = waveBeforeDependents(providerLinks) ?? dependentSide.wave.wave - 1;
  const earlierIsSafe = becomesReady && providerLinks.providers.every((node) => node.wave.wave < earlier);
  const earlierEdits = setWaveEdits(index, providerSide, earlier);
  if (earlierEdits) {
    fixes.push({ title: `Move ${label(providerSide)} to wave ${earlier} (before ${dependentSide.name})`, edits: earlierEdits, preferred: earlierIsSafe && !laterIsSafe });
  }
  return fixes;
}

function label(node: AppNode): string {
  return node.kind === 'ApplicationSet' ? `ApplicationSet ${node.name}` : node.name;
}
