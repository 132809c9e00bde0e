// A model patch's part for ApplicationSets that generate other Applications: each set node's generated nodes made again.
import { readApplication } from '../argo/readApplication';
import { sameList } from '../incremental/indexReads';
import type { IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { originKey } from './declaredObjects';
import { generatedInNameOrder } from './generatedApplications';
import type { ApplicationRecord, ModelRecord } from './keptModel';
import type { Regeneration } from './patchWrittenObjects';
import type { ApplicationRender } from './renderApplication';
import { leafApplicationNode } from './leafNode';
import { deployedOnlyProjects } from './renderedObjects';
import type { AppNode } from './types';
import { NO_NODE_CHANGES, type NodeChanges } from './nodeChanges';

/**
 * The nodes of every set written at a place whose set generates other Applications (`regenerated`), made as a build
 * makes them: each set node's children are its expansion's Applications in name order, under the id `<set id>/<name>`;
 * a child whose object and parameters are the previous node's keeps its node, the others get new nodes (reading,
 * pass 1's render, resources; they create nothing, see `patchWrittenObjects`). Undefined when a build would give
 * other ids (two Applications of one name), a previous generated node had children, or a new or gone node deploys
 * AppProjects written nowhere (the model's projects would change).
 */
export function regenerateSetNodes(
  regenerated: ReadonlyMap<string, Regeneration>,
  passOneReads: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>,
  record: ModelRecord,
  index: RepoIndex,
): NodeChanges | undefined {
  if (regenerated.size === 0) return NO_NODE_CHANGES;
  const nodes = new Map<string, AppNode>();
  const applications = new Map<string, ApplicationRecord>();
  const removedIds = new Set<string>();
  const reads = new Map<KubeObject, (readonly IndexRead[])[]>();
  // AppProjects a render deploys and nobody writes are the model's projects too (a patch keeps the model's list).
  const writtenProjectPlaces = new Set(record.declared.projects.map((object) => originKey(object.origin)));
  const deploysProjects = (node: AppNode): boolean => deployedOnlyProjects(node, writtenProjectPlaces).length > 0;
  for (const setNode of record.model.nodes) {
    if (setNode.kind !== 'ApplicationSet') continue;
    const regeneration = regenerated.get(originKey(setNode.origin));
    if (regeneration === undefined) continue;
    const renderOf = new Map<KubeObject, ApplicationRender>();
    regeneration.generated.objects.forEach((object, position) => renderOf.set(object, regeneration.generated.renders[position] as ApplicationRender));
    const childIds: string[] = [];
    const previousChildren = new Set(setNode.childIds);
    const children = new Set<string>();
    for (const { generatedObject: object, parameters } of generatedInNameOrder(setNode.object, regeneration.expansion)) {
      const id = `${setNode.id}/${object.name}`;
      const previous = record.model.nodesById.get(id);
      // A build gives a second Application of one name another id (`~2`): only a build can tell which.
      if (children.has(id) || (previous !== undefined && !previousChildren.has(id))) return undefined;
      children.add(id);
      childIds.push(id);
      if (previous !== undefined && previous.object === object && previous.generatorParameters === parameters) continue;
      const render = renderOf.get(object);
      if (render === undefined) return undefined;
      const { value: reading, reads: readingReads } = index.recordReadsApart(() => readApplication(object, index));
      const node = leafApplicationNode(id, object, reading.application, render, { generator: setNode, parameters }, record.healthCheckFile);
      if (deploysProjects(node) || (previous !== undefined && deploysProjects(previous))) return undefined;
      nodes.set(id, node);
      applications.set(id, { reading, render, generated: true, cycleProblems: [] });
      reads.set(object, [...(reads.get(object) ?? []), ...readingReads]);
    }
    for (const id of setNode.childIds) {
      if (children.has(id)) continue;
      const gone = record.model.nodesById.get(id);
      if (gone === undefined || gone.childIds.length > 0 || deploysProjects(gone)) return undefined;
      removedIds.add(id);
    }
    if (!sameList(childIds, setNode.childIds)) nodes.set(setNode.id, { ...setNode, childIds, childIdsInRenderOrder: childIds });
  }
  // Pass 1's objects: those it no longer makes lose their reads; new ones get pass 1's (and a node's reading's).
  const goneObjects: KubeObject[] = [];
  for (const { before, generated } of regenerated.values()) {
    const kept = new Set(before.objects);
    const now = new Set(generated.objects);
    for (const object of before.objects) if (!now.has(object)) goneObjects.push(object);
    for (const object of generated.objects) {
      if (kept.has(object)) reads.delete(object);
      else reads.set(object, [...(passOneReads.get(object) ?? []), ...(reads.get(object) ?? [])]);
    }
  }
  return { nodes, applications, removedIds, reads, goneObjects };
}
