// Rule waves/wave-orders-nothing: a sync-wave on an Application no sync orders (an ApplicationSet template, a root).
import { removeMapEntry } from '../../fixes/yamlEdits';
import type { KubeObject } from '../../kube/kubeObject';
import { locateField } from '../../kube/locateObject';
import type { AppNode, RepositoryModel } from '../../model/types';
import { SYNC_WAVE_ANNOTATION } from '../../model/syncWave';
import type { RepoIndex } from '../../repoIndex';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import { judgeWaveObjects, writtenAnnotation } from './support/waveObjects';

const MAX_NAMES = 5;
const NONE: readonly Problem[] = [];

/** A sync-wave where no sync reads it: in an ApplicationSet template (copied onto generated Applications) or on a root. */
export const waveOrdersNothing = defineCheck(
  {
    id: 'waves/wave-orders-nothing',
    defaultSeverity: 'warning',
    summary: 'A sync-wave annotation on an Application nothing orders (an ApplicationSet template, a root Application) has no effect.',
  },
  (context) => {
    const { index, model } = context;
    return judgeWaveObjects(model, 'waves/wave-orders-nothing', ({ object, node, role }) => {
      if (!hasWaveAnnotation(object)) return NONE;
      let message: string;
      if (role === 'template') {
        message = `sync-wave ${waveText(object)} in the template of ApplicationSet ${node.name} is copied onto the Applications it generates${generatedNames(model, node)}, but nothing orders them: the ApplicationSet controller ignores sync waves (it creates Applications in name order), and no sync applies generated Applications as resources (argo-cd #17639, #18268). To order generated Applications, use Progressive Syncs (RollingSync).`;
      } else if (role === 'node' && node.ordering.gating === 'unordered' && node.generatedById === undefined) {
        message = `sync-wave ${waveText(object)} on ${node.kind} ${node.name} orders nothing: no Application of this repository creates it (a root), so no sync applies it in waves.`;
      } else {
        return NONE;
      }
      return [withRemoveFix(index, object, problem(waveOrdersNothing, message, waveLocation(index, object)))];
    });
  },
);

function hasWaveAnnotation(object: KubeObject): boolean {
  return object.annotations[SYNC_WAVE_ANNOTATION] !== undefined || object.nonStringAnnotationKeys.includes(SYNC_WAVE_ANNOTATION);
}

function waveText(object: KubeObject): string {
  const text = object.annotations[SYNC_WAVE_ANNOTATION];
  if (text !== undefined) return JSON.stringify(text);
  return String((object.body.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations?.[SYNC_WAVE_ANNOTATION]);
}

function waveLocation(index: RepoIndex, object: KubeObject) {
  return writtenAnnotation(index, object.origin, SYNC_WAVE_ANNOTATION)?.location ?? locateField(index, object.origin, ['metadata', 'annotations', SYNC_WAVE_ANNOTATION]);
}

function generatedNames(model: RepositoryModel, set: AppNode): string {
  const names = set.childIds.map((id) => model.nodesById.get(id)?.name).filter((name): name is string => name !== undefined);
  if (names.length === 0) return '';
  const shown = names.slice(0, MAX_NAMES).join(', ');
  return ` (${shown}${names.length > MAX_NAMES ? ` and ${names.length - MAX_NAMES} more` : ''})`;
}

function withRemoveFix(index: RepoIndex, object: KubeObject, found: Problem): Problem {
  if (!writtenAnnotation(index, object.origin, SYNC_WAVE_ANNOTATION)) return found;
  const edits = removeMapEntry(index, object.origin, ['metadata', 'annotations'], SYNC_WAVE_ANNOTATION);
  return edits ? { ...found, fixes: [{ title: 'Remove the sync-wave annotation', edits, preferred: false }] } : found;
}
