// Matching needs against providers, node by node: a kept graph matches again only the nodes an edit can have changed.
import { locateField } from '../kube/locateObject';
import type { RepositoryModel } from '../model/types';
import type { RepoIndex } from '../repoIndex';
import type { Need } from './collectNeeds';
import { graphOrder } from './graphOrder';
import { ProviderIndex, type Provider } from './providerIndex';
import type { DependencyEdge, DependencyGraph } from './types';

/** A need nothing satisfies, as the graph lists it. */
export type UnsatisfiedNeed = DependencyGraph['unsatisfied'][number];

/** What one node's needs matched: its edges as the dependent, and its needs nothing satisfies, in need order. */
export interface NodeMatch {
  readonly edges: readonly DependencyEdge[];
  readonly unsatisfied: readonly UnsatisfiedNeed[];
}

/** What matching reads besides a node's needs. */
export interface MatchContext {
  readonly providers: ProviderIndex;
  /** Applications and ApplicationSets by name (explicit dependencies), made when first asked for. */
  readonly applications: () => ProviderIndex;
  /** Namespaces that exist before any sync (see {@link argoCdNamespacesOf}). */
  readonly argoCdNamespaces: ReadonlySet<string>;
  /** True to give an edge made before from the same need and provider objects (see {@link keptEdgeOf}). */
  readonly reuseEdges: boolean;
}

/** The context of matching the needs of `model`'s nodes against `providers`. */
export function matchContextOf(index: RepoIndex, model: RepositoryModel, providers: ProviderIndex, reuseEdges: boolean): MatchContext {
  let applications: ProviderIndex | undefined;
  return { providers, applications: () => (applications ??= applicationProviders(index, model)), argoCdNamespaces: argoCdNamespacesOf(model), reuseEdges };
}

/** Matches one node's needs: each need's providers in index order give one edge each. */
export function matchNode(needs: readonly Need[], context: MatchContext): NodeMatch {
  if (needs.length === 0) return NO_MATCH;
  const edgeOf = context.reuseEdges ? keptEdgeOf : makeEdge;
  const edges: DependencyEdge[] = [];
  const unsatisfied: UnsatisfiedNeed[] = [];
  for (const need of needs) {
    // Argo CD runs in the namespaces its Applications live in: they exist before any sync.
    if (need.kind === 'namespace' && context.argoCdNamespaces.has(need.key)) continue;
    const found = need.kind === 'explicit' ? context.applications().get('explicit', need.key) : context.providers.get(need.kind, need.key);
    if (found.length === 0) {
      if (!need.quietWhenUnsatisfied) unsatisfied.push({ kind: need.kind, dependent: need.dependent, need: need.wanted });
      continue;
    }
    for (const provider of found) edges.push(edgeOf(need, provider));
  }
  return edges.length === 0 && unsatisfied.length === 0 ? NO_MATCH : { edges, unsatisfied };
}

const NO_MATCH: NodeMatch = { edges: [], unsatisfied: [] };

/**
 * The graph of the nodes' matches, in graph order (see `graphOrder`), `nodeIds` naming each match's node (every need
 * of a node has it as its dependent): their edges and unsatisfied needs one after the other, each node's edges as its
 * list by dependent, and the lists by provider grouped when first asked for (nothing in the analysis asks).
 */
export function graphOfMatches(matches: readonly NodeMatch[], nodeIds: readonly string[]): DependencyGraph {
  const edges: DependencyEdge[] = [];
  const unsatisfied: UnsatisfiedNeed[] = [];
  const byDependent = new Map<string, readonly DependencyEdge[]>();
  matches.forEach((match, position) => {
    if (match.edges.length > 0) byDependent.set(nodeIds[position] as string, match.edges);
    for (const edge of match.edges) edges.push(edge);
    for (const need of match.unsatisfied) unsatisfied.push(need);
  });
  let byProvider: ReadonlyMap<string, readonly DependencyEdge[]> | undefined;
  return {
    edges,
    byDependent,
    get byProvider() {
      return (byProvider ??= groupBy(edges, (edge) => edge.provider.nodeId));
    },
    unsatisfied,
  };
}

/** The namespaces Argo CD itself runs in: `argocd` and every Application's own `metadata.namespace`. */
export function argoCdNamespacesOf(model: RepositoryModel): ReadonlySet<string> {
  const namespaces = new Set(['argocd']);
  for (const node of model.nodes) if (node.object.namespace && !node.object.namespace.includes('{{')) namespaces.add(node.object.namespace);
  return namespaces;
}

/** Edges made per need, with the provider each was made from (a need has few providers, most one). */
const edgesByNeed = new WeakMap<Need, (readonly [Provider, DependencyEdge])[]>();

/**
 * The edge of `need` and `provider`: the one made before from the same two objects (both are immutable), else a
 * new one. With it (a language server), what is kept per edge (its ordering) carries over when a node is matched again.
 */
function keptEdgeOf(need: Need, provider: Provider): DependencyEdge {
  let made = edgesByNeed.get(need);
  for (const [madeFrom, edge] of made ?? []) if (madeFrom === provider) return edge;
  const edge = makeEdge(need, provider);
  if (made === undefined) edgesByNeed.set(need, (made = []));
  made.push([provider, edge]);
  return edge;
}

function makeEdge(need: Need, provider: Provider): DependencyEdge {
  return {
    kind: need.kind,
    dependent: need.dependent,
    provider: provider.end,
    reason: `${need.phrase} ${provider.describe}`,
    evidence: provider.evidence,
    ...(provider.condition !== undefined ? { condition: provider.condition } : {}),
    ...(provider.providedAtRuntime ? { providedAtRuntime: true } : {}),
  };
}

/** Applications and ApplicationSets by name, for the explicit annotation. */
function applicationProviders(index: RepoIndex, model: RepositoryModel): ProviderIndex {
  const byName = new ProviderIndex();
  for (const node of graphOrder(model)) {
    byName.add('explicit', node.name, {
      end: { nodeId: node.id, object: `${node.kind}/${node.name}`, location: locateField(index, node.origin, ['metadata', 'name'], 'value') },
      evidence: 'annotation',
      describe: `${node.kind} ${node.name}`,
    });
  }
  return byName;
}

function groupBy(edges: readonly DependencyEdge[], key: (edge: DependencyEdge) => string): Map<string, DependencyEdge[]> {
  const groups = new Map<string, DependencyEdge[]>();
  for (const edge of edges) {
    const group = groups.get(key(edge));
    if (group) group.push(edge);
    else groups.set(key(edge), [edge]);
  }
  return groups;
}
