// Plain-data views of the model for hosts: the boot plan (apps with waves and needs) and the tree (apps with resources).
import type { Analysis } from '../analyze';
import { locateField } from '../kube/locateObject';
import type { ObjectOrigin } from '../kube/kubeObject';
import type { DependencyGraph } from '../dependencies/types';
import type { AppNode, Gating } from '../model/types';
import { planDependencies, type PlanDependencies, type PlanDependency } from './planDependencies';
import { planNotes, type PlanNote } from './planNotes';
import { nodesInSyncOrder } from '../model/syncOrder';

/** One Application or ApplicationSet in the plan. Lines are 1-based, as people and SARIF count. */
export interface PlanApplication {
  readonly id: string;
  readonly name: string;
  readonly kind: 'Application' | 'ApplicationSet';
  readonly file: string;
  readonly line: number;
  readonly wave: number;
  /** `sync-wave`, `hook-weight` or `default`. */
  readonly waveSource: string;
  /** Id of the Application whose sync creates it, or null. */
  readonly parent: string | null;
  /** Id of the ApplicationSet that generated it, or null. */
  readonly generatedBy: string | null;
  readonly destinationNamespace: string | null;
  readonly gating: Gating;
  readonly explanation: string;
  /** The apps it needs (dependency edges from it), with whether each is ready first. */
  readonly waitsFor: readonly PlanDependency[];
  /** The apps that need it. */
  readonly neededBy: readonly PlanDependency[];
  /** Where the real order differs from the written one for this app. */
  readonly notes: readonly PlanNote[];
}

/** The boot plan as data (what `plan --format json` prints). */
export interface PlanView {
  readonly repository: { readonly urls: readonly string[]; readonly how: string };
  readonly healthCheck: { readonly file: string; readonly line: number; readonly format: string } | null;
  readonly roots: readonly string[];
  readonly applications: readonly PlanApplication[];
  readonly orphans: readonly { readonly kind: string; readonly name: string; readonly file: string; readonly line: number }[];
}

/** Builds the plan view of an analysis; the dependency graph is a parameter so hosts and tests can pass their own. */
export function planView(analysis: Analysis, graph: DependencyGraph = analysis.graph): PlanView {
  const { model } = analysis;
  const dependencies = planDependencies(model, graph);
  const health = model.healthCustomizations[0];
  return {
    repository: { urls: model.repository.urls, how: model.repository.how },
    healthCheck: health ? { file: health.location.file, line: analysis.index.position(health.location).line + 1, format: `${health.container}/${health.format}` } : null,
    roots: model.rootIds,
    applications: nodesInSyncOrder(model).map((node) => planApplication(analysis, node, dependencies)),
    orphans: model.orphans.map((object) => ({ kind: object.kind, name: object.name, file: object.origin.file, line: nameLine(analysis, object.origin) })),
  };
}

function planApplication(analysis: Analysis, node: AppNode, dependencies: PlanDependencies): PlanApplication {
  const waitsFor = dependencies.waitsFor.get(node.id) ?? [];
  return {
    id: node.id,
    name: node.name,
    kind: node.kind,
    file: node.origin.file,
    line: nameLine(analysis, node.origin),
    wave: node.wave.wave,
    waveSource: node.wave.source,
    parent: node.ordering.parentId ?? null,
    generatedBy: node.generatedById ?? null,
    destinationNamespace: node.destinationNamespace ?? null,
    gating: node.ordering.gating,
    explanation: node.ordering.explanation,
    waitsFor,
    neededBy: dependencies.neededBy.get(node.id) ?? [],
    notes: planNotes(analysis.model, node, waitsFor),
  };
}

/** The 1-based line of an object's `metadata.name` (or its closest written ancestor). */
export function nameLine(analysis: Analysis, origin: ObjectOrigin): number {
  return analysis.index.position(locateField(analysis.index, origin, ['metadata', 'name'])).line + 1;
}

/** One node of the tree view: an app with its children and resources. */
export interface TreeNode {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly wave: number;
  readonly gating: Gating;
  readonly file: string;
  readonly line: number;
  /** Why the resource list is incomplete, e.g. "rendered by Helm, not expanded". */
  readonly notExpanded: readonly string[];
  readonly externalSources: readonly string[];
  readonly children: readonly TreeNode[];
  readonly resources: readonly { readonly kind: string; readonly name: string; readonly namespace: string | null; readonly wave: number; readonly hooks: readonly string[]; readonly file: string; readonly line: number }[];
}

/** Builds the tree view: roots → ApplicationSets → Applications → resources. */
export function treeView(analysis: Analysis): TreeNode[] {
  const { model } = analysis;
  const build = (id: string, seen: Set<string>): TreeNode | undefined => {
    const node = model.nodesById.get(id);
    if (!node || seen.has(id)) return undefined;
    const nextSeen = new Set(seen).add(id);
    return {
      id: node.id,
      kind: node.kind,
      name: node.name,
      wave: node.wave.wave,
      gating: node.ordering.gating,
      file: node.origin.file,
      line: nameLine(analysis, node.origin),
      notExpanded: node.renders.map((render) => render.notExpanded).filter((text): text is string => text !== undefined),
      externalSources: node.externalSources,
      children: node.childIds.map((childId) => build(childId, nextSeen)).filter((child): child is TreeNode => child !== undefined),
      resources: node.resources.map((resource) => ({
        kind: resource.object.kind,
        name: resource.object.name,
        namespace: resource.object.namespace ?? null,
        wave: resource.wave.wave,
        hooks: resource.hooks,
        file: resource.object.origin.file,
        line: nameLine(analysis, resource.object.origin),
      })),
    };
  };
  return model.rootIds.map((id) => build(id, new Set())).filter((node): node is TreeNode => node !== undefined);
}
