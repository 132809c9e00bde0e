// Helpers of a model patch: a redone node's place, the children a render now creates, their order, the nodes' order.
import { KUSTOMIZATION_FILE_NAMES } from '../kustomize/kustomizationFile';
import { sameList } from '../incremental/indexReads';
import { basename } from '../text/repoPath';
import type { KubeObject } from '../kube/kubeObject';
import { originKey, sameWrittenIdentity } from './declaredObjects';
import type { ModelRecord } from './keptModel';
import { orderingOf } from './ordering';
import type { ApplicationRender } from './renderApplication';
import { childrenInWaveOrder, createdObjectsOfApplication } from './renderedObjects';
import { effectiveWave } from './syncWave';
import type { AppNode, Ordering, RepositoryModel } from './types';

/**
 * What a node built on `object` instead of the node's previous object has of its own: its object, name (a
 * renamed Application keeps its id, its place), place, wave and the ordering that wave gives (the same id,
 * parent and generator). `nodeOf` finds the parent and generator as the patch has them so far.
 */
export function placeOf(node: AppNode, object: KubeObject, record: ModelRecord, nodeOf: (id: string) => AppNode | undefined = (id) => record.model.nodesById.get(id)): Pick<AppNode, 'object' | 'name' | 'origin' | 'wave' | 'ordering'> {
  const wave = effectiveWave(object);
  return { object, name: object.name, origin: object.origin, wave, ordering: orderingUnder(node.kind, wave.wave, node, record, nodeOf) };
}

/**
 * The ordering of a node of `kind` and `wave` under the parent and generator `node` names, as `nodeOf` has them
 * (their names are in its explanation: a renamed parent's children get it again).
 */
export function orderingUnder(kind: AppNode['kind'], wave: number, node: Pick<AppNode, 'ordering' | 'generatedById'>, record: ModelRecord, nodeOf: (id: string) => AppNode | undefined): Ordering {
  const parentId = node.ordering.parentId;
  const parent = parentId === undefined ? undefined : nodeOf(parentId);
  const generator = node.generatedById === undefined ? undefined : nodeOf(node.generatedById);
  return orderingOf({
    kind,
    wave,
    parent: parent ? { id: parent.id, name: parent.name } : undefined,
    generatedBy: generator ? { name: generator.name } : undefined,
    healthCheckFile: record.healthCheckFile,
  });
}

/**
 * The created objects of a render done again, paired with the previous render's: the pairs of different objects
 * with one identity (an edited Application), none when every object is the same, undefined when what is created
 * differs (another object, another order, another count). What else the renders render is not compared (see
 * {@link sameRenderShape}).
 */
export function createdPairs(before: ApplicationRender, after: ApplicationRender): [KubeObject, KubeObject][] | undefined {
  if (before === after) return [];
  const createdBefore = createdObjectsOfApplication(before);
  const createdAfter = createdObjectsOfApplication(after);
  if (createdBefore.length !== createdAfter.length) return undefined;
  const pairs: [KubeObject, KubeObject][] = [];
  for (let position = 0; position < createdBefore.length; position++) {
    const previous = createdBefore[position] as KubeObject;
    const object = createdAfter[position] as KubeObject;
    if (previous === object) continue;
    if (!sameWrittenIdentity(previous, object)) return undefined;
    pairs.push([previous, object]);
  }
  return pairs;
}

/**
 * True when two renders of an Application render the same folders and read the same kustomization files: what
 * the build's pass 1 decides from (roots, orphans, kustomizations nobody renders) is then the same.
 */
export function sameRenderShape(before: ApplicationRender, after: ApplicationRender): boolean {
  if (before === after) return true;
  if (!sameList(before.renderedFolders, after.renderedFolders)) return false;
  return sameKustomizationsRead(filesReadBy(before), filesReadBy(after));
}

/** Every file the render's sources read (kustomization files among them). */
export function filesReadBy(render: ApplicationRender): readonly string[] {
  return render.renders.length === 1 ? (render.renders[0] as ApplicationRender['renders'][number]).filesRead : render.renders.flatMap((source) => source.filesRead);
}

/**
 * A node's children after its render was done again: the same child ids, in the order the new render's waves
 * give (wave, then name). Undefined when a child is not a node of the model (left out as a creation loop).
 */
export function childIdsAfter(node: AppNode, render: ApplicationRender, model: RepositoryModel): readonly string[] | undefined {
  const children = childrenInWaveOrder(render);
  if (children.length !== node.childIds.length) return undefined;
  const idByPlace = new Map<string, string>();
  for (const childId of node.childIds) {
    const child = model.nodesById.get(childId);
    if (child === undefined) return undefined;
    idByPlace.set(originKey(child.origin), childId);
  }
  const childIds: string[] = [];
  for (const child of children) {
    const id = idByPlace.get(originKey(child.origin));
    if (id === undefined) return undefined;
    childIds.push(id);
  }
  return sameList(childIds, node.childIds) ? node.childIds : childIds;
}

/** The nodes in the order a build visits them: each root, then what it creates, depth first. Undefined on a node met twice. */
export function inCreationOrder(rootIds: readonly string[], nodesById: ReadonlyMap<string, AppNode>): AppNode[] | undefined {
  const nodes: AppNode[] = [];
  const seen = new Set<string>();
  const visit = (id: string): boolean => {
    const node = nodesById.get(id);
    if (node === undefined || seen.has(id)) return false;
    seen.add(id);
    nodes.push(node);
    for (const childId of node.childIds) if (!visit(childId)) return false;
    return true;
  };
  for (const id of rootIds) if (!visit(id)) return undefined;
  return nodes;
}

/**
 * True when two lists of the files a render read name the same kustomization files: the build's own part reads
 * renders' files only to tell which kustomizations some Application renders (see `buildModel`), so a render that
 * now reads one more manifest (a kustomization listing another resource) leaves it as it was.
 */
export function sameKustomizationsRead(before: readonly string[], after: readonly string[]): boolean {
  if (sameList(before, after)) return true;
  const was = new Set(before);
  const is = new Set(after);
  for (const file of was) if (!is.has(file) && isKustomizationFile(file)) return false;
  for (const file of is) if (!was.has(file) && isKustomizationFile(file)) return false;
  return true;
}

function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(basename(path));
}
