// Which written Argo CD objects an edit kept, replaced, added or removed, by place; what pass 1 lists of them.
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { originKey, sameWrittenIdentity, type DeclaredArgoObjects } from './declaredObjects';
import type { ApplicationReading } from './keptModel';
import type { PassOneFacts, RenderShape } from './passOneFacts';

/** Written Applications (leaves: they create nothing) that came or went, by an edit that adds or removes files or documents. */
export interface ApplicationsCameOrWent {
  readonly added: readonly KubeObject[];
  readonly removed: readonly KubeObject[];
}

/** No written Application came or went. */
export const NONE_CAME_OR_WENT: ApplicationsCameOrWent = { added: [], removed: [] };
/** What pass 1 counts of a renderer that is not there (one that came has it before, one that went after). */
export const NO_SHAPE: RenderShape = { renderedFolders: [], filesRead: [] };

/** Whether two objects of one place that are not the same written identity may still be paired (see {@link alignByPlace}). */
export type Interchangeable = (previous: KubeObject, object: KubeObject) => boolean;

const NEVER: Interchangeable = () => false;

/**
 * Pairs the written Applications of two declared lists by place: the objects of a place in both (one object, or two
 * with one identity, or two `interchangeable` says may pair, put in `replaced`), and those that came or went.
 * Undefined when the places kept are in another order (a build would visit them otherwise) or a place holds another
 * identity.
 */
export function alignByPlace(
  before: readonly KubeObject[],
  after: readonly KubeObject[],
  replaced: Map<KubeObject, KubeObject>,
  interchangeable: Interchangeable = NEVER,
): ApplicationsCameOrWent | undefined {
  const paired = new Map<KubeObject, KubeObject>();
  if (before.length === after.length && pairUp(before, after, paired, interchangeable)) {
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
    if (position < last || (previous !== object && !sameWrittenIdentity(previous, object) && !interchangeable(previous, object))) return undefined;
    last = position;
    kept.add(originKey(object.origin));
    if (previous !== object) replaced.set(previous, object);
  }
  return { added, removed: before.filter((object) => !kept.has(originKey(object.origin))) };
}

/** Pass 1's candidates: written Applications but patches, then written sets, in declared order (as a build lists them). */
export function candidatesOf(declared: DeclaredArgoObjects, readings: ReadonlyMap<KubeObject, ApplicationReading>): PassOneFacts['candidates'] {
  return [...declared.applications.filter((object) => readings.get(object)?.application.looksLikePatch === false), ...declared.applicationSets].map((object) => ({
    key: originKey(object.origin),
    file: object.origin.file,
  }));
}

/**
 * Takes out of `replaced` the pairs `turned` names (a written Application that became a whole one from a Kustomize
 * patch, as a half-typed one does when it gains its source, or a patch from a whole one): pass 1 lists whole ones
 * only, so such a pair is the previous object gone and the new one come at one place. `cameOrWent` with them added.
 */
export function withTurnedPairs(replaced: Map<KubeObject, KubeObject>, cameOrWent: ApplicationsCameOrWent, turned: (previous: KubeObject, object: KubeObject) => boolean): ApplicationsCameOrWent {
  const added: KubeObject[] = [];
  const removed: KubeObject[] = [];
  for (const [previous, object] of replaced) {
    if (!turned(previous, object)) continue;
    replaced.delete(previous);
    removed.push(previous);
    added.push(object);
  }
  return added.length === 0 ? cameOrWent : { added: [...cameOrWent.added, ...added], removed: [...cameOrWent.removed, ...removed] };
}

/**
 * Pairs the objects of two lists position by position; false unless each pair is one object or two with one identity
 * (or two `interchangeable` says may pair).
 */
export function pairUp(before: readonly KubeObject[], after: readonly KubeObject[], replaced: Map<KubeObject, KubeObject>, interchangeable: Interchangeable = NEVER): boolean {
  if (before.length !== after.length) return false;
  for (let position = 0; position < before.length; position++) {
    const previous = before[position] as KubeObject;
    const object = after[position] as KubeObject;
    if (previous === object) continue;
    if (!sameWrittenIdentity(previous, object) && !interchangeable(previous, object)) return false;
    replaced.set(previous, object);
  }
  return true;
}

/**
 * True when every document of `file` is one of its written Argo CD objects (no other object shares the edit). A file
 * with problems holds only them: none of its documents may have a value (a file being typed that does not parse).
 */
export function holdsOnlyWrittenArgoObjects(index: RepoIndex, file: string, declared: DeclaredArgoObjects): boolean {
  const parsed = index.parsed(file);
  if (parsed === undefined) return false;
  const documents = parsed.documents.filter((document) => document.value !== null && document.value !== undefined).length;
  if (parsed.problems.length > 0 && documents > 0) return false;
  let written = 0;
  for (const object of declared.applications) if (object.origin.file === file) written++;
  for (const object of declared.applicationSets) if (object.origin.file === file) written++;
  for (const object of declared.projects) if (object.origin.file === file) written++;
  return documents === written;
}

/**
 * True when `file` parses without problems (its documents, written Argo CD objects or others that whoever renders the
 * file reads as resources, are all read); a file being typed that does not parse is not.
 */
export function parsesWithoutProblems(index: RepoIndex, file: string): boolean {
  const parsed = index.parsed(file);
  return parsed !== undefined && parsed.problems.length === 0;
}
