// A model patch's part for written Applications and sets that came or went: root nodes made or removed, and the roots' order.
import { readApplication } from '../argo/readApplication';
import type { IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { originKey } from './declaredObjects';
import type { ApplicationRecord, ModelRecord } from './keptModel';
import { leafApplicationNode } from './leafNode';
import type { WrittenObjectsPatch } from './patchWrittenObjects';
import { deployedOnlyProjects } from './renderedObjects';
import type { AppNode } from './types';
import { NO_NODE_CHANGES, type NodeChanges } from './nodeChanges';
import { addSetNode, removeGeneratedNodes } from './createdLeaves';
import { NONE_CAME_OR_WENT } from './writtenPlaces';
import type { AnalysisMemo } from '../incremental/analysisMemo';

/** What written Applications that came or went change in the model: root nodes made or removed (see `NodeChanges`), and the roots. */
export interface WrittenLeafChanges extends NodeChanges {
  /** The model's roots: pass 1's decision, then the starts of creation loops as before. */
  readonly rootIds: readonly string[];
}

/**
 * The model's changes for written Applications and sets that came or went (they create nothing, see
 * `patchWrittenObjects`): one that came is a root or an orphan by pass 1's decision; a root gets its node as a build
 * makes it (its id is its place; a set's generated nodes with it); one that went loses its node, which must be a root
 * without children (but a set's generated leaves). The roots are the decision's, in its order, then the nodes a build
 * starts from in creation loops, as before. Undefined when only a build can tell.
 */
export function followWrittenLeaves(written: WrittenObjectsPatch | undefined, record: ModelRecord, index: RepoIndex, memo: AnalysisMemo): WrittenLeafChanges | undefined {
  const nodes = new Map<string, AppNode>();
  const applications = new Map<string, ApplicationRecord>();
  const removedIds = new Set<string>();
  const reads = new Map<KubeObject, readonly (readonly IndexRead[])[]>();
  const { added, removed } = written?.cameOrWent ?? NONE_CAME_OR_WENT;
  const sets = written?.setsCameOrWent ?? NONE_CAME_OR_WENT;
  if (written === undefined || added.length + removed.length + sets.added.length + sets.removed.length === 0) return { ...NO_NODE_CHANGES, rootIds: record.model.rootIds };
  const previousRoots = record.passOne.decision.rootKeys;
  if (previousRoots.some((key, position) => record.model.rootIds[position] !== key)) return undefined;
  const loopStarts = record.model.rootIds.slice(previousRoots.length);
  // AppProjects a render deploys and nobody writes are the model's projects too: a build lists them.
  const writtenProjectPlaces = new Set(written.declared.projects.map((object) => originKey(object.origin)));
  const deploysProjects = (node: AppNode): boolean => deployedOnlyProjects(node, writtenProjectPlaces).length > 0;
  // Those a render no more creates (their files went) lose their child nodes, a set's with its generated nodes, with
  // the creators' changes (`createdLeaves.ts`).
  const noMoreCreated = new Set(written.creations.flatMap((creation) => creation.removed));
  for (const object of removed) {
    if (noMoreCreated.has(object)) continue;
    for (const id of record.nodeIdsByObject.get(object) ?? []) {
      const node = record.model.nodesById.get(id);
      if (node === undefined || node.childIds.length > 0 || !previousRoots.includes(id) || deploysProjects(node)) return undefined;
      removedIds.add(id);
    }
  }
  const goneObjects: KubeObject[] = [...removed];
  // A set that went takes its root node and generated nodes with it; pass 1 renders its Applications no more.
  for (const set of sets.removed) {
    if (noMoreCreated.has(set)) continue;
    const passOneObjects = record.passOneGenerated.get(originKey(set.origin))?.objects ?? [];
    goneObjects.push(set, ...passOneObjects);
    for (const id of record.nodeIdsByObject.get(set) ?? []) {
      const node = record.model.nodesById.get(id);
      if (node === undefined || !previousRoots.includes(id)) return undefined;
      removedIds.add(id);
      // Pass 1's objects are gone already (above): the nodes' own objects join them.
      if (!removeGeneratedNodes(node, record, deploysProjects, new Set(passOneObjects), { removedIds, goneObjects })) return undefined;
    }
  }
  const rootKeys = new Set(written.passOne.decision.rootKeys);
  // A set that came: pass 1's reads of its Applications are kept (node or not); a root gets its node and theirs.
  for (const set of sets.added) {
    const id = originKey(set.origin);
    const generated = written.passOneGenerated.get(id);
    const expansion = memo.lastExpansionOf(id);
    if (generated === undefined || expansion === undefined) return undefined;
    const passOneReadsOf = (object: KubeObject): readonly (readonly IndexRead[])[] => written.passOneReads.get(object) ?? [];
    for (const object of generated.objects) reads.set(object, passOneReadsOf(object));
    if (!rootKeys.has(id)) continue;
    if (record.model.nodesById.has(id) || !addSetNode(set, undefined, expansion, generated, passOneReadsOf, record, index, { nodes, applications, reads })) return undefined;
    for (const node of nodes.values()) if (node.generatedById === id && deploysProjects(node)) return undefined;
  }
  for (const object of added) {
    const id = originKey(object.origin);
    const passOneReads = written.passOneReads.get(object) ?? [];
    if (!rootKeys.has(id)) {
      reads.set(object, passOneReads);
      continue;
    }
    const reading = written.writtenReadings.get(object);
    const render = written.passOneRenders.get(object);
    if (reading === undefined || render === undefined || record.model.nodesById.has(id)) return undefined;
    const { value: readAgain, reads: readingReads } = index.recordReadsApart(() => readApplication(object, index));
    if (readAgain !== reading) return undefined;
    const node = leafApplicationNode(id, object, reading.application, render, undefined, record.healthCheckFile);
    if (deploysProjects(node)) return undefined;
    nodes.set(id, node);
    applications.set(id, { reading, render, generated: false, cycleProblems: [] });
    reads.set(object, [...passOneReads, ...readingReads]);
  }
  const rootIds = [...written.passOne.decision.rootKeys, ...loopStarts];
  for (const id of rootIds) if (!nodes.has(id) && (!record.model.nodesById.has(id) || removedIds.has(id))) return undefined;
  return { nodes, applications, removedIds, rootIds, reads, goneObjects };
}
