// Rule deps/namespace-not-created: a namespace an Application deploys into that nothing in the repository creates.
import { isClusterScoped } from '../../dependencies/builtinKinds';
import type { DependencyGraph } from '../../dependencies/types';
import type { AppNode, RepositoryModel } from '../../model/types';
import type { SourceLocation } from '../../text/span';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import { argoCdNamespaces } from './support/crossNeeds';
import { syncOptionFix } from './support/syncOptionFixes';

const NO_SCOPES: ReadonlyMap<string, 'Cluster' | 'Namespaced'> = new Map();

/** The unsatisfied namespace needs of one Application for one namespace. */
interface MissingNamespace {
  readonly node: AppNode;
  readonly namespace: string;
  /** True when the destination namespace is among the needs (CreateNamespace=true then fixes it). */
  destination: boolean;
  readonly locations: SourceLocation[];
  readonly objects: string[];
}

/**
 * A namespace no Application creates: no CreateNamespace=true, no Namespace manifest, not a
 * system namespace nor one where Argo CD's own Applications live. Needs another Application
 * provides (in whatever order) are the waves/dependency-* rules' business. Capped at info when
 * the Application deploys content the analysis cannot see (a Helm chart, a plugin), which might
 * create it.
 */
export const namespaceNotCreated = defineCheck(
  {
    id: 'deps/namespace-not-created',
    defaultSeverity: 'warning',
    summary: "An Application's destination namespace (or a resource's namespace) that nothing creates: no CreateNamespace=true, no Namespace manifest.",
  },
  (context) => {
    const { index, model, graph } = context;
    const problems: Problem[] = [];
    for (const missing of missingNamespaces(model, graph)) {
      const { node, namespace } = missing;
      if (missing.destination && !usesDestinationNamespace(node) && missing.objects.length === 0) continue;
      const hidden = hiddenContent(node);
      const what = missing.destination
        ? `Destination namespace ${namespace} of ${node.name}`
        : `Namespace ${namespace} of ${missing.objects.slice(0, 3).join(', ')}${missing.objects.length > 3 ? ` and ${missing.objects.length - 3} more` : ''} (in ${node.name})`;
      const createNamespace = missing.destination
        ? `${node.name} has no CreateNamespace=true`
        : `CreateNamespace=true creates only an Application's destination namespace (argo-cd #11625)`;
      const message = `${what} is created by nothing: ${createNamespace}, and no Application of this repository deploys a Namespace ${namespace}. Argo CD cannot apply its namespaced resources there (namespaces "${namespace}" not found)${hidden ? `, unless ${hidden} creates it` : ''}.`;
      const found = problem(
        namespaceNotCreated,
        message,
        missing.locations[0]!,
        missing.locations.slice(1).map((location) => ({ message: `also in namespace ${namespace}`, location })),
      );
      const capped = hidden ? { ...found, severityCap: 'info' as const } : found;
      const fix = missing.destination ? syncOptionFix(index, model, node, 'CreateNamespace', true) : undefined;
      problems.push(fix ? { ...capped, fixes: [fix] } : capped);
    }
    return problems;
  },
);

/** Unsatisfied namespace needs grouped by Application and namespace, skipping namespaces Argo CD's Applications live in. */
/** An unsatisfied need of a namespace, with the namespace and the key of its dependent and namespace. */
interface NamespaceNeed {
  readonly need: DependencyGraph['unsatisfied'][number];
  readonly namespace: string;
  readonly key: string;
}

/** The namespace needs of a list of unsatisfied needs, once per list (a kept graph keeps its list). */
function namespaceNeedsOf(unsatisfied: DependencyGraph['unsatisfied']): readonly NamespaceNeed[] {
  let needs = namespaceNeedsByList.get(unsatisfied);
  if (needs === undefined) {
    needs = unsatisfied
      .filter((need) => need.kind === 'namespace')
      .map((need) => {
        const namespace = need.need.replace(/^Namespace /, '');
        return { need, namespace, key: `${need.dependent.nodeId}\u0000${namespace}` };
      });
    namespaceNeedsByList.set(unsatisfied, needs);
  }
  return needs;
}

const namespaceNeedsByList = new WeakMap<DependencyGraph['unsatisfied'], readonly NamespaceNeed[]>();

function missingNamespaces(model: RepositoryModel, graph: DependencyGraph): MissingNamespace[] {
  const argoNamespaces = argoCdNamespaces(model);
  const groups = new Map<string, MissingNamespace>();
  for (const { need, namespace, key } of namespaceNeedsOf(graph.unsatisfied)) {
    const node = model.nodesById.get(need.dependent.nodeId);
    if (!node || argoNamespaces.has(namespace)) continue;
    const group = groups.get(key) ?? { node, namespace, destination: false, locations: [], objects: [] };
    if (need.dependent.object === undefined) {
      group.destination = true;
      group.locations.unshift(need.dependent.location);
    } else {
      group.objects.push(need.dependent.object);
      group.locations.push(need.dependent.location);
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * True when the Application deploys a namespaced object into its destination namespace (its own
 * or by default), or when some of its content is not rendered here (then assume it does).
 */
function usesDestinationNamespace(node: AppNode): boolean {
  if (hiddenContent(node) !== undefined || node.resources.length === 0) return true;
  return node.resources.some(
    (resource) =>
      (resource.object.namespace === undefined || resource.object.namespace === node.destinationNamespace) &&
      !isClusterScoped(resource.object.group, resource.object.kind, NO_SCOPES),
  );
}

/** What of the Application the analysis cannot see: a Helm chart it does not expand, or a plugin. */
function hiddenContent(node: AppNode): string | undefined {
  const charts = node.renders.flatMap((render) => render.helmCharts.map((chart) => chart.name));
  if (charts.length > 0) return `its Helm chart ${charts[0]}`;
  if (node.externalSources.length > 0) return `its external source (${node.externalSources[0]})`;
  const unexpanded = node.renders.find((render) => render.notExpanded !== undefined);
  return unexpanded ? `what the analysis does not expand (${unexpanded.notExpanded})` : undefined;
}
