// Patching the build's own part (the frame) after an edit of written Argo CD objects: edited, renamed, come or gone.
import { filesUsedAsPatches } from '../argo/patchFragments';
import { readApplication } from '../argo/readApplication';
import type { IndexRead } from '../incremental/indexReads';
import { plainEqual } from '../incremental/plainEqual';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { sameList } from '../incremental/indexReads';
import type { AnalysisMemo } from '../incremental/analysisMemo';
import { createdPairs, sameRenderShape } from './patchNodes';
import { followRenderChanges, shapeOf, type PassOneFacts, type RenderChange } from './passOneFacts';
import { findDeclaredArgoObjects, originKey, type DeclaredArgoObjects } from './declaredObjects';
import { framePart, identifyThisRepository, repositoryOf, type ProjectReading } from './frameFacts';
import { followExpansionProblems, followOrphans } from './frameProblems';
import { followWrittenProjects } from './writtenProjects';
import type { AppProjectSpec } from '../argo/types';
import type { ApplicationReading, GeneratedPassOne, ModelRecord } from './keptModel';
import { createsAnything, renderTouchedPassOne, type CreatorChange } from './patchPassOne';
import { expandSetsAgain, setsPassOne, type Regeneration } from './patchWrittenSets';
import { renderApplication, type ApplicationRender, type RenderContext } from './renderApplication';
import { alignByPlace, candidatesOf, holdsOnlyWrittenArgoObjects, parsesWithoutProblems, NO_SHAPE, NONE_CAME_OR_WENT, withTurnedPairs, type ApplicationsCameOrWent } from './writtenPlaces';

/** The frame of a model after an edit of written Applications, and the objects the edit replaced. */
export interface WrittenObjectsPatch {
  /** Written Applications and ApplicationSets the edit replaced: previous object → new object (same kind and place, see `sameWrittenIdentity`). */
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
  /** Written sets that came or went (none of their Applications creates anything), like `cameOrWent`. */
  readonly setsCameOrWent: ApplicationsCameOrWent;
  /**
   * Written Applications whose render now creates other Applications than before: each one it no more creates is an
   * orphan now, each one it now creates was one (the caller's to make or remove the nodes of).
   */
  readonly creations: readonly CreatorChange[];
}

export type { Regeneration } from './patchWrittenSets';

