// Where a resource sits in its Application's sync (phase, then wave), and finding an edge's object among the resources.
import { getPath } from '../kube/kubeObject';
import type { AppNode, ResourceNode } from '../model/types';

/** Sync phases in the order Argo CD runs them (`sync_tasks.go`: PreSync -1, Sync 0, PostSync 1). */
const PHASE_ORDER: Readonly<Record<string, number>> = { PreSync: -1, Sync: 0, PostSync: 1 };

/** A point of one sync: the phase (-1 PreSync, 0 Sync, 1 PostSync) and the wave inside it. */
export interface SyncPosition {
  readonly phase: number;
  readonly wave: number;
}

/**
 * The earliest point of the sync where a resource is applied, or undefined when an ordinary sync
 * never applies it (`Skip`, `SyncFail` only, or deletion hooks only).
 */
export function syncPositionOf(resource: ResourceNode): SyncPosition | undefined {
  if (resource.hooks.length === 0) return { phase: 0, wave: resource.wave.wave };
  const phases = resource.hooks.map((hook) => PHASE_ORDER[hook]).filter((phase): phase is number => phase !== undefined);
  if (phases.length === 0) return undefined;
  return { phase: Math.min(...phases), wave: resource.wave.wave };
}

/** Negative when `a` comes first, 0 at the same point, positive when `a` comes later. */
export function compareSyncPositions(a: SyncPosition, b: SyncPosition): number {
  return a.phase - b.phase || a.wave - b.wave;
}

/** Reads a position as people say it: "wave 2", or "PreSync wave 0" for hooks. */
export function describeSyncPosition(position: SyncPosition): string {
  const phase = position.phase < 0 ? 'PreSync ' : position.phase > 0 ? 'PostSync ' : '';
  return `${phase}wave ${position.wave}`;
}

/**
 * The resource of `node` that an edge end names (`Kind/name`, or `group/Kind` for a CRD), at its
 * earliest sync position; undefined when the label names nothing the node renders.
 */
export function findEdgeResource(node: AppNode, objectLabel: string | undefined): EdgeResource | undefined {
  if (objectLabel === undefined) return undefined;
  // A node's resources never change (an edit makes another node object): each label is looked for once per node.
  let found = edgeResourcesByNode.get(node);
  if (found === undefined) edgeResourcesByNode.set(node, (found = new Map()));
  let answer = found.get(objectLabel);
  if (answer === undefined) found.set(objectLabel, (answer = lookForEdgeResource(node, objectLabel) ?? null));
  return answer ?? undefined;
}

/** A resource an edge end names, at its earliest sync position. */
export interface EdgeResource {
  readonly resource: ResourceNode;
  readonly position: SyncPosition;
}

/** Per node object, per label: the resource found (null: none), since the checks and orderings ask again after every edit. */
const edgeResourcesByNode = new WeakMap<AppNode, Map<string, EdgeResource | null>>();

function lookForEdgeResource(node: AppNode, objectLabel: string): EdgeResource | undefined {
  const byKindAndName = node.resources.filter((resource) => `${resource.object.kind}/${resource.object.name}` === objectLabel);
  const matches = byKindAndName.length > 0 ? byKindAndName : node.resources.filter((resource) => definesCustomResource(resource, objectLabel));
  let best: { resource: ResourceNode; position: SyncPosition } | undefined;
  for (const resource of matches) {
    const position = syncPositionOf(resource);
    if (position && (!best || compareSyncPositions(position, best.position) < 0)) best = { resource, position };
  }
  return best;
}

/** True when the resource is the CustomResourceDefinition of `group/Kind`. */
function definesCustomResource(resource: ResourceNode, groupAndKind: string): boolean {
  if (resource.object.kind !== 'CustomResourceDefinition') return false;
  const slash = groupAndKind.lastIndexOf('/');
  const group = groupAndKind.slice(0, slash);
  const kind = groupAndKind.slice(slash + 1);
  return getPath(resource.object.body, ['spec', 'group']) === group && getPath(resource.object.body, ['spec', 'names', 'kind']) === kind;
}
