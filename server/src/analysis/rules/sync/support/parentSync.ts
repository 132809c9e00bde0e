// What one parent Application's sync applies, wave by wave: its child Applications, ApplicationSets and resources.
import type { KubeObject } from '../../../kube/kubeObject';
import { hookTypes } from '../../../model/hooks';
import { NodesWhere } from '../../../model/nodePositions';
import type { AppNode, RepositoryModel } from '../../../model/types';

/** One object of a parent's sync, with the wave and phase Argo CD gives it. */
export interface SyncItem {
  readonly object: KubeObject;
  readonly wave: number;
  /** Hook phases (`PreSync`, `PostSync`…); empty for ordinary resources, which run in the Sync phase. */
  readonly hooks: readonly string[];
  /** The model node when the item is a child Application or ApplicationSet. */
  readonly child: AppNode | undefined;
}

/** Phases in Argo CD's order (`sync_tasks.go`); delete-time hooks and Skip are not part of a sync. */
const PHASE_ORDER: Readonly<Record<string, number>> = { PreSync: -1, Sync: 0, PostSync: 1 };

/** Everything a parent's sync applies: the children it orders, then its other resources. */
export function syncItems(model: RepositoryModel, parent: AppNode): SyncItem[] {
  const items: SyncItem[] = [];
  for (const childId of parent.childIds) {
    const child = model.nodesById.get(childId);
    if (!child || child.ordering.parentId !== parent.id) continue;
    items.push({ object: child.object, wave: child.wave.wave, hooks: hookTypes(child.object), child });
  }
  for (const resource of parent.resources) items.push({ object: resource.object, wave: resource.wave.wave, hooks: resource.hooks, child: undefined });
  return items;
}

/** The sync phase an item runs in, or undefined when it never runs during a sync (Skip, delete hooks). */
export function phaseOf(item: SyncItem): number | undefined {
  if (item.hooks.length === 0) return PHASE_ORDER.Sync;
  const phases = item.hooks.map((hook) => PHASE_ORDER[hook]).filter((phase): phase is number => phase !== undefined);
  return phases.length === 0 ? undefined : Math.min(...phases);
}

/**
 * A test of whether some item of the same sync runs after an item finished its wave: a later wave of
 * the same phase, or any later phase. Those are what a health gate on the item holds back. Worked out
 * once per sync: an item has later work exactly when it is not among the sync's latest (phase, wave).
 */
export function laterWorkIn(items: readonly SyncItem[]): (item: SyncItem) => boolean {
  let latestPhase: number | undefined;
  let latestWave = 0;
  for (const item of items) {
    const phase = phaseOf(item);
    if (phase === undefined) continue;
    if (latestPhase === undefined || phase > latestPhase || (phase === latestPhase && item.wave > latestWave)) {
      latestPhase = phase;
      latestWave = item.wave;
    }
  }
  return (item) => {
    const phase = phaseOf(item);
    if (phase === undefined || latestPhase === undefined) return false;
    return phase < latestPhase || (phase === latestPhase && item.wave < latestWave);
  };
}

/**
 * The Application nodes that parent other Applications or ApplicationSets (in wave order), once per model, followed
 * from the last model by place: a node's test reads its children, and a model patch makes the parent of a replaced
 * node another object too, so a node at the same place, the same object, still passes or fails it.
 */
export function parentsWithChildren(model: RepositoryModel): readonly AppNode[] {
  let parents = parentsByModel.get(model);
  if (parents === undefined) parentsByModel.set(model, (parents = parentsFollowed.of(model.nodes, model)));
  return parents;
}

const parentsFollowed = new NodesWhere<RepositoryModel>(
  (node, model) => node.kind === 'Application' && node.childIds.some((id) => model.nodesById.get(id)?.ordering.parentId === node.id),
);

/** The parents of each model (three sync checks ask for them). */
const parentsByModel = new WeakMap<RepositoryModel, readonly AppNode[]>();
