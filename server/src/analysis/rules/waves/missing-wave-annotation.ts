// Rule waves/missing-wave-annotation: an Application or ApplicationSet without a sync-wave among siblings that carry waves.
import { locateField } from '../../kube/locateObject';
import { NodesWhere } from '../../model/nodePositions';
import type { AppNode, RepositoryModel } from '../../model/types';
import { SYNC_WAVE_ANNOTATION } from '../../model/syncWave';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import { setWaveEdits } from '../deps/support/waveFixes';
import { siblingLinks, waveAfterProviders } from '../deps/support/wavePlacement';

const MAX_NAMES = 4;

/**
 * A child of a parent's sync with no wave of its own (no sync-wave, no hook weight) while some
 * sibling carries a non-zero wave: it runs at wave 0, which is often an accident. Info: wave 0 is
 * a legitimate choice, and a real ordering problem is the waves/dependency-* rules' finding.
 */
export const missingWaveAnnotation = defineCheck(
  {
    id: 'waves/missing-wave-annotation',
    defaultSeverity: 'info',
    summary: "An Application or ApplicationSet without a sync-wave annotation among siblings that carry waves: it runs at wave 0.",
  },
  (context) => {
    const { index, model, graph } = context;
    const problems: Problem[] = [];
    for (const node of childrenWithoutWaves.of(model.nodes)) {
      const parentId = node.ordering.parentId;
      const parent = parentId === undefined ? undefined : model.nodesById.get(parentId);
      if (!parent || parent.kind !== 'Application') continue;
      const siblings = orderedChildren(model, parent).filter((sibling) => sibling.id !== node.id);
      const waved = siblings.filter((sibling) => sibling.wave.source === 'sync-wave' && sibling.wave.wave !== 0);
      if (waved.length === 0) continue;
      const sameWave = siblings.filter((sibling) => sibling.wave.wave === 0).map((sibling) => sibling.name);
      const waves = [...new Set(siblings.filter((sibling) => sibling.wave.source === 'sync-wave').map((sibling) => sibling.wave.wave))].sort((a, b) => a - b);
      const company = sameWave.length > 0 ? `, together with ${sameWave.slice(0, MAX_NAMES).join(', ')}${sameWave.length > MAX_NAMES ? ` and ${sameWave.length - MAX_NAMES} more` : ''}` : '';
      const message = `${node.kind} ${node.name} has no sync-wave annotation while its siblings in ${parent.name}'s sync carry waves (${waves.join(', ')}): it runs at wave 0${company}. If that is intended, say so with argocd.argoproj.io/sync-wave: "0".`;
      const found = problem(missingWaveAnnotation, message, locateField(index, node.origin, ['metadata', 'name']));
      const links = siblingLinks(model, graph, parent, node);
      const wave = Math.max(0, waveAfterProviders(links) ?? 0);
      const edits = setWaveEdits(index, node, wave);
      const providers = links.providers.map((provider) => provider.name);
      const title = `Add sync-wave "${wave}" to ${node.name}${providers.length > 0 ? ` (after ${providers.slice(0, MAX_NAMES).join(', ')})` : ''}`;
      problems.push(edits ? { ...found, fixes: [{ title, edits, preferred: true }] } : found);
    }
    return problems;
  },
);

/** The nodes a parent orders that have no wave of their own, followed from one model to the next by place. */
const childrenWithoutWaves = new NodesWhere((node) => node.ordering.parentId !== undefined && node.ordering.gating !== 'unordered' && !hasOwnWave(node));

/** True when the object sets its wave itself: a sync-wave annotation (even an invalid one) or a Helm hook weight. */
function hasOwnWave(node: AppNode): boolean {
  return node.object.annotations[SYNC_WAVE_ANNOTATION] !== undefined || node.object.nonStringAnnotationKeys.includes(SYNC_WAVE_ANNOTATION) || node.wave.source !== 'default';
}

/** The Applications and ApplicationSets the parent's sync applies (its children it orders). */
function orderedChildren(model: RepositoryModel, parent: AppNode): AppNode[] {
  return parent.childIds.map((id) => model.nodesById.get(id)).filter((child): child is AppNode => child !== undefined && child.ordering.parentId === parent.id);
}