/**
 * The build's own part (the frame) as a full build of `index` would make it, from the record's, given that
 * the build's other reads answer as before (the caller checks them): the written objects, their readings
 * and the sets' expansions are checked here, as the build keeps them apart from its reads. Without an edit
 * of written objects, every reading and expansion must be the kept one. With one, each edited object must
 * keep who it is (kind, version, name, namespace, file and place), its file must hold nothing else (a file that
 * lost its Application or set may hold other objects, resources of whoever renders it), an
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
  let cameOrWent: ApplicationsCameOrWent = NONE_CAME_OR_WENT;
  let setsCameOrWent: ApplicationsCameOrWent = NONE_CAME_OR_WENT;
  if (declared !== record.declared) {
    // Two Kustomize patches (half-typed Applications) at one place pair whatever they name: neither is a candidate or a node.
    const bothPatches = (previous: KubeObject, object: KubeObject): boolean =>
      record.writtenReadings.get(previous)?.application.looksLikePatch === true && readApplication(object, index).application.looksLikePatch;
    const aligned = alignByPlace(record.declared.applications, declared.applications, replaced, bothPatches);
    const alignedSets = alignByPlace(record.declared.applicationSets, declared.applicationSets, replacedSets);
    if (aligned === undefined || alignedSets === undefined) return undefined;
    // An Application nobody creates that turned whole or a patch: a candidate of pass 1 came or went at its place.
    cameOrWent = withTurnedPairs(
      replaced,
      aligned,
      (previous, object) =>
        record.writtenReadings.get(previous)?.application.looksLikePatch !== readApplication(object, index).application.looksLikePatch && !record.passOne.creators.has(originKey(previous.origin)),
    );
    setsCameOrWent = alignedSets;
  }
  // Written AppProjects edited, come or gone are read again and take their places among the model's projects.
  const writtenProjects = followWrittenProjects(index, record, declared);
  if (writtenProjects === undefined) return undefined;
  const { readings: projectReadings, projects } = writtenProjects;
  const files = new Set<string>(writtenProjects.files);
  for (const object of [...replaced.values(), ...replacedSets.values(), ...cameOrWent.added, ...setsCameOrWent.added]) files.add(object.origin.file);
  for (const file of files) if (!holdsOnlyWrittenArgoObjects(index, file, declared)) return undefined;
  // A file that lost its Application (or set) is edited, or gone: what it holds now may be other objects (an Application
  // whose kind is being erased), which the Applications that render the file read as resources (their nodes follow).
  for (const object of [...cameOrWent.removed, ...setsCameOrWent.removed]) {
    const file = object.origin.file;
    if (index.file(file) === undefined || files.has(file)) continue;
    if (!holdsOnlyWrittenArgoObjects(index, file, declared) && !parsesWithoutProblems(index, file)) return undefined;
    files.add(file);
  }
  const removed = new Set(cameOrWent.removed);
  const removedSets = new Set(setsCameOrWent.removed);
  // Orphans in edited files get their problems again (see `followOrphans`): they are edited Applications or went.
  const orphansEdited = record.model.orphans.some((object) => files.has(object.origin.file));
  if (record.model.orphans.some((object) => files.has(object.origin.file) && !removed.has(object) && !removedSets.has(object) && !replaced.has(object))) return undefined;

  const expansions = expandSetsAgain(index, record, declared, removedSets, setsCameOrWent.added, memo);
  if (expansions === undefined) return undefined;
  const { declaredSets, reexpanded, expandedBefore } = expansions;
  for (const [previous, object] of replacedSets) replaced.set(previous, object);
  const expansionProblems = followExpansionProblems(record, expandedBefore, reexpanded, memo, declared.applicationSets);
  if (expansionProblems === undefined) return undefined;
  // The build's other problems located in an edited file would keep the places of its previous parse.
  const orphanBlock = new Set(orphansEdited ? record.frameOwnProblems.slice(expansionProblems.prefixLength, expansionProblems.prefixLength + record.model.orphans.length) : []);
  if (record.frameOwnProblems.some((item) => files.has(item.location.file) && !expansionProblems.replaced.has(item) && !orphanBlock.has(item))) return undefined;

  const previousOf = new Map<KubeObject, KubeObject>();
  for (const [previous, object] of replaced) previousOf.set(object, previous);
  const added = new Set(cameOrWent.added);
  /** Written Applications some render creates that turned whole or a patch: their nodes stay, pass 1's candidates change. */
  const turned = new Set<KubeObject>();
  const patchFiles = filesUsedAsPatches(index);
  // The same written objects (no file holding one changed) and the same files used as Kustomize patches: every reading
  // is the kept one (a reading reads its object's file and that answer), so none is asked for (600 lookups an edit).
  const patchesAsChecked = readingsCheckedWith.get(record.writtenReadings) === patchFiles;
  const keptReadings = declared === record.declared && patchesAsChecked;
  const writtenReadings = keptReadings ? (record.writtenReadings as Map<KubeObject, ApplicationReading>) : new Map<KubeObject, ApplicationReading>();
  for (const object of keptReadings ? [] : declared.applications) {
    const previous = previousOf.get(object);
    // A written object of the record under the same patch files keeps its reading, as the whole map would (above).
    const reading = (patchesAsChecked && previous === undefined ? record.writtenReadings.get(object) : undefined) ?? readApplication(object, index);
    if (added.has(object)) {
      // A Kustomize patch that came is no candidate and creates nothing (pass 1 does not render it); a file a
      // kustomization uses as a patch changes what its renders read, and those follow as any read does.
    } else if (previous === undefined) {
      // A kept reading read only what is unchanged (the memo asks again otherwise).
      if (reading !== record.writtenReadings.get(object)) return undefined;
    } else if (reading.application.looksLikePatch !== record.writtenReadings.get(previous)?.application.looksLikePatch) {
      if (!record.passOne.creators.has(originKey(object.origin))) return undefined;
      turned.add(object);
    }
    writtenReadings.set(object, reading);
  }
  if (!keptReadings) {
    readingsCheckedWith.set(writtenReadings, patchFiles);
    // The same written objects: every reading was found to be the kept one, so the kept map (which the patch may keep) holds too.
    if (declared === record.declared) readingsCheckedWith.set(record.writtenReadings, patchFiles);
  }
  for (const object of removed) if (record.writtenReadings.get(object) === undefined) return undefined;
  const touched = renderTouchedPassOne(redo, replaced, removed, reexpanded, record, context);
  if (touched === undefined) return undefined;
  const rerendered = touched.renders.size > 0 || touched.generated.size > 0;
  const cameOrWentAny = added.size > 0 || removed.size > 0 || setsCameOrWent.added.length > 0 || removedSets.size > 0 || orphansEdited || turned.size > 0;
  // Renders that create other Applications than before: who creates those follows (see `followCreators`). Alone, or
  // with written Applications that came or went (a file into or out of a folder a source renders as a directory).
  const { creations } = touched;
  if (creations.length > 0 && (replaced.size > 0 || writtenProjects.changed || reexpanded.size > 0 || orphansEdited)) return undefined;
  const creatorsChange = creations.length > 0 ? followCreators(record, declared, writtenReadings, creations, cameOrWent, setsCameOrWent) : undefined;
  if (creations.length > 0 && creatorsChange === undefined) return undefined;
  const changed = replaced.size > 0 || writtenProjects.changed || reexpanded.size > 0 || rerendered || cameOrWentAny;
  if (replaced.size === 0 && reexpanded.size === 0 && !rerendered && !cameOrWentAny) {
    const frameProblems = changed ? sameListOr(framePart(record.writtenReadings, projectReadings, record.frameOwnProblems), record.frameProblems) : record.frameProblems;
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
      setsCameOrWent,
      creations,
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
    if (application.looksLikePatch) {
      // Turned a patch: pass 1 renders it no more; it must have created nothing.
      if (before !== undefined && (createsAnything(before) || !turned.has(object))) return undefined;
      if (before !== undefined) reshaped.push({ key: originKey(object.origin), before: shapeOf([before]), after: NO_SHAPE });
      continue;
    }
    const { value: render, reads } = index.recordReadsApart(() => renderApplication(application, context));
    if (before === undefined) {
      // Turned whole: pass 1 renders it now; it must create nothing.
      if (!turned.has(object) || createsAnything(render)) return undefined;
      passOneRenders.set(object, render);
      passOneReads.set(object, reads);
      reshaped.push({ key: originKey(object.origin), before: NO_SHAPE, after: shapeOf([render]) });
      continue;
    }
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
    if (application.looksLikePatch) continue;
    const { value: render, reads } = index.recordReadsApart(() => renderApplication(application, context));
    if (createsAnything(render)) return undefined;
    passOneRenders.set(object, render);
    passOneReads.set(object, reads);
    reshaped.push({ key: originKey(object.origin), before: NO_SHAPE, after: shapeOf([render]) });
  }
  for (const object of removed) {
    if (record.writtenReadings.get(object)?.application.looksLikePatch) continue;
    const before = record.passOneRenders.get(object);
    if (before === undefined || createsAnything(before)) return undefined;
    passOneRenders.delete(object);
    reshaped.push({ key: originKey(object.origin), before: shapeOf([before]), after: NO_SHAPE });
  }
  const generatedSets = setsPassOne(record, { reexpanded, declaredSets, came: setsCameOrWent.added, went: removedSets, touched: touched.generated }, context, memo, passOneReads, reshaped);
  if (generatedSets === undefined) return undefined;
  const { regenerated, passOneGenerated } = generatedSets;
  let { passOne, frameOwnProblems } = expansionProblems;
  let frameReads: readonly IndexRead[] = NO_READS;
  const candidatesChange = cameOrWentAny
    ? {
        candidates: candidatesOf(declared, writtenReadings),
        changedKeys: new Set([...[...added, ...removed, ...setsCameOrWent.added, ...removedSets, ...turned].map((object) => originKey(object.origin)), ...(creatorsChange?.changedKeys ?? [])]),
        ...(creatorsChange !== undefined ? { creators: creatorsChange.creators } : {}),
      }
    : creatorsChange !== undefined
      ? { candidates: passOne.candidates, ...creatorsChange }
      : undefined;
  if (reshaped.length > 0 || creatorsChange !== undefined) {
    const followed = followRenderChanges(passOne, reshaped, frameOwnProblems, context, candidatesChange);
    if (followed === undefined) return undefined;
    ({ facts: passOne, ownProblems: frameOwnProblems, reads: frameReads } = followed);
  }
  if (creatorsChange !== undefined && !orphansAsCreationsSay(creations, record.passOne, passOne, [...cameOrWent.added, ...setsCameOrWent.added], [...cameOrWent.removed, ...setsCameOrWent.removed])) return undefined;
  let orphans = record.model.orphans;
  if (cameOrWentAny || creatorsChange !== undefined) {
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
    setsCameOrWent,
    creations,
    frameProblems: sameListOr(framePart(writtenReadings, projectReadings, frameOwnProblems), record.frameProblems),
  };
}

