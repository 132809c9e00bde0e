// Rule sync/missing-application-health-check: wave-ordered child Applications, but no Application health check anywhere.
import { addApplicationHealthCheckFix } from '../../fixes/yamlEdits';
import type { Fix } from '../../fixes/types';
import { locateField } from '../../kube/locateObject';
import { SYNC_WAVE_ANNOTATION } from '../../model/syncWave';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import { hasLaterWork, parentsWithChildren, syncItems } from './support/parentSync';

/** A parent orders child Applications by waves while the repository configures no Application health check. */
export const missingApplicationHealthCheck = defineCheck(
  {
    id: 'sync/missing-application-health-check',
    defaultSeverity: 'warning',
    summary: 'Child Applications are ordered by sync waves, but no Application health check is configured, so no wave waits for them.',
  },
  (context) => {
    const { index, model } = context;
    if (model.healthCustomizations.length > 0) return [];
    const fixes: Fix[] = [];
    for (const location of model.argoConfigLocations) {
      const fix = addApplicationHealthCheckFix(index, location);
      if (fix) fixes.push(fixes.length === 0 ? fix : { ...fix, preferred: false });
    }
    const where =
      model.argoConfigLocations.length > 0
        ? `Add Argo CD's documented Lua as resource.customizations.health.argoproj.io_Application in ${[...new Set(model.argoConfigLocations.map((location) => location.file))].join(', ')}.`
        : 'This repository does not configure Argo CD itself: add the documented Lua as resource.customizations.health.argoproj.io_Application to the argocd-cm ConfigMap (or to configs.cm of the argo-cd Helm chart values).';
    const problems: Problem[] = [];
    for (const parent of parentsWithChildren(model)) {
      const items = syncItems(model, parent).filter((item) => item.child !== undefined);
      const ungated = items.filter((item) => item.child?.kind === 'Application' && item.child.ordering.gating === 'none' && hasLaterWork(items, item));
      if (ungated.length === 0) continue;
      const waves = [...new Set(items.map((item) => item.wave))].sort((a, b) => a - b);
      const found = problem(
        missingApplicationHealthCheck,
        `${parent.name} creates child Applications in waves ${waves.join(', ')}, but no Application health check is configured: since Argo CD 1.8 a child Application counts as done once created, so later waves do not wait for ${ungated.map((item) => item.child?.name ?? '').join(', ')} to be Healthy. ${where}`,
        locateField(index, parent.origin, ['metadata', 'name']),
        ungated.map((item) => ({
          message: `${item.child?.name ?? ''} (wave ${item.wave}) is not waited for`,
          location: locateField(index, item.object.origin, ['metadata', 'annotations', SYNC_WAVE_ANNOTATION]),
        })),
      );
      problems.push(fixes.length > 0 ? { ...found, fixes } : found);
    }
    return problems;
  },
);
