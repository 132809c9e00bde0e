// A model patch's part for Applications a root now creates or no more creates: child nodes made from orphans, or removed.
import { readApplication } from '../argo/readApplication';
import type { IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { originKey } from './declaredObjects';
import type { ApplicationRecord, ModelRecord } from './keptModel';
import { leafApplicationNode } from './leafNode';
import { NO_NODE_CHANGES, type NodeChanges } from './nodeChanges';
import type { WrittenObjectsPatch } from './patchWrittenObjects';
import { createsAnything } from './patchPassOne';
import { renderApplication, type RenderContext } from './renderApplication';
import { deployedOnlyProjects } from './renderedObjects';
import type { AppNode } from './types';

/**
 * The model's changes for the Applications written roots now create or no more create (see `WrittenObjectsPatch.creations`:
 * each one no more created is an orphan now, each one now created was one): a child no more created loses its node,
 * which must be a leaf; a child now created gets a node as a build's visit makes it, on the object the root's render
 * creates (its id is its place). The roots' nodes get their children again in the patch's loop (see `childIdsAfter`).
 * Undefined when only a build can tell: the creator is not a root node on its written object, a child creates
 * anything, or its AppProjects would change the model's.
 */
export function followCreatedLeaves(written: WrittenObjectsPatch | undefined, record: ModelRecord, index: RepoIndex, context: RenderContext): NodeChanges | undefined {
  if (written === undefined || written.creations.length === 0) return NO_NODE_CHANGES;
  const nodes = new Map<string, AppNode>();
  const applications = new Map<string, ApplicationRecord>();
  const removedIds = new Set<string>();
  const reads = new Map<KubeObject, readonly (readonly IndexRead[])[]>();
  const goneObjects: KubeObject[] = [];
  const writtenProjectPlaces = new Set(written.declared.projects.map((object) => originKey(object.origin)));
  for (const { creator, removed, added } of written.creations) {
    const parent = record.model.nodesById.get(originKey(creator.origin));
    if (parent === undefined || parent.object !== creator || !record.model.rootIds.includes(parent.id)) return undefined;
    for (const object of removed) {
      const id = originKey(object.origin);
      const node = record.model.nodesById.get(id);
      if (node === undefined || node.object !== object || node.ordering.parentId !== parent.id || node.childIds.length > 0) return undefined;
      if (deployedOnlyProjects(node, writtenProjectPlaces).length > 0) return undefined;
      removedIds.add(id);
      goneObjects.push(object);
    }
    for (const object of added) {
      const id = originKey(object.origin);
      if (record.model.nodesById.has(id)) return undefined;
      const { value: reading, reads: readingReads } = index.recordReadsApart(() => readApplication(object, index));
      if (reading.application.looksLikePatch) return undefined;
      const { value: render, reads: renderReads } = index.recordReadsApart(() => renderApplication(reading.application, context));
      if (createsAnything(render)) return undefined;
      const node = leafApplicationNode(id, object, reading.application, render, { parent }, record.healthCheckFile);
      if (deployedOnlyProjects(node, writtenProjectPlaces).length > 0) return undefined;
      nodes.set(id, node);
      applications.set(id, { reading, render, generated: false, cycleProblems: [] } satisfies ApplicationRecord);
      reads.set(object, [...readingReads, ...renderReads]);
    }
  }
  return { nodes, applications, removedIds, reads, goneObjects };
}