/** `list`, or `kept` when both hold the same problems in the same order (a kept list lets the model keep its problems). */
function sameListOr(list: readonly Problem[], kept: readonly Problem[]): readonly Problem[] {
  return sameList(list, kept) ? kept : list;
}

/**
 * Pass 1's creators after some renders create other Applications or sets (`creations`), and the places whose
 * creators changed. Each such place must hold a written Application that creates nothing (a patch creates nothing), or a written
 * set none of whose Applications creates anything, changed once. A written Application or set that came may be one a
 * render now creates (pass 1's renders of it must create nothing, checked where it is rendered or expanded), one that
 * went one a render no more creates.
 */
function followCreators(
  record: ModelRecord,
  declared: DeclaredArgoObjects,
  writtenReadings: ReadonlyMap<KubeObject, ApplicationReading>,
  creations: readonly CreatorChange[],
  cameOrWent: ApplicationsCameOrWent,
  setsCameOrWent: ApplicationsCameOrWent,
): { creators: Map<string, ReadonlySet<string>>; changedKeys: ReadonlySet<string> } | undefined {
  const writtenByPlace = new Map(declared.applications.map((object) => [originKey(object.origin), object]));
  for (const object of cameOrWent.removed) writtenByPlace.set(originKey(object.origin), object);
  const cameKeys = new Set([...cameOrWent.added, ...setsCameOrWent.added].map((object) => originKey(object.origin)));
  const writtenSetPlaces = new Set([...declared.applicationSets, ...setsCameOrWent.removed].map((object) => originKey(object.origin)));
  const createsNothing = (key: string): boolean => {
    if (cameKeys.has(key)) return true;
    const written = writtenByPlace.get(key);
    if (written !== undefined) {
      // A Kustomize patch (a half-typed Application) is not rendered by pass 1: it creates nothing.
      if ((writtenReadings.get(written) ?? record.writtenReadings.get(written))?.application.looksLikePatch) return true;
      const render = record.passOneRenders.get(written);
      return render !== undefined && !createsAnything(render);
    }
    const generated = writtenSetPlaces.has(key) ? record.passOneGenerated.get(key) : undefined;
    return generated !== undefined && !generated.renders.some(createsAnything);
  };
  const creators = new Map(record.passOne.creators);
  const changedKeys = new Set<string>();
  for (const { creator, removed, added } of creations) {
    const creatorKey = originKey(creator.origin);
    for (const [objects, creates] of [[removed, false], [added, true]] as const) {
      for (const object of objects) {
        const key = originKey(object.origin);
        if (!createsNothing(key) || changedKeys.has(key)) return undefined;
        changedKeys.add(key);
        const keys = new Set(creators.get(key));
        if (creates) keys.add(creatorKey);
        else keys.delete(creatorKey);
        if (keys.size > 0) creators.set(key, keys);
        else creators.delete(key);
      }
    }
  }
  return { creators, changedKeys };
}

