// Helpers of a model patch: a redone node's place, the children a render now creates, their order, the nodes' order.
import { KUSTOMIZATION_FILE_NAMES } from '../kustomize/kustomizationFile';
import { sameList } from '../incremental/indexReads';
import { basename } from '../text/repoPath';
import type { KubeObject } from '../kube/kubeObject';
import { isArgoKind, originKey, sameWrittenIdentity } from './declaredObjects';
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

/** What a render done again creates otherwise: pairs as {@link createdPairs} gives them, and the Applications and sets it creates no more or now. */
export interface CreationChange {
  readonly pairs: readonly [KubeObject, KubeObject][];
  /** Created objects the previous render created and this one does not, by place. */
  readonly removed: readonly KubeObject[];
  /** Created objects this render creates and the previous one did not, by place. */
  readonly added: readonly KubeObject[];
}

/**
 * The created objects of a render done again against the previous render's, by place: the places in both, in the
 * same order, paired as {@link createdPairs} pairs them; Applications and sets whose place is in one render only
 * came or went. Undefined when a place is created twice by one render, the places kept are in another order, or a
 * place holds another identity.
 */
export function creationChange(before: ApplicationRender, after: ApplicationRender): CreationChange | undefined {
  const pairs = createdPairs(before, after);
  if (pairs !== undefined) return { pairs, removed: [], added: [] };
  const createdBefore = createdObjectsOfApplication(before);
  const createdAfter = createdObjectsOfApplication(after);
  const beforeByPlace = new Map<string, KubeObject>();
  for (const object of createdBefore) if (beforeByPlace.has(originKey(object.origin))) return undefined;
  for (const object of createdBefore) beforeByPlace.set(originKey(object.origin), object);
  const afterPlaces = new Set<string>();
  const kept: [KubeObject, KubeObject][] = [];
  const added: KubeObject[] = [];
  for (const object of createdAfter) {
    const place = originKey(object.origin);
    if (afterPlaces.has(place)) return undefined;
    afterPlaces.add(place);
    const previous = beforeByPlace.get(place);
    if (previous === undefined) added.push(object);
    else kept.push([previous, object]);
  }
  const removed = createdBefore.filter((object) => !afterPlaces.has(originKey(object.origin)));
  if ([...added, ...removed].some((object) => !isArgoKind(object, 'Application') && !isArgoKind(object, 'ApplicationSet'))) return undefined;
  const keptBefore = createdBefore.filter((object) => afterPlaces.has(originKey(object.origin)));
  const changedPairs: [KubeObject, KubeObject][] = [];
  for (let position = 0; position < kept.length; position++) {
    const [previous, object] = kept[position] as [KubeObject, KubeObject];
    if (keptBefore[position] !== previous) return undefined;
    if (previous === object) continue;
    if (!sameWrittenIdentity(previous, object)) return undefined;
    changedPairs.push([previous, object]);
  }
  return { pairs: changedPairs, removed, added };
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
 * give (wave, then name) and in its render order, but for the children that went (`gone`, by id) and came (`came`,
 * by place: a child's id is its place). The node's lists when the render creates the very objects `previous` (the
 * render the node was built with) did, in the same order. Undefined when a child is not a node of the model (left
 * out as a creation loop).
 */
export function childIdsAfter(
  node: AppNode,
  render: ApplicationRender,
  previous: ApplicationRender,
  model: RepositoryModel,
  gone: ReadonlySet<string> = NO_IDS,
  came: ReadonlySet<string> = NO_IDS,
): Pick<AppNode, 'childIds' | 'childIdsInRenderOrder'> | undefined {
  if (gone.size === 0 && came.size === 0 && sameList(createdObjectsOfApplication(render), createdObjectsOfApplication(previous))) return node;
  const kept = node.childIds.filter((id) => !gone.has(id));
  const idByPlace = new Map<string, string>();
  for (const childId of kept) {
    const child = model.nodesById.get(childId);
    if (child === undefined) return undefined;
    idByPlace.set(originKey(child.origin), childId);
  }
  const idsOf = (children: readonly KubeObject[], before: readonly string[]): readonly string[] | undefined => {
    if (children.length !== kept.length + came.size) return undefined;
    const childIds: string[] = [];
    for (const child of children) {
      const place = originKey(child.origin);
      const id = idByPlace.get(place) ?? (came.has(place) ? place : undefined);
      if (id === undefined) return undefined;
      childIds.push(id);
    }
    if (new Set(childIds).size !== childIds.length) return undefined;
    return sameList(childIds, before) ? before : childIds;
  };
  const childIds = idsOf(childrenInWaveOrder(render), node.childIds);
  const childIdsInRenderOrder = idsOf(createdObjectsOfApplication(render), node.childIdsInRenderOrder);
  return childIds === undefined || childIdsInRenderOrder === undefined ? undefined : { childIds, childIdsInRenderOrder };
}

const NO_IDS: ReadonlySet<string> = new Set();

/** The nodes in the order a build visits them: each root, then what it creates in render order, depth first. Undefined on a node met twice. */
export function inCreationOrder(rootIds: readonly string[], nodesById: ReadonlyMap<string, AppNode>): AppNode[] | undefined {
  const nodes: AppNode[] = [];
  const seen = new Set<string>();
  const visit = (id: string): boolean => {
    const node = nodesById.get(id);
    if (node === undefined || seen.has(id)) return false;
    seen.add(id);
    nodes.push(node);
    for (const childId of node.childIdsInRenderOrder) if (!visit(childId)) return false;
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
