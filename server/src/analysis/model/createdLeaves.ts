// A model patch's part for Applications and sets a root now creates or no more creates: child nodes made from orphans, or removed.
import { readApplication } from '../argo/readApplication';
import type { AnalysisMemo } from '../incremental/analysisMemo';
import type { IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { applicationSetOf, fixedTemplateNamespace } from './applicationSets';
import { isArgoKind, originKey } from './declaredObjects';
import { generatedInNameOrder } from './generatedApplications';
import type { ExpansionResult } from '../appsets/expansionTypes';
import type { ApplicationRecord, GeneratedPassOne, ModelRecord } from './keptModel';
import { leafApplicationNode } from './leafNode';
import { NO_NODE_CHANGES, type NodeChanges } from './nodeChanges';
import type { WrittenObjectsPatch } from './patchWrittenObjects';
import { createsAnything } from './patchPassOne';
import { orderingOf } from './ordering';
import { renderApplication, type ApplicationRender, type RenderContext } from './renderApplication';
import { createdObjectsOfApplication, deployedOnlyProjects } from './renderedObjects';
import { effectiveWave } from './syncWave';
import type { AppNode } from './types';

/**
 * The model's changes for the Applications and sets written Applications now create or no more create (see
 * `WrittenObjectsPatch.creations`: each one no more created is an orphan now, each one now created was one): a child no
 * more created loses its node (a set's with its generated nodes), which must create nothing; a child now created gets
 * its node as a build's visit makes it, on the object the creator's render creates (its id is its place; a set's
 * generated nodes are pass 1's Applications of its written set). The creators' nodes get their children again in the
 * patch's loop (see `childIdsAfter`). Undefined when only a build can tell: the creator's node is generated, or renders
 * otherwise than pass 1 rendered its written document, the model has creation loops, a child creates anything, two
 * generated Applications share a name, or AppProjects deployed would change the model's.
 */
export function followCreatedLeaves(written: WrittenObjectsPatch | undefined, record: ModelRecord, index: RepoIndex, context: RenderContext, memo: AnalysisMemo): NodeChanges | undefined {
  if (written === undefined || written.creations.length === 0) return NO_NODE_CHANGES;
  const changes: CreatedLeafChanges = { nodes: new Map(), applications: new Map(), removedIds: new Set(), reads: new Map(), goneObjects: [] };
  const writtenProjectPlaces = new Set(written.declared.projects.map((object) => originKey(object.origin)));
  const deploysProjects = (node: AppNode): boolean => deployedOnlyProjects(node, writtenProjectPlaces).length > 0;
  // With creation loops a build starts from nodes no decision names, in candidate order: only a build can tell.
  if (record.model.rootIds.length !== record.passOne.decision.rootKeys.length) return undefined;
  for (const { creator, removed, added } of written.creations) {
    // The creator's node: a root on its written object, or another's child on the copy its parent's render creates.
    // Its children are the objects its node's render creates (the patch's loop renders it again: the same render).
    const parent = record.model.nodesById.get(originKey(creator.origin));
    const parentRecord = parent === undefined ? undefined : record.applications.get(parent.id);
    if (parent === undefined || parentRecord === undefined || parent.generatedById !== undefined) return undefined;
    const nodeRender = parent.object === creator ? undefined : index.recordReadsApart(() => renderApplication(parentRecord.reading.application, context)).value;
    const createdByPlace = new Map(nodeRender === undefined ? [] : createdObjectsOfApplication(nodeRender).map((object) => [originKey(object.origin), object]));
    for (const object of removed) {
      const id = originKey(object.origin);
      const node = record.model.nodesById.get(id);
      if (node === undefined || node.ordering.parentId !== parent.id || deploysProjects(node)) return undefined;
      changes.removedIds.add(id);
      changes.goneObjects.push(node.object);
      if (node.kind === 'Application') {
        if (node.childIds.length > 0) return undefined;
        continue;
      }
      // A set's generated nodes go with it; pass 1 still generates its written set's Applications (their reads stay).
      if (!removeGeneratedNodes(node, record, deploysProjects, new Set(written.passOneGenerated.get(id)?.objects ?? []), changes)) return undefined;
    }
    for (const created of added) {
      const id = originKey(created.origin);
      const object = nodeRender === undefined ? created : createdByPlace.get(id);
      if (object === undefined || record.model.nodesById.has(id)) return undefined;
      const expansion = memo.lastExpansionOf(id);
      const generated = written.passOneGenerated.get(id);
      const made = isArgoKind(object, 'ApplicationSet')
        ? expansion !== undefined &&
          generated !== undefined &&
          // Pass 1's reads of its Applications: this patch's (a set whose file came), or the kept ones.
          addSetNode(object, parent, expansion, generated, (generatedObject) => written.passOneReads.get(generatedObject) ?? record.nodeReads.readsOf(generatedObject) ?? [], record, index, changes)
        : addApplicationNode(object, parent, record, index, context, written.passOneReads.get(object) ?? [], changes);
      if (!made) return undefined;
    }
  }
  for (const node of changes.nodes.values()) if (deploysProjects(node)) return undefined;
  return changes;
}

/**
 * Removes a set node's generated nodes (leaves, deploying no AppProject written nowhere): their ids go, and so do
 * their objects' reads but those of `keptObjects` (pass 1 still renders them). False when one is not such a leaf.
 */
export function removeGeneratedNodes(
  setNode: AppNode,
  record: ModelRecord,
  deploysProjects: (node: AppNode) => boolean,
  keptObjects: ReadonlySet<KubeObject>,
  changes: Pick<CreatedLeafChanges, 'removedIds' | 'goneObjects'>,
): boolean {
  for (const childId of setNode.childIds) {
    const child = record.model.nodesById.get(childId);
    if (child === undefined || child.childIds.length > 0 || deploysProjects(child)) return false;
    changes.removedIds.add(childId);
    if (!keptObjects.has(child.object)) changes.goneObjects.push(child.object);
  }
  return true;
}

/** Node changes being collected. */
interface CreatedLeafChanges extends NodeChanges {
  readonly nodes: Map<string, AppNode>;
  readonly applications: Map<string, ApplicationRecord>;
  readonly removedIds: Set<string>;
  readonly reads: Map<KubeObject, readonly (readonly IndexRead[])[]>;
  readonly goneObjects: KubeObject[];
}

/**
 * The node of an Application `parent` now creates (read and rendered as a build's visit does); false when it creates
 * anything. Its object's reads are pass 1's of it in this patch (`passOneReads`: one whose file came) and the node's.
 */
function addApplicationNode(
  object: KubeObject,
  parent: AppNode,
  record: ModelRecord,
  index: RepoIndex,
  context: RenderContext,
  passOneReads: readonly (readonly IndexRead[])[],
  changes: CreatedLeafChanges,
): boolean {
  const id = originKey(object.origin);
  const { value: reading, reads: readingReads } = index.recordReadsApart(() => readApplication(object, index));
  const { value: render, reads: renderReads } = index.recordReadsApart(() => renderApplication(reading.application, context));
  if (createsAnything(render)) return false;
  changes.nodes.set(id, leafApplicationNode(id, object, reading.application, render, { parent }, record.healthCheckFile));
  changes.applications.set(id, { reading, render, generated: false, cycleProblems: [] } satisfies ApplicationRecord);
  changes.reads.set(object, [...passOneReads, ...readingReads, ...renderReads]);
  return true;
}

/** Node changes being collected (see {@link addSetNode}). */
export type NodeChangesSink = Pick<CreatedLeafChanges, 'nodes' | 'applications' | 'reads'>;

/**
 * The node of a set (`parent` creates it, or it is a root) and its generated nodes, as a build's visit makes them:
 * the set's place expands as its written set does in this patch (a build expands each place once), so its
 * Applications are pass 1's objects (`generated`), with pass 1's renders; their reads are pass 1's
 * (`passOneReadsOf`) and their readings'. False when one of them creates anything, or two share a name.
 */
export function addSetNode(
  object: KubeObject,
  parent: AppNode | undefined,
  expansion: ExpansionResult,
  generated: GeneratedPassOne,
  passOneReadsOf: (object: KubeObject) => readonly (readonly IndexRead[])[],
  record: ModelRecord,
  index: RepoIndex,
  changes: NodeChangesSink,
): boolean {
  const id = originKey(object.origin);
  if (generated.renders.some(createsAnything)) return false;
  const renderOf = new Map<KubeObject, ApplicationRender>();
  generated.objects.forEach((generatedObject, position) => renderOf.set(generatedObject, generated.renders[position] as ApplicationRender));
  const applicationSet = applicationSetOf(object, index);
  const wave = effectiveWave(object);
  const childIds: string[] = [];
  const setNode: AppNode = {
    id,
    kind: 'ApplicationSet',
    name: object.name,
    object,
    origin: object.origin,
    wave,
    ordering: orderingOf({ kind: 'ApplicationSet', wave: wave.wave, parent: parent ? { id: parent.id, name: parent.name } : undefined, generatedBy: undefined, healthCheckFile: record.healthCheckFile }),
    generatedById: undefined,
    generatorParameters: undefined,
    application: undefined,
    applicationSet,
    renders: [],
    externalSources: [],
    childIds,
    childIdsInRenderOrder: childIds,
    resources: [],
    destinationNamespace: fixedTemplateNamespace(applicationSet),
  };
  for (const { generatedObject, parameters } of generatedInNameOrder(object, expansion)) {
    const childId = `${id}/${generatedObject.name}`;
    const render = renderOf.get(generatedObject);
    // A build gives a second Application of one name another id (`~2`): only a build can tell which.
    if (render === undefined || childIds.includes(childId) || record.model.nodesById.has(childId)) return false;
    childIds.push(childId);
    const { value: reading, reads: readingReads } = index.recordReadsApart(() => readApplication(generatedObject, index));
    changes.nodes.set(childId, leafApplicationNode(childId, generatedObject, reading.application, render, { generator: setNode, parameters }, record.healthCheckFile));
    changes.applications.set(childId, { reading, render, generated: true, cycleProblems: [] } satisfies ApplicationRecord);
    // Pass 1's reads of the object stay with its node's reading.
    changes.reads.set(generatedObject, [...passOneReadsOf(generatedObject), ...readingReads]);
  }
  changes.nodes.set(id, setNode);
  return true;
}
