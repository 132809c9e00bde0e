// Patching the build's own part (the frame) after an edit of Applications written in the repository that keeps who they are.
import { readApplication } from '../argo/readApplication';
import type { IndexRead } from '../incremental/indexReads';
import { plainEqual } from '../incremental/plainEqual';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { findClusterSecrets } from '../appsets/clusterSecrets';
import type { AnalysisMemo } from '../incremental/analysisMemo';
import { expandWithMemo } from './applicationSets';
import { createdPairs, sameRenderShape } from './patchNodes';
import { followRenderChanges, shapeOf, type PassOneFacts, type RenderChange, type RenderShape } from './passOneFacts';
import { orphanProblem } from './orphanProblem';
import { findDeclaredArgoObjects, originKey, sameWrittenIdentity, type DeclaredArgoObjects } from './declaredObjects';
import { framePart, identifyThisRepository, repositoryOf, type ProjectReading } from './frameFacts';
import { readAppProject } from '../argo/readAppProject';
import type { AppProjectSpec } from '../argo/types';
import type { ApplicationReading, GeneratedPassOne, ModelRecord } from './keptModel';
import type { ExpansionResult } from '../appsets/expansionTypes';
import { generatedApplicationObject } from './generatedApplications';
import { createdObjectsOfApplication } from './renderedObjects';
import { renderApplication, type ApplicationRender, type RenderContext } from './renderApplication';

/** The frame of a model after an edit of written Applications, and the objects the edit replaced. */
export interface WrittenObjectsPatch {
  /** Written Applications and ApplicationSets the edit replaced: previous object → new object (same kind, name, namespace and place). */
  readonly replaced: ReadonlyMap<KubeObject, KubeObject>;
  /** True when some written object was edited (Applications, sets or AppProjects). */
  readonly changed: boolean;
  readonly declared: DeclaredArgoObjects;
  readonly writtenReadings: ReadonlyMap<KubeObject, ApplicationReading>;
  readonly projectReadings: ReadonlyMap<KubeObject, ProjectReading>;
  /** The model's AppProjects, the edited ones read again. */
  readonly projects: readonly AppProjectSpec[];
  readonly passOneRenders: ReadonlyMap<KubeObject, ApplicationRender>;
  /** Pass 1's reads for each new object (kept with the node reads, under the object). */
  readonly passOneReads: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>;
  readonly frameProblems: readonly Problem[];
  /** The build's own problems (kustomizations nobody renders follow edited renders). */
  readonly frameOwnProblems: readonly Problem[];
  /** Pass 1's facts, edited renders followed. */
  readonly passOne: PassOneFacts;
  /** Reads of working out what the edited renders changed in the frame (new kustomizations nobody renders). */
  readonly addedFrameReads: readonly IndexRead[];
  /**
   * Pass 1's new render of each edited Application (by origin key) that renders other folders or reads other
   * kustomizations than before: the frame followed them, so its nodes may render so too.
   */
  readonly reshapedRenders: ReadonlyMap<string, ApplicationRender>;
  /**
   * Written sets (by origin key) that generate other Applications than before, none of which (before or after)
   * creates Applications or sets: their new expansion and pass 1's generated objects and renders. Their nodes'
   * generated Applications are the caller's to make again (see `regenerateSetNode`).
   */
  readonly regenerated: ReadonlyMap<string, Regeneration>;
  /** Pass 1's generated Applications of every written set, the regenerated ones' new. */
  readonly passOneGenerated: ReadonlyMap<string, GeneratedPassOne>;
  /** The reads of pass 1's renders done again for renderers the edit touched (kept for those that are no node's object). */
  readonly rerenderedReads: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>;
  /** The model's orphans (those of the record unless written Applications came or went). */
  readonly orphans: readonly KubeObject[];
  /** Written Applications that came or went: the added are roots or orphans by pass 1's decision (the caller's to make nodes of). */
  readonly cameOrWent: ApplicationsCameOrWent;
}

