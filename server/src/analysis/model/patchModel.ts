// Patches the previous model after an edit of what some Applications read (a resource, a values file) or of written Argo CD objects.
import { readApplication } from '../argo/readApplication';
import type { AnalysisMemo } from '../incremental/analysisMemo';
import type { IndexRead } from '../incremental/indexReads';
import { sameList } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { modelFactsKey, objectsToRedo, ownProblemsOf, parentIdOf, type ApplicationRecord, type ModelRecord } from './keptModel';
import { originKey } from './declaredObjects';
import { patchWrittenObjects, type Regeneration, type WrittenObjectsPatch } from './patchWrittenObjects';
import { regenerateSetNodes } from './regenerateSetNodes';
import { commitNodeChanges, takeNodeChanges } from './nodeChanges';
import { layeredOver } from '../incremental/layeredMap';
import { followWrittenLeaves } from './writtenLeaves';
import { childIdsAfter, createdPairs, creationChange, inCreationOrder, orderingUnder, placeOf, sameRenderShape } from './patchNodes';
import { followCreatedLeaves } from './createdLeaves';
import { applicationSetOf, fixedTemplateNamespace } from './applicationSets';
import { renderApplication, type RenderContext } from './renderApplication';
import { deployedOnlyProjects, resourcesOf } from './renderedObjects';
import type { AppNode, RepositoryModel } from './types';
import { recordMovedPlaces, withNodesReplaced } from './nodePositions';
import { followNodeFiles } from './nodeIdsByFile';

/** A patched model, its problems and the record the next analysis patches. */
export interface PatchedModel {
  readonly model: RepositoryModel;
  readonly problems: readonly Problem[];
  readonly record: ModelRecord;
  /** True when nodes of the previous model are gone (what is kept per node id is pruned then). */
  readonly nodesRemoved: boolean;
}

/**
 * The model a full build of `index` would give, made from the previous one (`record`), or undefined
 * when only a full build can tell. A patch applies when no file or folder came or went, the build's
 * own reads (Argo CD's configuration, the repository's listings, kustomizations nobody renders…) answer
 * as before, the written objects, their readings and the sets' expansions are the kept ones or edits
 * that keep who they are (see `patchWrittenObjects`), and every Application whose own reads changed renders the same shape: the
 * same created Applications and sets (an edited one may be a new object of the same identity; an Application may
 * create leaf Applications that were orphans, or no more create some that become orphans: see `followCreatedLeaves`),
 * rendered folders, files read and AppProjects. Those Applications get new nodes (their resources and
 * renders), so do the nodes of edited objects (their waves and orderings), and so do their parents up
 * to the roots (a kept node's children are kept nodes); every other node is the previous one. A parent
 * whose children's waves now sort differently gets its children in the new order (`childIds`) and keeps its
 * place in the node list, whose order is render order; a render that creates in another order puts the
 * model's nodes in creation order again.
 */
