// Rule sync/missing-application-health-check: wave-ordered child Applications, but no Application health check anywhere.
import { addApplicationHealthCheckFix } from '../../fixes/yamlEdits';
import type { Fix } from '../../fixes/types';
import { locateField } from '../../kube/locateObject';
import { SYNC_WAVE_ANNOTATION } from '../../model/syncWave';
import type { ArgoConfigLocation } from '../../argo/types';
import type { AppNode, RepositoryModel } from '../../model/types';
import type { RepoIndex } from '../../repoIndex';
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
    const advice = adviceFor(index, model.argoConfigLocations);
    const problems: Problem[] = [];
    for (const parent of parentsWithChildren(model)) {
      // A parent node that is the same object has the same children (a changed child makes its parent new) and files.
      let judged = judgedParents.get(parent);
      if (judged === undefined || judged.advice !== advice) judgedParents.set(parent, (judged = { advice, problem: judgeParent(index, model, parent, advice) }));
      if (judged.problem !== undefined) problems.push(judged.problem);
    }
    return problems;
  },
);

/** Where and how to add the health check: the fixes for the places Argo CD is configured, and the sentence saying so. */
interface Advice {
  readonly fixes: readonly Fix[];
  readonly where: string;
}

/** The advice for a list of configuration places, kept while the list is the same array and its files the same parses. */
function adviceFor(index: RepoIndex, locations: readonly ArgoConfigLocation[]): Advice {
  const kept = adviceByLocations.get(locations);
  if (kept !== undefined && [...kept.parses].every(([file, parse]) => index.parsed(file) === parse)) return kept.advice;
  const fixes: Fix[] = [];
  for (const location of locations) {
    const fix = addApplicationHealthCheckFix(index, location);
    if (fix) fixes.push(fixes.length === 0 ? fix : { ...fix, preferred: false });
  }
  const where =
    locations.length > 0
      ? `Add Argo CD's documented Lua as resource.customizations.health.argoproj.io_Application in ${[...new Set(locations.map((location) => location.file))].join(', ')}.`
      : 'This repository does not configure Argo CD itself: add the documented Lua as resource.customizations.health.argoproj.io_Application to the argocd-cm ConfigMap (or to configs.cm of the argo-cd Helm chart values).';
  const advice = { fixes, where };
  adviceByLocations.set(locations, { advice, parses: new Map(locations.map((location) => [location.file, index.parsed(location.file)])) });
  return advice;
}

const adviceByLocations = new WeakMap<readonly ArgoConfigLocation[], { readonly advice: Advice; readonly parses: ReadonlyMap<string, unknown> }>();

/** Per parent node: its problem (or none) under the advice it was judged with. */
const judgedParents = new WeakMap<AppNode, { readonly advice: Advice; readonly problem: Problem | undefined }>();

/** The problem of a parent whose later waves do not wait for some child Applications, if any. */
function judgeParent(index: RepoIndex, model: RepositoryModel, parent: AppNode, advice: Advice): Problem | undefined {
  const items = syncItems(model, parent).filter((item) => item.child !== undefined);
  const ungated = items.filter((item) => item.child?.kind === 'Application' && item.child.ordering.gating === 'none' && hasLaterWork(items, item));
  if (ungated.length === 0) return undefined;
  const waves = [...new Set(items.map((item) => item.wave))].sort((a, b) => a - b);
  const found = problem(
    missingApplicationHealthCheck,
    `${parent.name} creates child Applications in waves ${waves.join(', ')}, but no Application health check is configured: since Argo CD 1.8 a child Application counts as done once created, so later waves do not wait for ${ungated.map((item) => item.child?.name ?? '').join(', ')} to be Healthy. ${advice.where}`,
    locateField(index, parent.origin, ['metadata', 'name']),
    ungated.map((item) => ({
      message: `${item.child?.name ?? ''} (wave ${item.wave}) is not waited for`,
      location: locateField(index, item.object.origin, ['metadata', 'annotations', SYNC_WAVE_ANNOTATION]),
    })),
  );
  return advice.fixes.length > 0 ? { ...found, fixes: advice.fixes } : found;
}