/** A written set's new expansion, what pass 1 made of it, and what it had made of the previous one. */
export interface Regeneration {
  readonly expansion: ExpansionResult;
  readonly generated: GeneratedPassOne;
  readonly before: GeneratedPassOne;
}

/**
 * The build's own part (the frame) as a full build of `index` would make it, from the record's, given that
 * the build's other reads answer as before (the caller checks them): the written objects, their readings
 * and the sets' expansions are checked here, as the build keeps them apart from its reads. Without an edit
 * of written objects, every reading and expansion must be the kept one. With one, each edited object must
 * keep who it is (kind, version, name, namespace, file and place), its file must hold nothing else, an
 * Application must stay a whole Application or a patch and create the same in pass 1 (what it renders and
 * reads may change: pass 1's facts follow, and roots and orphans must be decided as before), a set must
 * generate the same, and the repository's identity must be the same.
 * Undefined otherwise: only a full build can tell. Nodes built on the replaced objects are the caller's to redo.
 */
export function patchWrittenObjects(
  index: RepoIndex,
  record: ModelRecord,
  context: RenderContext,
  explicitRepoUrls: readonly string[],
  memo: AnalysisMemo,
  redo: ReadonlySet<KubeObject>,
): WrittenObjectsPatch | undefined {
  const declared = findDeclaredArgoObjects(index);
  const replaced = new Map<KubeObject, KubeObject>();
  const replacedSets = new Map<KubeObject, KubeObject>();
  const replacedProjects = new Map<KubeObject, KubeObject>();
  let cameOrWent: ApplicationsCameOrWent = NONE_CAME_OR_WENT;
  if (declared !== record.declared) {
    const aligned = alignByPlace(record.declared.applications, declared.applications, replaced);
    if (aligned === undefined || !pairUp(record.declared.applicationSets, declared.applicationSets, replacedSets)) return undefined;
    if (!pairUp(record.declared.projects, declared.projects, replacedProjects)) return undefined;
    cameOrWent = aligned;
  }
  const files = new Set<string>();
  for (const object of [...replaced.values(), ...replacedSets.values(), ...replacedProjects.values(), ...cameOrWent.added]) files.add(object.origin.file);
  // A file that lost its Application is edited, or gone.
  for (const object of cameOrWent.removed) if (index.file(object.origin.file) !== undefined) files.add(object.origin.file);
  for (const file of files) if (!holdsOnlyWrittenArgoObjects(index, file, declared)) return undefined;
  const removed = new Set(cameOrWent.removed);
  // Orphans in edited files get their problems again (see `followOrphans`): they are edited Applications or went.
  const orphansEdited = record.model.orphans.some((object) => files.has(object.origin.file));
  if (record.model.orphans.some((object) => files.has(object.origin.file) && !removed.has(object) && !replaced.has(object))) return undefined;

  // Every set expands as before (an edited one through the cut-off): the written ones, then those only renders
  // create; a written one may generate other Applications or report other problems (followed below).
  const expansionContext = { index, isThisRepository: record.renderFacts.isThisRepository, clusterSecrets: findClusterSecrets(index) };
  const setsByPlace = new Map<string, KubeObject>();
  for (const node of record.model.nodes) if (node.kind === 'ApplicationSet') setsByPlace.set(originKey(node.object.origin), node.object);
  const declaredSets = new Map<string, KubeObject>();
  for (const set of declared.applicationSets) {
    setsByPlace.set(originKey(set.origin), set);
    declaredSets.set(originKey(set.origin), set);
  }
  const reexpanded = new Map<string, ExpansionResult>();
  const expandedBefore = new Map<string, ExpansionResult>();
  for (const [place, set] of setsByPlace) {
    const before = memo.lastExpansionOf(place);
    if (before === undefined) return undefined;
    const after = expandWithMemo(set, expansionContext, record.expansionFacts, memo);
    if (after === before) continue;
    if (!declaredSets.has(place)) return undefined;
    reexpanded.set(place, after);
    expandedBefore.set(place, before);
  }
  for (const [previous, object] of replacedSets) replaced.set(previous, object);
  const expansionProblems = followExpansionProblems(record, expandedBefore, reexpanded, memo);
  if (expansionProblems === undefined) return undefined;
  // The build's other problems located in an edited file would keep the places of its previous parse.
  const orphanBlock = new Set(orphansEdited ? record.frameOwnProblems.slice(expansionProblems.prefixLength, expansionProblems.prefixLength + record.model.orphans.length) : []);
  if (record.frameOwnProblems.some((item) => files.has(item.location.file) && !expansionProblems.replaced.has(item) && !orphanBlock.has(item))) return undefined;

  const previousOf = new Map<KubeObject, KubeObject>();
  for (const [previous, object] of [...replaced, ...replacedProjects]) previousOf.set(object, previous);
  const writtenReadings = new Map<KubeObject, ApplicationReading>();
  const added = new Set(cameOrWent.added);
  for (const object of declared.applications) {
    const previous = previousOf.get(object);
    const reading = readApplication(object, index);
    if (added.has(object)) {
      // A patch of other Applications changes what they are: only a build can tell.
      if (reading.application.looksLikePatch) return undefined;
    } else if (previous === undefined) {
      // A kept reading read only what is unchanged (the memo asks again otherwise).
      if (reading !== record.writtenReadings.get(object)) return undefined;
    } else if (reading.application.looksLikePatch !== record.writtenReadings.get(previous)?.application.looksLikePatch) return undefined;
    writtenReadings.set(object, reading);
  }
  for (const object of removed) if (record.writtenReadings.get(object)?.application.looksLikePatch !== false) return undefined;
  // Edited AppProjects are read again (a reading reads nothing but the object) and take their places among the model's.
  let projectReadings = record.projectReadings;
  let projects = record.model.projects;
  if (replacedProjects.size > 0) {
    const readings = new Map<KubeObject, ProjectReading>();
    const specs = new Map<AppProjectSpec, AppProjectSpec>();
    for (const object of declared.projects) {
      const previous = previousOf.get(object);
      const kept = record.projectReadings.get(previous ?? object);
      if (kept === undefined) return undefined;
      const reading = previous === undefined ? kept : readAppProject(object, index);
      if (previous !== undefined) specs.set(kept.project, reading.project);
      readings.set(object, reading);
    }
    projectReadings = readings;
    projects = record.model.projects.map((project) => specs.get(project) ?? project);
  }
  const touched = renderTouchedPassOne(redo, replaced, removed, reexpanded, record, context);
  if (touched === undefined) return undefined;
  const rerendered = touched.renders.size > 0 || touched.generated.size > 0;
  const cameOrWentAny = added.size > 0 || removed.size > 0 || orphansEdited;
  const changed = replaced.size > 0 || replacedProjects.size > 0 || reexpanded.size > 0 || rerendered || cameOrWentAny;
  if (replaced.size === 0 && reexpanded.size === 0 && !rerendered && !cameOrWentAny) {
    const frameProblems = changed ? framePart(record.writtenReadings, projectReadings, record.frameOwnProblems) : record.frameProblems;
    return {
      replaced,
      changed,
      declared,
      writtenReadings: record.writtenReadings,
      projectReadings,
      projects,
      passOneRenders: record.passOneRenders,
      passOneReads: new Map(),
      passOne: record.passOne,
      frameOwnProblems: record.frameOwnProblems,
      addedFrameReads: NO_READS,
      reshapedRenders: new Map(),
      regenerated: NO_REGENERATIONS,
      passOneGenerated: record.passOneGenerated,
      rerenderedReads: touched.reads,
      orphans: record.model.orphans,
      cameOrWent,
      frameProblems,
    };
  }
  if ((replaced.size > 0 || cameOrWentAny) && !plainEqual(repositoryOf(explicitRepoUrls, identifyThisRepository(index, explicitRepoUrls, writtenReadings.values())), record.model.repository)) return undefined;

  const passOneRenders = new Map(record.passOneRenders);
  for (const [object, render] of touched.renders) passOneRenders.set(object, render);
  const passOneReads = new Map<KubeObject, readonly (readonly IndexRead[])[]>();
  const reshaped: RenderChange[] = [...touched.reshaped];
  const reshapedRenders = new Map<string, ApplicationRender>(touched.reshapedRenders);
  for (const [previous, object] of replaced) {
    if (replacedSets.has(previous)) continue;
    const before = record.passOneRenders.get(previous);
    passOneRenders.delete(previous);
    const { application } = writtenReadings.get(object) as ApplicationReading;
    if (application.looksLikePatch) continue;
    if (before === undefined) return undefined;
    const { value: render, reads } = index.recordReadsApart(() => renderApplication(application, context));
    // The same created objects (by identity): who creates whom is unchanged. Other folders rendered or
    // kustomizations read (another path, a path being typed) are followed below.
    if (createdPairs(before, render) === undefined) return undefined;
    if (!sameRenderShape(before, render)) {
      reshaped.push({ key: originKey(object.origin), before: shapeOf([before]), after: shapeOf([render]) });
      reshapedRenders.set(originKey(object.origin), render);
    }
    passOneRenders.set(object, render);
    passOneReads.set(object, reads);
  }
  // Written Applications that came or went create nothing: what they render comes or goes with them.
  for (const object of added) {
    const { application } = writtenReadings.get(object) as ApplicationReading;
    const { value: render, reads } = index.recordReadsApart(() => renderApplication(application, context));
    if (createsAnything(render)) return undefined;
    passOneRenders.set(object, render);
    passOneReads.set(object, reads);
    reshaped.push({ key: originKey(object.origin), before: NO_SHAPE, after: shapeOf([render]) });
  }
  for (const object of removed) {
    const before = record.passOneRenders.get(object);
    if (before === undefined || createsAnything(before)) return undefined;
    passOneRenders.delete(object);
    reshaped.push({ key: originKey(object.origin), before: shapeOf([before]), after: NO_SHAPE });
  }
  // Sets generating other Applications: pass 1 renders them (who creates whom must stay: none creates anything).
  const regenerated = new Map<string, Regeneration>();
  for (const [place, expansion] of reexpanded) {
    const before = record.passOneGenerated.get(place);
    const generated = generatedPassOne(declaredSets.get(place) as KubeObject, expansion, context, passOneReads);
    if (before === undefined || generated === undefined || before.renders.some(createsAnything)) return undefined;
    regenerated.set(place, { expansion, generated, before });
    reshaped.push({ key: place, before: shapeOf(before.renders), after: shapeOf(generated.renders) });
  }
  let passOneGenerated = record.passOneGenerated;
  if (regenerated.size > 0 || touched.generated.size > 0) {
    const generatedByPlace = new Map(record.passOneGenerated);
    for (const [place, generated] of touched.generated) generatedByPlace.set(place, generated);
    for (const [place, { generated }] of regenerated) generatedByPlace.set(place, generated);
    passOneGenerated = generatedByPlace;
  }
  let { passOne, frameOwnProblems } = expansionProblems;
  let frameReads: readonly IndexRead[] = NO_READS;
  const candidatesChange = cameOrWentAny ? { candidates: candidatesOf(declared, writtenReadings), changedKeys: new Set([...added, ...removed].map((object) => originKey(object.origin))) } : undefined;
  if (reshaped.length > 0) {
    const followed = followRenderChanges(passOne, reshaped, frameOwnProblems, context, candidatesChange);
    if (followed === undefined) return undefined;
    ({ facts: passOne, ownProblems: frameOwnProblems, reads: frameReads } = followed);
  }
  let orphans = record.model.orphans;
  if (cameOrWentAny) {
    const followed = followOrphans(index, record, declared, passOne, frameOwnProblems, expansionProblems.prefixLength);
    if (followed === undefined) return undefined;
    ({ orphans, passOne, frameOwnProblems } = followed);
  }
  return {
    replaced,
    changed,
    declared,
    writtenReadings,
    projectReadings,
    projects,
    passOneRenders,
    passOneReads,
    passOne,
    frameOwnProblems,
    addedFrameReads: frameReads,
    reshapedRenders,
    regenerated,
    passOneGenerated,
    rerenderedReads: touched.reads,
    orphans,
    cameOrWent,
    frameProblems: framePart(writtenReadings, projectReadings, frameOwnProblems),
  };
}

