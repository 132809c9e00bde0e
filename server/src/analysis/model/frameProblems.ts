// A patch's part of the build's own problems: the written sets' expansion problems and the orphans' findings, in the build's order.
import type { ExpansionResult } from '../appsets/expansionTypes';
import type { AnalysisMemo } from '../incremental/analysisMemo';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { originKey, type DeclaredArgoObjects } from './declaredObjects';
import type { ModelRecord } from './keptModel';
import { orphanProblem } from './orphanProblem';
import { orphanedApplication } from '../rules/model/orphaned-application';
import type { PassOneFacts } from './passOneFacts';

/** The build's own problems and pass 1's facts after sets expanded otherwise, and the problems that went. */
export interface ExpansionProblems {
  readonly frameOwnProblems: readonly Problem[];
  readonly passOne: PassOneFacts;
  readonly replaced: ReadonlySet<Problem>;
  /** How many problems the written sets' expansions put first among the build's own. */
  readonly prefixLength: number;
}

/**
 * The build's own problems with the new expansion problems of the sets that expanded otherwise. A build expands the
 * written sets first, in declared order, and their problems open its own (see `buildModel`): that first part is
 * checked to be the previous expansions' problems (undefined otherwise: only a build can tell) and made again from
 * the new ones, of `sets` (the written sets now: some may have come or gone); what follows moves with it (pass 1's
 * place of the kustomizations nobody renders).
 */
export function followExpansionProblems(
  record: ModelRecord,
  expandedBefore: ReadonlyMap<string, ExpansionResult>,
  reexpanded: ReadonlyMap<string, ExpansionResult>,
  memo: AnalysisMemo,
  sets: readonly KubeObject[] = record.declared.applicationSets,
): ExpansionProblems | undefined {
  const before: Problem[] = [];
  const after: Problem[] = [];
  const places = new Set(sets.map((set) => originKey(set.origin)));
  const gone: Problem[] = [];
  for (const set of record.declared.applicationSets) {
    const place = originKey(set.origin);
    // A set that went was not expanded again: its last expansion is its previous one.
    const previous = expandedBefore.get(place) ?? memo.lastExpansionOf(place);
    if (previous === undefined) return undefined;
    before.push(...previous.problems);
    if (!places.has(place)) gone.push(...previous.problems);
  }
  for (const set of sets) {
    // A set that came, or was expanded again, has its new expansion last.
    const place = originKey(set.origin);
    const current = reexpanded.get(place) ?? memo.lastExpansionOf(place);
    if (current === undefined) return undefined;
    after.push(...current.problems);
  }
  if (before.some((item, position) => record.frameOwnProblems[position] !== item)) return undefined;
  if (before.length === 0 && after.length === 0) return { frameOwnProblems: record.frameOwnProblems, passOne: record.passOne, replaced: new Set(), prefixLength: 0 };
  const { start, count } = record.passOne.unrenderedAt;
  return {
    frameOwnProblems: [...after, ...record.frameOwnProblems.slice(before.length)],
    passOne: { ...record.passOne, unrenderedAt: { start: start + after.length - before.length, count } },
    // Only the sets expanded again (or gone) lose their problems: the others' keep the places they were found at.
    replaced: new Set([...[...expandedBefore.values()].flatMap((expansion) => expansion.problems), ...gone]),
    prefixLength: after.length,
  };
}

/**
 * The model's orphans after written Applications came or went, and their problems: a build lists them in candidate
 * order right after the written sets' expansion problems (`prefixLength` of them), one problem each. The block is
 * checked (one orphan problem per previous orphan, in its file) and made again: a kept orphan keeps its problem (its
 * folder is the same: the decision is, but for what came or went), a new one gets one; what follows moves with it.
 */
export function followOrphans(
  index: RepoIndex,
  record: ModelRecord,
  declared: DeclaredArgoObjects,
  passOne: PassOneFacts,
  frameOwnProblems: readonly Problem[],
  prefixLength: number,
): { orphans: readonly KubeObject[]; passOne: PassOneFacts; frameOwnProblems: readonly Problem[] } | undefined {
  const previous = record.model.orphans;
  const block = frameOwnProblems.slice(prefixLength, prefixLength + previous.length);
  if (block.length !== previous.length || block.some((item, position) => item.ruleId !== orphanedApplication.id || item.location.file !== (previous[position] as KubeObject).origin.file)) return undefined;
  const problemOf = new Map<KubeObject, Problem>();
  previous.forEach((object, position) => problemOf.set(object, block[position] as Problem));
  const orphans: KubeObject[] = [];
  const problems: Problem[] = [];
  for (const object of [...declared.applications, ...declared.applicationSets]) {
    const folder = passOne.decision.orphans.get(originKey(object.origin));
    if (folder === undefined) continue;
    orphans.push(object);
    problems.push(problemOf.get(object) ?? orphanProblem(index, object, folder));
  }
  const { start, count } = passOne.unrenderedAt;
  return {
    orphans,
    passOne: { ...passOne, unrenderedAt: { start: start + orphans.length - previous.length, count } },
    frameOwnProblems: [...frameOwnProblems.slice(0, prefixLength), ...problems, ...frameOwnProblems.slice(prefixLength + previous.length)],
  };
}
