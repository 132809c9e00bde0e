// What each app waits for and what waits for it: the dependency edges between apps, grouped per node for the plan.
import type { DependencyGraph, DependencyKind } from '../dependencies/types';
import type { RepositoryModel } from '../model/types';
import type { EdgeOrderingKind } from '../ordering/edgeOrdering';
import { orderedEdgesOf } from '../rules/deps/support/needGroups';

/** One need between two apps, seen from one side: `id` is the other app. */
export interface PlanDependency {
  /** Id of the other app: the provider in `waitsFor`, the dependent in `neededBy`. */
  readonly id: string;
  readonly name: string;
  readonly kind: DependencyKind;
  /** E.g. "uses CRD certificates.cert-manager.io". */
  readonly reason: string;
  /** Whether Argo CD makes the provider ready before the dependent (see `orderingOfEdge`). */
  readonly ordering: EdgeOrderingKind;
  readonly explanation: string;
  /** Id of another provider of the same need that is ready first (so this ordering does not matter), or null. */
  readonly satisfiedBy: string | null;
}

/** The needs of every app, by node id; edges inside one app are left out (its own sync orders them). */
export interface PlanDependencies {
  readonly waitsFor: ReadonlyMap<string, readonly PlanDependency[]>;
  readonly neededBy: ReadonlyMap<string, readonly PlanDependency[]>;
}

/** Groups the graph's edges between apps per dependent and per provider, one entry per (app, kind, reason). */
export function planDependencies(model: RepositoryModel, graph: DependencyGraph): PlanDependencies {
  const waitsFor = new Map<string, PlanDependency[]>();
  const neededBy = new Map<string, PlanDependency[]>();
  const seen = new Set<string>();
  for (const { edge, ordering: { ordering, explanation }, satisfiedBy } of orderedEdgesOf(model, graph)) {
    const dependentId = edge.dependent.nodeId;
    const providerId = edge.provider.nodeId;
    if (dependentId === providerId) continue;
    const key = `${dependentId}\u0000${providerId}\u0000${edge.kind}\u0000${edge.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = { kind: edge.kind, reason: edge.reason, ordering, explanation, satisfiedBy: satisfiedBy ?? null };
    push(waitsFor, dependentId, { id: providerId, name: model.nodesById.get(providerId)?.name ?? providerId, ...entry });
    push(neededBy, providerId, { id: dependentId, name: model.nodesById.get(dependentId)?.name ?? dependentId, ...entry });
  }
  for (const list of [...waitsFor.values(), ...neededBy.values()]) list.sort(byNameKindReason);
  return { waitsFor, neededBy };
}

function push(map: Map<string, PlanDependency[]>, key: string, value: PlanDependency): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byNameKindReason(a: PlanDependency, b: PlanDependency): number {
  return compare(a.name, b.name) || compare(a.id, b.id) || compare(a.kind, b.kind) || compare(a.reason, b.reason);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