/**
 * True when every Application or set a render no more creates became an orphan (or went with its file), and every one
 * it now creates was one (or came with its file); none is a root.
 */
function orphansAsCreationsSay(creations: readonly CreatorChange[], before: PassOneFacts, after: PassOneFacts, cameObjects: readonly KubeObject[], wentObjects: readonly KubeObject[]): boolean {
  const isRoot = (facts: PassOneFacts, key: string): boolean => facts.decision.rootKeys.includes(key);
  const came = new Set(cameObjects.map((object) => originKey(object.origin)));
  const went = new Set(wentObjects.map((object) => originKey(object.origin)));
  for (const { removed, added } of creations) {
    for (const object of removed) {
      const key = originKey(object.origin);
      if (before.decision.orphans.has(key) || isRoot(before, key)) return false;
      if (went.has(key) ? after.decision.orphans.has(key) || isRoot(after, key) : !after.decision.orphans.has(key)) return false;
    }
    for (const object of added) {
      const key = originKey(object.origin);
      if (after.decision.orphans.has(key) || isRoot(after, key)) return false;
      if (!came.has(key) && !before.decision.orphans.has(key)) return false;
    }
  }
  return true;
}

const NO_READS: readonly IndexRead[] = [];

const NO_REGENERATIONS: ReadonlyMap<string, Regeneration> = new Map();

/**
 * Per map of written Applications' readings: the files used as Kustomize patches (`filesUsedAsPatches`) when each of
 * its readings was last asked for and found (or made) so.
 */
const readingsCheckedWith = new WeakMap<ReadonlyMap<KubeObject, ApplicationReading>, ReadonlySet<string>>();