/** Written Applications (leaves: they create nothing) that came or went, by an edit that adds or removes files or documents. */
export interface ApplicationsCameOrWent {
  readonly added: readonly KubeObject[];
  readonly removed: readonly KubeObject[];
}

const NONE_CAME_OR_WENT: ApplicationsCameOrWent = { added: [], removed: [] };
const NO_SHAPE: RenderShape = { renderedFolders: [], filesRead: [] };

/**
 * Pairs the written Applications of two declared lists by place: the objects of a place in both (one object, or two
 * with one identity, put in `replaced`), and those that came or went. Undefined when the places kept are in another
 * order (a build would visit them otherwise) or a place holds another identity.
 */
function alignByPlace(before: readonly KubeObject[], after: readonly KubeObject[], replaced: Map<KubeObject, KubeObject>): ApplicationsCameOrWent | undefined {
  const paired = new Map<KubeObject, KubeObject>();
  if (before.length === after.length && pairUp(before, after, paired)) {
    for (const [previous, object] of paired) replaced.set(previous, object);
    return NONE_CAME_OR_WENT;
  }
  const positions = new Map<string, number>();
  before.forEach((object, position) => positions.set(originKey(object.origin), position));
  const kept = new Set<string>();
  const added: KubeObject[] = [];
  let last = -1;
  for (const object of after) {
    const position = positions.get(originKey(object.origin));
    if (position === undefined) {
      added.push(object);
      continue;
    }
    const previous = before[position] as KubeObject;
    if (position < last || (previous !== object && !sameWrittenIdentity(previous, object))) return undefined;
    last = position;
    kept.add(originKey(object.origin));
    if (previous !== object) replaced.set(previous, object);
  }
  return { added, removed: before.filter((object) => !kept.has(originKey(object.origin))) };
}

