// Rule sync/apply-out-of-sync-only-with-waves: ApplyOutOfSyncOnly on a parent whose waves gate on child health.
import { getPath } from '../../kube/kubeObject';
import { locateField } from '../../kube/locateObject';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import { laterWorkIn, parentsWithChildren, syncItems } from './support/parentSync';

/** A parent with `ApplyOutOfSyncOnly=true` whose sync waits on child health between waves. */
export const applyOutOfSyncOnlyWithWaves = defineCheck(
  {
    id: 'sync/apply-out-of-sync-only-with-waves',
    defaultSeverity: 'warning',
    summary: 'ApplyOutOfSyncOnly=true on a parent whose waves wait for child health: synced children are skipped, and a whole wave with its health gate can vanish.',
  },
  (context) => {
    const { index, model } = context;
    const problems: Problem[] = [];
    for (const parent of parentsWithChildren(model)) {
      if (parent.application?.syncPolicy.syncOptions.get('ApplyOutOfSyncOnly') !== 'true') continue;
      const items = syncItems(model, parent);
      const hasLaterWork = laterWorkIn(items);
      const gates = items.filter((item) => item.child?.ordering.gating === 'health' && hasLaterWork(item));
      if (gates.length === 0) continue;
      const waves = [...new Set(items.filter((item) => item.child !== undefined).map((item) => item.wave))].sort((a, b) => a - b);
      const rawOptions = getPath(parent.object.body, ['spec', 'syncPolicy', 'syncOptions']);
      const position = Array.isArray(rawOptions) ? rawOptions.indexOf('ApplyOutOfSyncOnly=true') : -1;
      problems.push(
        problem(
          applyOutOfSyncOnlyWithWaves,
          `${parent.name} has ApplyOutOfSyncOnly=true and orders its children in waves ${waves.join(', ')}, waiting for ${gates.map((item) => item.child?.name ?? '').join(', ')} to be Healthy before later waves. Argo CD applies only the children that are out of sync: a wave whose children are all synced is skipped, and with it the wait for their health, so a later wave can start while an earlier child is still Progressing or Degraded (argo-cd #5859).`,
          locateField(index, parent.origin, position >= 0 ? ['spec', 'syncPolicy', 'syncOptions', position] : ['spec', 'syncPolicy', 'syncOptions'], position >= 0 ? 'value' : 'key'),
        ),
      );
    }
    return problems;
  },
);
