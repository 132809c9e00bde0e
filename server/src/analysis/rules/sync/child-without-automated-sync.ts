// Rule sync/child-without-automated-sync: a health-gated child Application that never syncs by itself holds its parent's later waves.
import type { Fix } from '../../fixes/types';
import { setMapEntry } from '../../fixes/yamlEdits';
import { getPath, isRecord } from '../../kube/kubeObject';
import { locateField } from '../../kube/locateObject';
import type { AppNode } from '../../model/types';
import type { RepoIndex } from '../../repoIndex';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import { laterWorkIn, parentsWithChildren, syncItems } from './support/parentSync';

/** A child Application whose health gates later waves of its parent, without `syncPolicy.automated`. */
export const childWithoutAutomatedSync = defineCheck(
  {
    id: 'sync/child-without-automated-sync',
    defaultSeverity: 'warning',
    summary: "A child Application gates later waves of its parent's sync on its health but has no automated sync, so that sync waits for it indefinitely.",
  },
  (context) => {
    const { index, model } = context;
    const problems: Problem[] = [];
    for (const parent of parentsWithChildren(model)) {
      const items = syncItems(model, parent);
      const hasLaterWork = laterWorkIn(items);
      for (const item of items) {
        const child = item.child;
        if (!child || child.kind !== 'Application' || child.ordering.gating !== 'health' || !child.application) continue;
        if (child.application.syncPolicy.automated || item.hooks.length > 0 || !hasLaterWork(item)) continue;
        const disabled = isRecord(getPath(child.object.body, ['spec', 'syncPolicy', 'automated']));
        const found = problem(
          childWithoutAutomatedSync,
          `${child.name} (wave ${item.wave} of ${parent.name}) has ${disabled ? 'automated sync disabled (automated.enabled: false)' : 'no syncPolicy.automated'}: creating it does not sync it, so it stays Missing/OutOfSync and ${parent.name}'s sync waits for its health before the next wave indefinitely ("waiting for healthy state of argoproj.io/Application/${child.name}"), until someone syncs it by hand.`,
          // Falls back to `spec` when there is no syncPolicy.
          locateField(index, child.origin, disabled ? ['spec', 'syncPolicy', 'automated'] : ['spec', 'syncPolicy']),
        );
        const fix = automatedSyncFix(index, child, disabled);
        problems.push(fix ? { ...found, fixes: [fix] } : found);
      }
    }
    return problems;
  },
);

/**
 * `automated: {}` (or `enabled: true` when a disabled block exists): the smallest change that makes
 * the child sync itself. Without `prune` it never deletes resources, without `selfHeal` it does not
 * undo manual changes: both stay a deliberate choice.
 */
function automatedSyncFix(index: RepoIndex, child: AppNode, disabled: boolean): Fix | undefined {
  const edits = disabled
    ? setMapEntry(index, child.origin, ['spec', 'syncPolicy', 'automated'], 'enabled', 'true')
    : setMapEntry(index, child.origin, ['spec', 'syncPolicy'], 'automated', '{}');
  if (!edits) return undefined;
  return { title: disabled ? `Enable automated sync of ${child.name}` : `Add syncPolicy.automated: {} to ${child.name}`, edits, preferred: true };
}
