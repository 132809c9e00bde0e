// Rule sync/missing-application-health-check: wave-ordered child Applications, but no Application health check anywhere.
import { addApplicationHealthCheckFix } from '../../fixes/yamlEdits';
import type { Fix } from '../../fixes/types';
import { locateField } from '../../kube/locateObject';
import { SYNC_WAVE_ANNOTATION } from '../../model/syncWave';
import type { ArgoConfigLocation } from '../../argo/types';
import type { AppNode, RepositoryModel } from '../../model/types';
import type { RepoIndex } from '../../repoIndex';
import { defineCheck } from '../check';
import { sameList } from '../../incremental/indexReads';
import { problem, type Problem } from '../rule';
import { laterWorkIn, parentsWithChildren, syncItems, type SyncItem } from './support/parentSync';
import type { KubeObject } from '../../kube/kubeObject';

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
      if (judged === undefined || judged.advice !== advice) judgedParents.set(parent, (judged = judgeParent(index, model, parent, advice)));
      // The same node: the same children, located in the same files (the judgement holds here too).
      else judged.serial = Math.max(judged.serial, index.serial);
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

/** Per parent node: its judgement (the problem or none, under the advice it was judged with). */
const judgedParents = new WeakMap<AppNode, ParentJudgement>();

/** A parent's judgement: the problem, and the children it names (with what the problem says of each). */
interface ParentJudgement {
  readonly problem: Problem | undefined;
  /** The index the judgement was made or last confirmed in. */
  serial: number;
  readonly advice: Advice;
  readonly waves: readonly number[];
  readonly ungated: readonly SyncItem[];
}

/**
 * The last judgement per parent manifest. A parent with many children is a new node whenever one child
 * changes, but its problem is the same while it names the same children in the same waves and no file
 * they are located in changed: then the same problem object is returned (its related places are not
 * located again, and the finding made of it is reused as it is).
 */
const judgementsByParentObject = new WeakMap<KubeObject, ParentJudgement>();

/** The problem of a parent whose later waves do not wait for some child Applications, if any. */
function judgeParent(index: RepoIndex, model: RepositoryModel, parent: AppNode, advice: Advice): ParentJudgement {
  const items = syncItems(model, parent).filter((item) => item.child !== undefined);
  const hasLaterWork = laterWorkIn(items);
  const ungated = items.filter((item) => item.child?.kind === 'Application' && item.child.ordering.gating === 'none' && hasLaterWork(item));
  const waves = ungated.length === 0 ? [] : [...new Set(items.map((item) => item.wave))].sort((a, b) => a - b);
  const previous = judgementsByParentObject.get(parent.object);
  if (previous !== undefined && previous.advice === advice && sameList(previous.waves, waves) && sameChildren(previous.ungated, ungated)) {
    if (previous.serial === index.serial || locatedAlike(index, previous.serial, parent, ungated)) {
      previous.serial = index.serial;
      return previous;
    }
  }
  const judgement: ParentJudgement = { problem: ungated.length === 0 ? undefined : parentProblem(index, parent, advice, ungated, waves), serial: index.serial, advice, waves, ungated };
  judgementsByParentObject.set(parent.object, judgement);
  return judgement;
}

function parentProblem(index: RepoIndex, parent: AppNode, advice: Advice, ungated: readonly SyncItem[], waves: readonly number[]): Problem {
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

/** True when the children are the same manifests, with the same names and waves (all the problem says of them). */
function sameChildren(before: readonly SyncItem[], after: readonly SyncItem[]): boolean {
  if (before.length !== after.length) return false;
  for (let position = 0; position < after.length; position++) {
    const was = before[position] as SyncItem;
    const is = after[position] as SyncItem;
    if (was.object !== is.object || was.wave !== is.wave || was.child?.name !== is.child?.name) return false;
  }
  return true;
}

/**
 * True when `index` directly follows the one whose serial is given, with the same chart roots, and none of the files
 * the parent and its children are located in changed: their places read alike. (A rendered manifest kept as the same
 * object may sit in a file edited elsewhere, so the parent's file is looked at too.)
 */
function locatedAlike(index: RepoIndex, serial: number, parent: AppNode, children: readonly SyncItem[]): boolean {
  const changes = index.changesSince(serial);
  if (changes === undefined || !index.chartRootsKeptSince(serial)) return false;
  if (changes.files.size === 0) return true;
  return !changes.files.has(parent.origin.file) && children.every((item) => !changes.files.has(item.object.origin.file));
}
