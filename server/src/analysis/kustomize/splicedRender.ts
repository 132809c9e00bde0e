// A kustomization that only lists files, rendered again after some of those files changed: their objects put in place.
import { withEqualObjectsKept } from '../incremental/keptObjects';
import type { IndexRead } from '../incremental/indexReads';
import { isRecord, objectFromBody, type KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { SourceRender, SourceRequest } from '../sources/sourceRender';
import { joinRepoPath } from '../text/repoPath';
import { readFileObjects } from './fileResources';
import { loadKustomization } from './kustomizationFile';
import { idKey, idOfBody } from './resourceId';

/** Kustomize drops objects carrying this annotation set to "true" from the final output. */
const LOCAL_CONFIG_ANNOTATION = 'config.kubernetes.io/local-config';

/** The fields a kustomization that only lists resources may have (anything else may transform every object). */
const PLAIN_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'resources']);

/** Renders' object lists from which `renderKustomization` dropped local-config objects (their ids still count). */
const droppedLocalConfig = new WeakSet<readonly KubeObject[]>();

/** Records that a render's objects leave out local-config objects (a splice cannot see their ids). */
export function recordDroppedLocalConfig(objects: readonly KubeObject[]): void {
  droppedLocalConfig.add(objects);
}

/** Per object list: how many named objects have each kustomize id (made once, carried to a spliced list). */
const namedIdCounts = new WeakMap<readonly KubeObject[], ReadonlyMap<string, number>>();

/**
 * The render of `request` after the files in `changed` (see `RepoIndex.changedFileReads`) changed, made from the kept
 * render `kept` and its reads: the kustomization lists only resources (no transformer, generator, patch or
 * component, no Application overrides), each changed file is one of its entries, listed once, and its objects
 * came out together; the file's new objects go in their place (an object equal to the kept one stays the kept
 * object), the other objects are the kept ones. The reads are the kept ones with the changed files' answers as
 * they are now. Undefined when only a full render can tell: another shape, a kept render with problems, charts or
 * remote resources, local-config objects, a changed file now unreadable, or an id now taken twice (kustomize
 * refuses it: the full render reports it).
 */
export function splicedKustomizeRender(
  index: RepoIndex,
  request: SourceRequest,
  kept: SourceRender,
  keptReads: readonly IndexRead[],
  changed: ReadonlySet<string>,
): { readonly value: SourceRender; readonly reads: readonly IndexRead[] } | undefined {
  if (changed.size === 0 || request.kustomize !== undefined || request.directory !== undefined || request.helm === true || request.plugin === true) return undefined;
  if (kept.tool !== 'kustomize' || kept.problems.length > 0 || kept.helmCharts.length > 0 || kept.remoteResources.length > 0 || kept.notExpanded !== undefined) return undefined;
  if (droppedLocalConfig.has(kept.objects)) return undefined;
  const { kustomization } = loadKustomization(index, request.path);
  if (kustomization === undefined || changed.has(kustomization.file)) return undefined;
  const { value } = kustomization;
  if (Object.keys(value).some((field) => !PLAIN_FIELDS.has(field)) || (value.kind !== undefined && value.kind !== 'Kustomization') || !Array.isArray(value.resources)) return undefined;
  const listed = new Map<string, number>();
  for (const entry of value.resources) {
    if (typeof entry !== 'string') return undefined;
    const path = joinRepoPath(request.path, entry.trim());
    if (path !== undefined) listed.set(path, (listed.get(path) ?? 0) + 1);
  }
  let objects: readonly KubeObject[] = kept.objects;
  const counts = new Map(namedIdCountsOf(kept.objects));
  for (const path of changed) {
    if (listed.get(path) !== 1) return undefined;
    const spliced = withFileObjects(index, objects, path, counts);
    if (spliced === undefined) return undefined;
    objects = spliced;
  }
  namedIdCounts.set(objects, counts);
  const reads = keptReads.map((read) => (changed.has(read.path) ? answeredNow(index, read) : read));
  // Always another render object, as a render done again is: results kept per render read the changed files' places.
  return { value: { ...kept, objects }, reads };
}

/** `objects` with the objects of `path` (together, at least one) replaced by the file's objects now; `counts` follows. */
function withFileObjects(index: RepoIndex, objects: readonly KubeObject[], path: string, counts: Map<string, number>): readonly KubeObject[] | undefined {
  const first = objects.findIndex((object) => object.origin.file === path);
  if (first < 0) return undefined;
  let end = first;
  while (end < objects.length && (objects[end] as KubeObject).origin.file === path) end++;
  for (let position = end; position < objects.length; position++) if ((objects[position] as KubeObject).origin.file === path) return undefined;
  const read = readFileObjects(index, path);
  if (!read.readable) return undefined;
  const before = objects.slice(first, end);
  for (const object of before) countId(counts, object.body, -1);
  const made: KubeObject[] = [];
  for (const working of read.objects) {
    if (isLocalConfig(working.body)) return undefined;
    if (countId(counts, working.body, 1) > 1) return undefined;
    const object = objectFromBody(working.body, working.origin);
    if (object !== undefined) made.push(object);
  }
  // Objects the same as before stay the kept objects, as the render memo's cut-off keeps them after a full render.
  const after = withEqualObjectsKept(before, made);
  if (after.length === before.length && after.every((object, at) => object === before[at])) return objects;
  return [...objects.slice(0, first), ...after, ...objects.slice(end)];
}

/** True for a body kustomize leaves out of the build's output (`config.kubernetes.io/local-config: "true"`). */
export function isLocalConfig(body: Readonly<Record<string, unknown>>): boolean {
  const metadata = isRecord(body.metadata) ? body.metadata : {};
  return isRecord(metadata.annotations) && metadata.annotations[LOCAL_CONFIG_ANNOTATION] === 'true';
}

/** Adds `step` to the count of a named body's id and returns the count (0 for an unnamed body: kustomize checks named ones). */
function countId(counts: Map<string, number>, body: Readonly<Record<string, unknown>>, step: number): number {
  const id = idOfBody(body);
  if (id.name === '') return 0;
  const key = idKey(id);
  const count = (counts.get(key) ?? 0) + step;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
  return count;
}

function namedIdCountsOf(objects: readonly KubeObject[]): ReadonlyMap<string, number> {
  let counts = namedIdCounts.get(objects);
  if (counts === undefined) {
    const made = new Map<string, number>();
    for (const object of objects) countId(made, object.body, 1);
    namedIdCounts.set(objects, (counts = made));
  }
  return counts;
}

/** A file or parse read of a changed file, asked again (the others never reach here: see `RepoIndex.changedFileReads`). */
function answeredNow(index: RepoIndex, read: IndexRead): IndexRead {
  if (read.kind === 'file') return { kind: 'file', path: read.path, answer: index.file(read.path) };
  if (read.kind === 'parsed') return { kind: 'parsed', path: read.path, answer: index.parsed(read.path) };
  return read;
}