/** Pass 1's candidates: written Applications but patches, then written sets, in declared order (as a build lists them). */
function candidatesOf(declared: DeclaredArgoObjects, readings: ReadonlyMap<KubeObject, ApplicationReading>): PassOneFacts['candidates'] {
  return [...declared.applications.filter((object) => readings.get(object)?.application.looksLikePatch === false), ...declared.applicationSets].map((object) => ({
    key: originKey(object.origin),
    file: object.origin.file,
  }));
}

/**
 * The model's orphans after written Applications came or went, and their problems: a build lists them in candidate
 * order right after the written sets' expansion problems (`prefixLength` of them), one problem each. The block is
 * checked (one orphan problem per previous orphan, in its file) and made again: a kept orphan keeps its problem (its
 * folder is the same: the decision is, but for what came or went), a new one gets one; what follows moves with it.
 */
function followOrphans(
  index: RepoIndex,
  record: ModelRecord,
  declared: DeclaredArgoObjects,
  passOne: PassOneFacts,
  frameOwnProblems: readonly Problem[],
  prefixLength: number,
): { orphans: readonly KubeObject[]; passOne: PassOneFacts; frameOwnProblems: readonly Problem[] } | undefined {
  const previous = record.model.orphans;
  const block = frameOwnProblems.slice(prefixLength, prefixLength + previous.length);
  if (block.length !== previous.length || block.some((item, position) => item.ruleId !== 'model/orphaned-application' || item.location.file !== (previous[position] as KubeObject).origin.file)) return undefined;
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

/** Pass 1's renders done again for the renderers an edit touched (see {@link renderTouchedPassOne}). */
interface TouchedPassOne {
  /** New renders of written Applications (the same objects). */
  readonly renders: ReadonlyMap<KubeObject, ApplicationRender>;
  /** New pass 1 of the written sets whose generated Applications render otherwise (the same objects). */
  readonly generated: ReadonlyMap<string, GeneratedPassOne>;
  /** The reads of each render done again, by its object. */
  readonly reads: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>;
  readonly reshaped: readonly RenderChange[];
  readonly reshapedRenders: ReadonlyMap<string, ApplicationRender>;
}

/**
 * Pass 1 again for its renderers that the edit touched but did not replace: written Applications (roots, orphans,
 * the written documents of Applications others create) and the Applications written sets generate, whose render
 * read a changed file. Each must create the same objects as before (who creates whom decides roots and orphans);
 * a written Application may render other folders or read other kustomizations (followed like an edited one's), a
 * generated one may not (its node could not follow). Undefined when only a build can tell.
 */
function renderTouchedPassOne(
  redo: ReadonlySet<KubeObject>,
  replaced: ReadonlyMap<KubeObject, KubeObject>,
  gone: ReadonlySet<KubeObject>,
  reexpanded: ReadonlyMap<string, ExpansionResult>,
  record: ModelRecord,
  context: RenderContext,
): TouchedPassOne | undefined {
  const renders = new Map<KubeObject, ApplicationRender>();
  const generated = new Map<string, GeneratedPassOne>();
  const reads = new Map<KubeObject, readonly (readonly IndexRead[])[]>();
  const reshaped: RenderChange[] = [];
  const reshapedRenders = new Map<string, ApplicationRender>();
  const generatedPlaces = generatedPlacesOf(record);
  for (const object of redo) {
    if (replaced.has(object) || gone.has(object)) continue;
    const before = record.passOneRenders.get(object);
    if (before !== undefined) {
      const reading = record.writtenReadings.get(object);
      if (reading === undefined) return undefined;
      const { value: render, reads: renderReads } = context.index.recordReadsApart(() => renderApplication(reading.application, context));
      reads.set(object, renderReads);
      if (render === before) continue;
      if (createdPairs(before, render) === undefined) return undefined;
      renders.set(object, render);
      if (!sameRenderShape(before, render)) {
        reshaped.push({ key: originKey(object.origin), before: shapeOf([before]), after: shapeOf([render]) });
        reshapedRenders.set(originKey(object.origin), render);
      }
      continue;
    }
    const place = generatedPlaces.get(object);
    if (place === undefined || reexpanded.has(place)) continue;
    const kept = generated.get(place) ?? (record.passOneGenerated.get(place) as GeneratedPassOne);
    const position = kept.objects.indexOf(object);
    const previous = kept.renders[position] as ApplicationRender;
    const { value: render, reads: renderReads } = context.index.recordReadsApart(() => renderApplication(readApplication(object, context.index).application, context));
    reads.set(object, renderReads);
    if (render === previous) continue;
    if (createdPairs(previous, render) === undefined || !sameRenderShape(previous, render)) return undefined;
    generated.set(place, { objects: kept.objects, renders: kept.renders.map((other, at) => (at === position ? render : other)) });
  }
  return { renders, generated, reads, reshaped, reshapedRenders };
}

/** The set place of each Application pass 1 generated, by record. */
const generatedPlacesByRecord = new WeakMap<ReadonlyMap<string, GeneratedPassOne>, ReadonlyMap<KubeObject, string>>();

function generatedPlacesOf(record: ModelRecord): ReadonlyMap<KubeObject, string> {
  let places = generatedPlacesByRecord.get(record.passOneGenerated);
  if (places === undefined) {
    const byObject = new Map<KubeObject, string>();
    for (const [place, { objects }] of record.passOneGenerated) for (const object of objects) byObject.set(object, place);
    generatedPlacesByRecord.set(record.passOneGenerated, (places = byObject));
  }
  return places;
}

const NO_READS: readonly IndexRead[] = [];

/** The build's own problems and pass 1's facts after sets expanded otherwise, and the problems that went. */
interface ExpansionProblems {
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
 * the new ones; what follows moves with it (pass 1's place of the kustomizations nobody renders).
 */
function followExpansionProblems(record: ModelRecord, expandedBefore: ReadonlyMap<string, ExpansionResult>, reexpanded: ReadonlyMap<string, ExpansionResult>, memo: AnalysisMemo): ExpansionProblems | undefined {
  const before: Problem[] = [];
  const after: Problem[] = [];
  for (const set of record.declared.applicationSets) {
    const place = originKey(set.origin);
    const current = reexpanded.get(place) ?? memo.lastExpansionOf(place);
    const previous = expandedBefore.get(place) ?? current;
    if (current === undefined || previous === undefined) return undefined;
    before.push(...previous.problems);
    after.push(...current.problems);
  }
  if (before.some((item, position) => record.frameOwnProblems[position] !== item)) return undefined;
  if (before.length === 0 && after.length === 0) return { frameOwnProblems: record.frameOwnProblems, passOne: record.passOne, replaced: new Set(), prefixLength: 0 };
  const { start, count } = record.passOne.unrenderedAt;
  return {
    frameOwnProblems: [...after, ...record.frameOwnProblems.slice(before.length)],
    passOne: { ...record.passOne, unrenderedAt: { start: start + after.length - before.length, count } },
    // Only the sets expanded again get new problems: the others' keep the places they were found at.
    replaced: new Set([...expandedBefore.values()].flatMap((expansion) => expansion.problems)),
    prefixLength: after.length,
  };
}

const NO_REGENERATIONS: ReadonlyMap<string, Regeneration> = new Map();

/**
 * Pass 1's generated Applications of a written set's expansion and their renders (each render's reads kept in
 * `reads` under its object), as a build makes them; undefined when one creates Applications or sets.
 */
function generatedPassOne(set: KubeObject, expansion: ExpansionResult, context: RenderContext, reads: Map<KubeObject, readonly (readonly IndexRead[])[]>): GeneratedPassOne | undefined {
  const objects: KubeObject[] = [];
  const renders: ApplicationRender[] = [];
  for (const { body } of expansion.applications) {
    const object = generatedApplicationObject(set, body);
    if (object === undefined) continue;
    const { value: render, reads: renderReads } = context.index.recordReadsApart(() => renderApplication(readApplication(object, context.index).application, context));
    if (createsAnything(render)) return undefined;
    objects.push(object);
    renders.push(render);
    reads.set(object, [...(reads.get(object) ?? []), ...renderReads]);
  }
  return { objects, renders };
}

/** True when a render creates Applications or ApplicationSets. */
function createsAnything(render: ApplicationRender): boolean {
  return createdObjectsOfApplication(render).length > 0;
}

/** Pairs the objects of two lists position by position; false unless each pair is one object or two with one identity. */
function pairUp(before: readonly KubeObject[], after: readonly KubeObject[], replaced: Map<KubeObject, KubeObject>): boolean {
  if (before.length !== after.length) return false;
  for (let position = 0; position < before.length; position++) {
    const previous = before[position] as KubeObject;
    const object = after[position] as KubeObject;
    if (previous === object) continue;
    if (!sameWrittenIdentity(previous, object)) return false;
    replaced.set(previous, object);
  }
  return true;
}

/** True when every document of `file` is one of its written Argo CD objects (no other object shares the edit). */
function holdsOnlyWrittenArgoObjects(index: RepoIndex, file: string, declared: DeclaredArgoObjects): boolean {
  const parsed = index.parsed(file);
  if (parsed === undefined || parsed.problems.length > 0) return false;
  const documents = parsed.documents.filter((document) => document.value !== null && document.value !== undefined).length;
  let written = 0;
  for (const object of declared.applications) if (object.origin.file === file) written++;
  for (const object of declared.applicationSets) if (object.origin.file === file) written++;
  for (const object of declared.projects) if (object.origin.file === file) written++;
  return documents === written;
}
