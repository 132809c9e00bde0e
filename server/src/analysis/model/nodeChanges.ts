// Nodes a model patch adds, replaces or removes outside its work loop (sets generating otherwise, Applications that came or went).
import type { IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { ApplicationRecord, ModelRecord } from './keptModel';
import type { AppNode } from './types';

/** What a patch step made of nodes, records and reads; its Application nodes are settled (the work loop leaves them). */
export interface NodeChanges {
  /** New nodes by id (Application nodes of new objects; a set node with other children). */
  readonly nodes: ReadonlyMap<string, AppNode>;
  /** The records of the new Application nodes. */
  readonly applications: ReadonlyMap<string, ApplicationRecord>;
  /** Ids of nodes that went. */
  readonly removedIds: ReadonlySet<string>;
  /** The whole own reads (pass 1's and the reading's) of each new object, node or not. */
  readonly reads: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>;
  /** Objects whose reads go: pass 1 renders them no more. */
  readonly goneObjects: readonly KubeObject[];
}

/** No change. */
export const NO_NODE_CHANGES: NodeChanges = { nodes: new Map(), applications: new Map(), removedIds: new Set(), reads: new Map(), goneObjects: [] };

/** Puts a step's nodes and records among the patch's, and its Application nodes and removed ids among the settled. */
export function takeNodeChanges(changes: NodeChanges, replaced: Map<string, AppNode>, applications: Map<string, ApplicationRecord | undefined>, settled: Set<string>): void {
  for (const [id, node] of changes.nodes) {
    replaced.set(id, node);
    if (node.kind === 'Application') settled.add(id);
  }
  for (const [id, application] of changes.applications) applications.set(id, application);
  for (const id of changes.removedIds) {
    applications.set(id, undefined);
    settled.add(id);
  }
}

/**
 * Once the patch holds: the record's node objects and node reads follow a step's changes. Ids of nodes that went or got
 * new objects leave their previous objects, new objects get their ids, gone objects lose their reads, new ones get theirs.
 */
export function commitNodeChanges(record: ModelRecord, changes: NodeChanges): void {
  const nodeIdsByObject = record.nodeIdsByObject as Map<KubeObject, readonly string[]>;
  const leave = (id: string): void => {
    const previous = record.model.nodesById.get(id);
    if (previous === undefined) return;
    const ids = (nodeIdsByObject.get(previous.object) ?? []).filter((other) => other !== id);
    if (ids.length > 0) nodeIdsByObject.set(previous.object, ids);
    else nodeIdsByObject.delete(previous.object);
  };
  for (const id of changes.removedIds) leave(id);
  for (const [id, node] of changes.nodes) {
    leave(id);
    nodeIdsByObject.set(node.object, [...(nodeIdsByObject.get(node.object) ?? []), id]);
  }
  for (const object of changes.goneObjects) record.nodeReads.forget(object);
  for (const [object, reads] of changes.reads) record.nodeReads.replace(object, reads);
}
