// Patching the build's own part (the frame) after an edit of Applications written in the repository that keeps who they are.
import { readApplication } from '../argo/readApplication';
import type { IndexRead } from '../incremental/indexReads';
import { plainEqual } from '../incremental/plainEqual';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { DECLARED_ARGO_OBJECTS_SCAN, findDeclaredArgoObjects, sameWrittenIdentity, type DeclaredArgoObjects } from './declaredObjects';
import { framePart, identifyThisRepository, repositoryOf } from './frameFacts';
import type { ApplicationReading, ModelRecord } from './keptModel';
import { renderApplication, type ApplicationRender, type RenderContext } from './renderApplication';
import { createdObjectsOfApplication } from './renderedObjects';

/** The frame of a model after an edit of written Applications, and the objects the edit replaced. */
export interface WrittenObjectsPatch {
  /** Written Applications the edit replaced: previous object → new object (same kind, name, namespace and place). */
  readonly replaced: ReadonlyMap<KubeObject, KubeObject>;
  readonly declared: DeclaredArgoObjects;
  readonly writtenReadings: ReadonlyMap<KubeObject, ApplicationReading>;
  readonly passOneRenders: ReadonlyMap<KubeObject, ApplicationRender>;
  /** Pass 1's reads for each new object (kept with the node reads, under the object). */
  readonly passOneReads: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>;
  readonly frameProblems: readonly Problem[];
  /** The frame's reads, those the edit answered differently asked again. */
  readonly frameReads: readonly IndexRead[];
}

/**
 * The frame a full build of `index` would make, from the record's, when the build's own reads changed only
 * because some written Applications were edited without changing who they are: the same objects are
 * written (by kind, name, namespace, file and place in it), their files hold nothing else, their readings
 * stay whole Applications or patches as before, the repository's identity is the same, and pass 1 finds
 * them creating and rendering the same (so roots and orphans are as before). Undefined otherwise: only a
 * full build can tell. Nodes built on the replaced objects are the caller's to rebuild.
 */
export function patchWrittenObjects(index: RepoIndex, record: ModelRecord, context: RenderContext, explicitRepoUrls: readonly string[]): WrittenObjectsPatch | undefined {
  const declared = findDeclaredArgoObjects(index);
  const replaced = new Map<KubeObject, KubeObject>();
  if (!pairUp(record.declared.applications, declared.applications, replaced)) return undefined;
  if (!sameObjects(record.declared.applicationSets, declared.applicationSets) || !sameObjects(record.declared.projects, declared.projects)) return undefined;
  if (replaced.size === 0) return undefined;
  const files = new Set<string>();
  for (const object of replaced.values()) files.add(object.origin.file);
  for (const file of files) if (!holdsOnlyWrittenApplications(index, file, declared)) return undefined;

  // Every other read of the build answers as before, and nothing the build reported is in the edited files.
  const edited = (read: IndexRead): boolean => (read.kind === 'scan' && read.path === DECLARED_ARGO_OBJECTS_SCAN) || ((read.kind === 'parsed' || read.kind === 'file') && files.has(read.path));
  if (!index.answersAsBefore(record.frameReads, record.serial, edited)) return undefined;
  if (record.frameOwnProblems.some((item) => files.has(item.location.file))) return undefined;
  if (record.model.orphans.some((object) => files.has(object.origin.file))) return undefined;

  const previousOf = new Map<KubeObject, KubeObject>();
  for (const [previous, object] of replaced) previousOf.set(object, previous);
  const writtenReadings = new Map<KubeObject, ApplicationReading>();
  for (const object of declared.applications) {
    const previous = previousOf.get(object);
    if (previous === undefined) {
      const kept = record.writtenReadings.get(object);
      if (kept === undefined) return undefined;
      writtenReadings.set(object, kept);
      continue;
    }
    const reading = readApplication(object, index);
    if (reading.application.looksLikePatch !== record.writtenReadings.get(previous)?.application.looksLikePatch) return undefined;
    writtenReadings.set(object, reading);
  }
  if (!plainEqual(repositoryOf(explicitRepoUrls, identifyThisRepository(index, explicitRepoUrls, writtenReadings.values())), record.model.repository)) return undefined;

  const passOneRenders = new Map(record.passOneRenders);
  const passOneReads = new Map<KubeObject, readonly (readonly IndexRead[])[]>();
  for (const [previous, object] of replaced) {
    const before = record.passOneRenders.get(previous);
    passOneRenders.delete(previous);
    const { application } = writtenReadings.get(object) as ApplicationReading;
    if (application.looksLikePatch) continue;
    if (before === undefined) return undefined;
    const { value: render, reads } = index.recordReadsApart(() => renderApplication(application, context));
    if (!sameCreationShape(before, render)) return undefined;
    passOneRenders.set(object, render);
    passOneReads.set(object, reads);
  }
  return {
    replaced,
    declared,
    writtenReadings,
    passOneRenders,
    passOneReads,
    frameProblems: framePart(writtenReadings, record.frameOwnProblems),
    frameReads: record.frameReads.map((read) => (edited(read) ? index.answeredNow(read) : read)),
  };
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

function sameObjects(before: readonly KubeObject[], after: readonly KubeObject[]): boolean {
  return before === after || (before.length === after.length && before.every((object, position) => object === after[position]));
}

/** True when every document of `file` is one of its written Applications (no other object shares the edit). */
function holdsOnlyWrittenApplications(index: RepoIndex, file: string, declared: DeclaredArgoObjects): boolean {
  const parsed = index.parsed(file);
  if (parsed === undefined || parsed.problems.length > 0) return false;
  const documents = parsed.documents.filter((document) => document.value !== null && document.value !== undefined).length;
  let applications = 0;
  for (const object of declared.applications) if (object.origin.file === file) applications++;
  return documents === applications;
}

/** True when two pass-1 renders create the same objects (by identity), render the same folders and read the same files. */
function sameCreationShape(before: ApplicationRender, after: ApplicationRender): boolean {
  if (before === after) return true;
  const createdBefore = createdObjectsOfApplication(before);
  const createdAfter = createdObjectsOfApplication(after);
  if (createdBefore.length !== createdAfter.length || !createdBefore.every((object, position) => sameWrittenIdentity(object, createdAfter[position] as KubeObject))) return false;
  if (!plainEqual(before.renderedFolders, after.renderedFolders) || before.renders.length !== after.renders.length) return false;
  return before.renders.every((source, position) => plainEqual(source.filesRead, after.renders[position]?.filesRead));
}