export function patchModel(index: RepoIndex, record: ModelRecord, memo: AnalysisMemo, explicitRepoUrls: readonly string[]): PatchedModel | undefined {
  if (record.factsKey !== modelFactsKey(explicitRepoUrls)) return undefined;
  const redo = objectsToRedo(index, record);
  if (redo === undefined) return undefined;
  const context: RenderContext = { ...record.renderFacts, index, renderCache: new Map(), renderMemo: memo.renders };
  if (!index.answersAsBefore(record.frameReads, record.serial)) return undefined;
  const checked = patchWrittenObjects(index, record, context, explicitRepoUrls, memo, redo);
  if (checked === undefined) return undefined;
  const written: WrittenObjectsPatch | undefined = checked.changed ? checked : undefined;
  // A file nodes are written in that was parsed again must be an edited written file (all its nodes are redone below).
  const editedFiles = new Set<string>();
  for (const object of written?.replaced.values() ?? []) editedFiles.add(object.origin.file);
  const cameOrWent = [written?.cameOrWent, written?.setsCameOrWent].flatMap((objects) => [...(objects?.added ?? []), ...(objects?.removed ?? [])]);
  for (const object of cameOrWent) editedFiles.add(object.origin.file);
  const changes = index.changesSince(record.serial);
  for (const path of changes?.files ?? []) {
    if (record.originParses.has(path) && record.originParses.get(path) !== index.parsed(path) && !editedFiles.has(path)) return undefined;
  }
  if (redo.size === 0 && written === undefined) return { model: record.model, problems: record.problems, record: { ...record, serial: index.serial }, nodesRemoved: false };

  /** Node objects replaced by new objects of the same identity (edited written Applications, their rendered copies). */
  const replacedObjects = new Map<KubeObject, KubeObject>();
  const work: KubeObject[] = [...redo];
  for (const [previous, object] of written?.replaced ?? []) {
    if (!record.nodeIdsByObject.has(previous)) continue;
    replacedObjects.set(previous, object);
    work.push(previous);
  }
  // The records that change (undefined: the node went), applied to the record's map once the patch holds.
  const applicationChanges = new Map<string, ApplicationRecord | undefined>();
  const applicationOf = (id: string): ApplicationRecord | undefined => (applicationChanges.has(id) ? applicationChanges.get(id) : record.applications.get(id));
  const replaced = new Map<string, AppNode>();
  // Sets generating other Applications get their generated nodes again, written Applications that came or went their
  // root nodes; those nodes are settled first (the loop below leaves them).
  const regeneration = regenerateSetNodes(written?.regenerated ?? NO_REGENERATIONS, written?.passOneReads ?? NO_READS_BY_OBJECT, record, index);
  const leaves = regeneration && followWrittenLeaves(written, record, index, memo);
  const created = leaves && followCreatedLeaves(written, record, index, context, memo);
  if (regeneration === undefined || leaves === undefined || created === undefined) return undefined;
  const settled = new Set<string>();
  for (const changes of [regeneration, leaves, created]) takeNodeChanges(changes, replaced, applicationChanges, settled);
  const removedIds = new Set([...regeneration.removedIds, ...leaves.removedIds, ...created.removedIds]);
  /** By node id, the creators whose renders create other Applications: the places of the children that came, the ids of those that went. */
  const creationsByCreator = new Map((written?.creations ?? []).map(({ creator, added, removed }) => [originKey(creator.origin), { came: new Set(added.map((object) => originKey(object.origin))), gone: new Set(removed.map((object) => originKey(object.origin))) }]));
  const recreated = new Set<string>();
  const redoneReads = new Map<KubeObject, (readonly IndexRead[])[]>();
  let reordered = [...regeneration.nodes.values()].some((node) => node.kind === 'ApplicationSet') || leaves.rootIds !== record.model.rootIds || creationsByCreator.size > 0;
  const done = new Set<KubeObject>();
  const writtenProjectPlaces = new Set((written?.declared ?? record.declared).projects.map((object) => originKey(object.origin)));
  /** Written nodes whose reading changed while their object did not (yet): each must be replaced by the end. */
  const readingChanged = new Set<KubeObject>();
  while (work.length > 0) {
    const previousObject = work.pop() as KubeObject;
    if (done.has(previousObject)) continue;
    done.add(previousObject);
    const object = replacedObjects.get(previousObject) ?? previousObject;
    for (const id of record.nodeIdsByObject.get(previousObject) ?? []) {
      if (settled.has(id)) continue;
      const node = replaced.get(id) ?? record.model.nodesById.get(id);
      if (node?.kind === 'ApplicationSet') {
        // A set node is redone only for a new object of the same identity whose expansion is the one its
        // written set has (checked by the frame's patch; a build expands each written place once).
        if (object === previousObject || written === undefined) return undefined;
        const expansion = memo.lastExpansionOf(originKey(object.origin));
        if (expansion === undefined || ![...written.replaced.values()].some((set) => originKey(set.origin) === originKey(object.origin))) return undefined;
        const applicationSet = applicationSetOf(object, index);
        replaced.set(id, { ...node, ...placeOf(node, object, record), applicationSet, destinationNamespace: fixedTemplateNamespace(applicationSet) });
        continue;
      }
      const before = applicationOf(id);
      if (node === undefined || before === undefined) return undefined;
      const { value: after, reads } = index.recordReadsApart(() => {
        const reading = readApplication(object, index);
        return { reading, render: renderApplication(reading.application, context) };
      });
      const lists = redoneReads.get(object);
      if (lists) lists.push(...reads);
      else redoneReads.set(object, [...reads]);
      // A written node's reading problems are the frame's: its reading may change only with its object, which
      // its parent's render (done later, maybe) may still replace.
      if (object === previousObject && !before.generated && after.reading !== before.reading) {
        readingChanged.add(previousObject);
        continue;
      }
      // A creator whose render creates other Applications than before: as pass 1 found (see `followCreatedLeaves`).
      const creations = creationsByCreator.get(id);
      if (creations !== undefined) recreated.add(id);
      const change = creations === undefined ? undefined : creationChange(before.render, after.render);
      if (creations !== undefined && (change === undefined || !samePlaces(change.added, creations.came) || !samePlaces(change.removed, creations.gone))) return undefined;
      const pairs = change?.pairs ?? createdPairs(before.render, after.render);
      if (pairs === undefined) return undefined;
      // Another shape (folders rendered, kustomizations read) only where the frame followed it: an edited written
      // Application (or its rendered copy) whose node renders as its pass 1 did.
      if (!sameRenderShape(before.render, after.render)) {
        const passOneRender = written?.reshapedRenders.get(originKey(object.origin));
        if (passOneRender === undefined || !sameRenderShape(passOneRender, after.render)) return undefined;
      }
      for (const [previousChild, child] of pairs) {
        replacedObjects.set(previousChild, child);
        // Done already with its previous object: done again with the new one.
        done.delete(previousChild);
        redoneReads.delete(previousChild);
        work.push(previousChild);
      }
      const children = childIdsAfter(node, after.render, before.render, record.model, creations?.gone, creations?.came);
      if (children === undefined) return undefined;
      // Only another render order moves nodes in the list (a child moved to another wave is replaced in place).
      if (!sameList(children.childIdsInRenderOrder, node.childIdsInRenderOrder)) reordered = true;
      const rebuilt: AppNode = {
        ...node,
        application: after.reading.application,
        renders: after.render.renders,
        externalSources: after.render.externalSources,
        destinationNamespace: after.reading.application.destination.namespace,
        resources: resourcesOf(after.render),
        childIds: children.childIds,
        childIdsInRenderOrder: children.childIdsInRenderOrder,
        ...(object === previousObject ? {} : placeOf(node, object, record)),
      };
      // AppProjects a render deploys are the model's projects too (but written ones, read where written): the same objects.
      if (!sameList(deployedOnlyProjects(rebuilt, writtenProjectPlaces), deployedOnlyProjects(node, writtenProjectPlaces))) return undefined;
      replaced.set(id, rebuilt);
      applicationChanges.set(id, { ...before, reading: after.reading, render: after.render } satisfies ApplicationRecord);
    }
  }
  for (const object of readingChanged) if (!replacedObjects.has(object)) return undefined;
  // A creator whose render creates other Applications must have had its children made again above.
  for (const id of creationsByCreator.keys()) if (!recreated.has(id)) return undefined;
  // A renamed Application's children are ordered by its sync under its new name (their explanations say it).
  const nodeOf = (id: string): AppNode | undefined => replaced.get(id) ?? record.model.nodesById.get(id);
  for (const [id, node] of [...replaced]) {
    if (node.name === record.model.nodesById.get(id)?.name) continue;
    for (const childId of node.childIds) {
      const child = nodeOf(childId);
      if (child === undefined) return undefined;
      replaced.set(childId, { ...child, ordering: orderingUnder(child.kind, child.wave.wave, child, record, nodeOf) });
    }
  }
  if (editedFiles.size > 0) {
    // Every node written in an edited file is a new object, so that what is kept per node object located in
    // the file's previous parse goes (the same fields otherwise: a set's generated Applications, a copy kept).
    for (const path of editedFiles) {
      for (const id of record.nodeIdsByFile.get(path) ?? []) {
        const node = record.model.nodesById.get(id);
        if (node !== undefined && !replaced.has(id) && !settled.has(id)) replaced.set(id, { ...node });
      }
    }
  }
  // A kept node's children are kept nodes: the parents of new nodes are new too (the same fields).
  for (const id of [...replaced.keys()]) {
    for (let parentId = parentIdOf(replaced.get(id) as AppNode); parentId !== undefined && !replaced.has(parentId); ) {
      const parent = record.model.nodesById.get(parentId);
      if (parent === undefined) return undefined;
      replaced.set(parentId, { ...parent });
      parentId = parentIdOf(parent);
    }
  }

  // The previous model's map with the replaced and removed ids changed (a layer over it, not a copy of every entry).
  const nodeChanges = new Map<string, AppNode | undefined>(replaced);
  for (const id of removedIds) nodeChanges.set(id, undefined);
  const nodesById = layeredOver(record.model.nodesById, nodeChanges);
  // In the same order: the previous list with the replaced nodes put at their places (recorded, so followers look there only).
  const nodes = reordered ? inCreationOrder(leaves.rootIds, nodesById) : withNodesReplaced(record.model.nodes, replaced.values());
  if (nodes === undefined || nodes.length !== nodesById.size) return undefined;
  // Reordered: where each node was, so that followers take a node that only moved from its previous place.
  if (reordered) recordMovedPlaces(record.model.nodes, nodes);

  // The patch holds: from here on, the record's shared indexes are updated.
  for (const node of replaced.values()) memo.keptNodes.replace(node, index.parsed(node.origin.file));
  for (const id of removedIds) memo.keptNodes.forget(id);
  const model: RepositoryModel = { ...record.model, rootIds: leaves.rootIds, nodes, nodesById, orphans: written?.orphans ?? record.model.orphans, projects: written?.projects ?? record.model.projects };
  const frameProblems = written?.frameProblems ?? record.frameProblems;
  // The previous list while the nodes are in the same order and every redone node has the same own problems.
  const sameProblems =
    !reordered && frameProblems === record.frameProblems && [...replaced.keys()].every((id) => sameOwnProblems(applicationOf(id), record.applications.get(id)));
  // The record's map of records is the patch's to update (the memo keeps one record, and the previous model does not read it).
  const applications = record.applications as Map<string, ApplicationRecord>;
  for (const [id, application] of applicationChanges) {
    if (application === undefined) applications.delete(id);
    else applications.set(id, application);
  }
  const problems = sameProblems ? record.problems : problemsOf(frameProblems, nodes, applications);
  const nodeIdsByObject = record.nodeIdsByObject as Map<KubeObject, readonly string[]>;
  for (const [previous, object] of replacedObjects) {
    const ids = nodeIdsByObject.get(previous);
    nodeIdsByObject.delete(previous);
    if (ids !== undefined) nodeIdsByObject.set(object, ids);
    record.nodeReads.forget(previous);
  }
  for (const [previous, object] of written?.replaced ?? []) {
    record.nodeReads.forget(previous);
    const lists = redoneReads.get(object);
    const passOne = written?.passOneReads.get(object) ?? [];
    if (lists) lists.push(...passOne);
    else redoneReads.set(object, [...passOne]);
  }
  for (const [object, reads] of redoneReads) record.nodeReads.replace(object, reads);
  // Pass 1's renderers that are no node's object (orphans, written copies of created Applications) keep their new reads.
  for (const [object, reads] of checked.rerenderedReads) if (!nodeIdsByObject.has(object) && !redoneReads.has(object)) record.nodeReads.replace(object, reads);
  commitNodeChanges(record, regeneration);
  commitNodeChanges(record, leaves);
  commitNodeChanges(record, created);
  const originParses = record.originParses as Map<string, unknown>;
  followNodeFiles(record.nodeIdsByFile, record.model.nodesById, replaced, removedIds);
  // An edited file keeps its parse while a node is written in it (a build records only nodes' files).
  for (const path of editedFiles) {
    if (record.nodeIdsByFile.has(path)) originParses.set(path, index.parsed(path));
    else originParses.delete(path);
  }
  for (const node of created.nodes.values()) originParses.set(node.origin.file, index.parsed(node.origin.file));
  const frame =
    written === undefined
      ? {}
      : {
          declared: written.declared,
          writtenReadings: written.writtenReadings,
          projectReadings: written.projectReadings,
          passOneRenders: written.passOneRenders,
          passOneGenerated: written.passOneGenerated,
          frameProblems,
          frameOwnProblems: written.frameOwnProblems,
          passOne: written.passOne,
          frameReads: written.addedFrameReads.length > 0 ? [...record.frameReads, ...written.addedFrameReads] : record.frameReads,
        };
  return { model, problems, record: { ...record, ...frame, serial: index.serial, model, problems, applications }, nodesRemoved: removedIds.size > 0 };
}

const NO_REGENERATIONS: ReadonlyMap<string, Regeneration> = new Map();

/** True when `objects` sit exactly at `places` (origin keys). */
function samePlaces(objects: readonly KubeObject[], places: ReadonlySet<string>): boolean {
  return objects.length === places.size && objects.every((object) => places.has(originKey(object.origin)));
}
const NO_READS_BY_OBJECT: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]> = new Map();

/** The build's own problems, then each node's in model order. */
function problemsOf(frameProblems: readonly Problem[], nodes: readonly AppNode[], applications: ReadonlyMap<string, ApplicationRecord>): Problem[] {
  const problems = [...frameProblems];
  for (const node of nodes) {
    const application = applications.get(node.id);
    if (application) problems.push(...ownProblemsOf(application));
  }
  return problems;
}

/** True when two records of one node (either may be missing) have the very same own problems. */
function sameOwnProblems(after: ApplicationRecord | undefined, before: ApplicationRecord | undefined): boolean {
  if (after === before) return true;
  return after !== undefined && before !== undefined && ownProblemsOf(after) === ownProblemsOf(before);
}
