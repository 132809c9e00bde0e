// A frame patch's part for ApplicationSets: which sets expand otherwise, and pass 1's Applications of the sets that did, came or went.
import { findClusterSecrets } from '../appsets/clusterSecrets';
import type { ExpansionResult } from '../appsets/expansionTypes';
import type { AnalysisMemo } from '../incremental/analysisMemo';
import type { IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { expandWithMemo } from './applicationSets';
import { originKey, type DeclaredArgoObjects } from './declaredObjects';
import type { GeneratedPassOne, ModelRecord } from './keptModel';
import { createsAnything, generatedPassOne } from './patchPassOne';
import { shapeOf, type RenderChange } from './passOneFacts';
import type { RenderContext } from './renderApplication';
import { NO_SHAPE } from './writtenPlaces';

/** A written set's new expansion, what pass 1 made of it, and what it had made of the previous one. */
export interface Regeneration {
  readonly expansion: ExpansionResult;
  readonly generated: GeneratedPassOne;
  readonly before: GeneratedPassOne;
}

/** The sets whose expansion changed, by place, with their expansions before, and the written sets by place. */
export interface SetExpansions {
  readonly declaredSets: ReadonlyMap<string, KubeObject>;
  readonly reexpanded: ReadonlyMap<string, ExpansionResult>;
  readonly expandedBefore: ReadonlyMap<string, ExpansionResult>;
}

/**
 * Expands every set again (an edited one through the memo's cut-off): the model's set nodes and the written sets,
 * but those that went (`went`); those that came are expanded so the place's last expansion is theirs. Undefined
 * when a kept place has no expansion in the memo, or a set only renders create expands otherwise.
 */
export function expandSetsAgain(
  index: RepoIndex,
  record: ModelRecord,
  declared: DeclaredArgoObjects,
  went: ReadonlySet<KubeObject>,
  came: readonly KubeObject[],
  memo: AnalysisMemo,
): SetExpansions | undefined {
  const expansionContext = { index, isThisRepository: record.renderFacts.isThisRepository, clusterSecrets: findClusterSecrets(index) };
  const setsByPlace = new Map<string, KubeObject>();
  for (const node of record.model.nodes) if (node.kind === 'ApplicationSet') setsByPlace.set(originKey(node.object.origin), node.object);
  const declaredSets = new Map<string, KubeObject>();
  for (const set of declared.applicationSets) {
    setsByPlace.set(originKey(set.origin), set);
    declaredSets.set(originKey(set.origin), set);
  }
  for (const set of went) setsByPlace.delete(originKey(set.origin));
  const cameSetPlaces = new Set(came.map((set) => originKey(set.origin)));
  const reexpanded = new Map<string, ExpansionResult>();
  const expandedBefore = new Map<string, ExpansionResult>();
  for (const [place, set] of setsByPlace) {
    if (cameSetPlaces.has(place)) {
      expandWithMemo(set, expansionContext, record.expansionFacts, memo);
      continue;
    }
    const before = memo.lastExpansionOf(place);
    if (before === undefined) return undefined;
    const after = expandWithMemo(set, expansionContext, record.expansionFacts, memo);
    if (after === before) continue;
    if (!declaredSets.has(place)) return undefined;
    reexpanded.set(place, after);
    expandedBefore.set(place, before);
  }
  return { declaredSets, reexpanded, expandedBefore };
}

/** What changed among the sets, as {@link setsPassOne} follows it. */
export interface SetChanges {
  readonly reexpanded: ReadonlyMap<string, ExpansionResult>;
  readonly declaredSets: ReadonlyMap<string, KubeObject>;
  readonly came: readonly KubeObject[];
  readonly went: ReadonlySet<KubeObject>;
  /** Pass 1's Applications of sets whose generated Applications were rendered again (same identities). */
  readonly touched: ReadonlyMap<string, GeneratedPassOne>;
}

/**
 * Pass 1's Applications of the sets that generate others, came or went (none may create anything: who creates whom
 * must stay), their render shapes pushed to `reshaped` and their reads to `passOneReads`; pass 1's generated
 * Applications by set place after all of it. Undefined when a set's Applications create anything, or a set that
 * came has no expansion in the memo.
 */
export function setsPassOne(
  record: ModelRecord,
  changes: SetChanges,
  context: RenderContext,
  memo: AnalysisMemo,
  passOneReads: Map<KubeObject, readonly (readonly IndexRead[])[]>,
  reshaped: RenderChange[],
): { regenerated: ReadonlyMap<string, Regeneration>; passOneGenerated: ReadonlyMap<string, GeneratedPassOne> } | undefined {
  const regenerated = new Map<string, Regeneration>();
  for (const [place, expansion] of changes.reexpanded) {
    const before = record.passOneGenerated.get(place);
    const generated = generatedPassOne(changes.declaredSets.get(place) as KubeObject, expansion, context, passOneReads);
    if (before === undefined || generated === undefined || before.renders.some(createsAnything)) return undefined;
    regenerated.set(place, { expansion, generated, before });
    reshaped.push({ key: place, before: shapeOf(before.renders), after: shapeOf(generated.renders) });
  }
  const cameSets = new Map<string, GeneratedPassOne>();
  for (const set of changes.came) {
    const place = originKey(set.origin);
    const expansion = memo.lastExpansionOf(place);
    const generated = expansion === undefined ? undefined : generatedPassOne(set, expansion, context, passOneReads);
    if (generated === undefined) return undefined;
    cameSets.set(place, generated);
    reshaped.push({ key: place, before: NO_SHAPE, after: shapeOf(generated.renders) });
  }
  for (const set of changes.went) {
    const place = originKey(set.origin);
    const before = record.passOneGenerated.get(place);
    if (before === undefined || before.renders.some(createsAnything)) return undefined;
    reshaped.push({ key: place, before: shapeOf(before.renders), after: NO_SHAPE });
  }
  if (regenerated.size === 0 && changes.touched.size === 0 && cameSets.size === 0 && changes.went.size === 0) return { regenerated, passOneGenerated: record.passOneGenerated };
  const generatedByPlace = new Map(record.passOneGenerated);
  for (const [place, generated] of changes.touched) generatedByPlace.set(place, generated);
  for (const [place, { generated }] of regenerated) generatedByPlace.set(place, generated);
  for (const [place, generated] of cameSets) generatedByPlace.set(place, generated);
  for (const set of changes.went) generatedByPlace.delete(originKey(set.origin));
  return { regenerated, passOneGenerated: generatedByPlace };
}
