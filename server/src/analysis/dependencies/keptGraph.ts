// The dependency graph kept from the previous analysis: reused while every node contributes the same needs and providers, followed node by node otherwise.
import type { AppNode } from '../model/types';
import { plainEqual } from '../incremental/plainEqual';
import type { Need } from './collectNeeds';
import type { CollectedProviders, ProviderFinding } from './collectProviders';
import type { DependencyGraph } from './types';
import { graphOfMatches, matchNode, type MatchContext, type NodeMatch } from './matchNeeds';
import { KeyPositions } from './keyPositions';
import { followProviders, rematchedNodes, type KeptProviders, type PreviousGraph } from './followGraph';
import { NodeReadTracker } from '../incremental/nodeReadTracker';
import { sameList } from '../incremental/indexReads';

/**
 * What one node brought to a graph: its needs and providers (the very lists), the object naming it, and
 * the parse of the file it is written in (where its name is located for explicit dependencies).
 */
interface NodeContribution {
  readonly id: string;
  readonly object: AppNode['object'];
  readonly originParse: unknown;
  readonly needs: readonly Need[];
  readonly providers: readonly ProviderFinding[];
}

/**
 * The last analysis's graph order and, place by place, each node's lists and contribution, under the serial of its
 * index (the tracker's) and the catalogue's key: a node the next analysis finds at the same place, the same object and
 * untouched takes them as they were.
 */
export interface LastPass {
  readonly serial: number;
  readonly catalogueKey: string;
  readonly nodes: readonly AppNode[];
  readonly needs: readonly (readonly Need[])[];
  readonly providers: readonly (readonly ProviderFinding[])[];
  readonly contributions: readonly NodeContribution[];
}

/** Providers indexed from every node's lists, with the key of the scope table learnt on the way. */
interface IndexedProviders {
  readonly collected: CollectedProviders;
  readonly scopesKey: string;
}

/** What a graph was built from. */
interface GraphInputs {
  readonly catalogueKey: string;
  readonly contributions: readonly NodeContribution[];
}

/**
 * Early cut-off for the dependency graph (a language server's memo). A node's needs or providers
 * computed again but equal to the previous analysis's lists for the same node are replaced by those
 * lists; when then every node, in the same order, brings the same lists, the same manifest object
 * and the same parse of its file (its name, namespace and name's place are read for explicit
 * dependencies and Argo CD's namespaces), the previous graph is the graph: matching would give the
 * same edges in the same order.
 */
export class KeptGraph {
  /** The last lists computed for each node id (also for nodes whose lists were then kept as they were). */
  readonly #needs = new Map<string, readonly Need[]>();
  readonly #providers = new Map<string, readonly ProviderFinding[]>();
  #previous: PreviousGraph | undefined;
  /** Each node's lists as last kept, with the node they were kept for. */
  readonly #lists = new Map<string, { readonly node: AppNode; readonly needs: readonly Need[]; readonly providers: readonly ProviderFinding[] }>();
  /** Which kept nodes an edit can have touched (see `NodeReadTracker`). */
  readonly tracker = new NodeReadTracker();
  /** What the last analysis had at each place of its graph order (see {@link LastPass}). */
  lastPass: LastPass | undefined;
  /** The catalogue and scope-table keys of the previous analysis (the lists depend on them). */
  catalogueKey: string | undefined;
  scopesKey: string | undefined;
  /** The scope table the kept needs were collected with. */
  knownScopes: ReadonlyMap<string, 'Cluster' | 'Namespaced'> | undefined;
  #previousProviders: KeptProviders | undefined;
  #reused = 0;
  #rematched = 0;

  /** Forgets node ids the model no longer has (so their node objects and lists can go). */
  retainNodes(hasNode: (id: string) => boolean): void {
    for (const map of [this.#lists, this.#needs, this.#providers]) for (const id of map.keys()) if (!hasNode(id)) map.delete(id);
    this.tracker.retainNodes(hasNode);
  }

  /** The lists last kept for `node` (the same node object), if any. */
  listsOf(node: AppNode): { readonly needs: readonly Need[]; readonly providers: readonly ProviderFinding[] } | undefined {
    const lists = this.#lists.get(node.id);
    return lists !== undefined && lists.node === node ? lists : undefined;
  }

  /** Keeps `node`'s lists for the next analysis. */
  keepLists(node: AppNode, lists: { readonly needs: readonly Need[]; readonly providers: readonly ProviderFinding[] }): void {
    this.#lists.set(node.id, { node, ...lists });
  }

  /** Remembers the keys the lists of this analysis were made with. */
  noteKeys(catalogueKey: string, scopesKey: string, knownScopes: ReadonlyMap<string, 'Cluster' | 'Namespaced'>): void {
    this.catalogueKey = catalogueKey;
    this.scopesKey = scopesKey;
    this.knownScopes = knownScopes;
  }

  /** The previous list of `nodeId`'s needs when equal to `needs`, else `needs`. */
  sameNeeds(nodeId: string, needs: readonly Need[]): readonly Need[] {
    const chosen = cutOff(this.#needs.get(nodeId), needs);
    this.#needs.set(nodeId, chosen);
    return chosen;
  }

  /** The previous list of `nodeId`'s providers when equal to `providers`, else `providers`. */
  sameProviders(nodeId: string, providers: readonly ProviderFinding[]): readonly ProviderFinding[] {
    const chosen = cutOff(this.#providers.get(nodeId), providers);
    this.#providers.set(nodeId, chosen);
    return chosen;
  }

  /**
   * The previous index of providers (and its scope table's key) when made from the same lists in the same
   * order with the same catalogue. When only some nodes' lists changed, none of them in what it says of scopes,
   * the previous index with the lists of the kinds and keys they provided or provide made again (the same scope
   * table); `index` otherwise (then kept).
   */
  providersFor(catalogueKey: string, lists: readonly (readonly ProviderFinding[])[], index: () => IndexedProviders): IndexedProviders {
    const previous = this.#previousProviders;
    if (previous !== undefined && previous.catalogueKey === catalogueKey && sameList(previous.lists, lists)) return previous.indexed;
    const followed = previous !== undefined && previous.catalogueKey === catalogueKey ? followProviders(previous, lists) : undefined;
    const indexed = followed ?? index();
    // The positions index follows the lists it was made from; after a full index it is made when first needed.
    this.#previousProviders = { catalogueKey, lists, indexed, positions: followed !== undefined ? previous?.positions : undefined };
    return indexed;
  }

  /**
   * The previous graph when it was built from the same inputs. Otherwise the graph of matching the inputs' needs in
   * `contextOf()`: only the nodes whose needs changed, or that need what a node whose providers changed provided or
   * provides now, are matched again when the nodes are the same ids in the same order, Argo CD's namespaces are the
   * same and no explicit dependency names a node whose object changed (see `rematchedNodes`); all of them otherwise.
   */
  graphFor(inputs: GraphInputs, contextOf: () => MatchContext): DependencyGraph {
    const previous = this.#previous;
    if (previous !== undefined && sameInputs(previous.inputs, inputs, previous.explicitNames)) {
      this.#reused++;
      // The inputs compared next time are these (objects and parses may be new ones that match alike).
      this.#previous = { ...previous, inputs };
      return previous.graph;
    }
    const context = contextOf();
    const explicitNames = explicitNamesOf(inputs);
    const rematch = previous === undefined ? undefined : rematchedNodes(previous, inputs, explicitNames, context);
    let matches: NodeMatch[];
    let needIndex: KeyPositions<Need>;
    if (previous !== undefined && rematch !== undefined) {
      matches = [...previous.matches];
      needIndex = previous.needIndex;
      for (const position of rematch) {
        const contribution = inputs.contributions[position] as NodeContribution;
        matches[position] = matchNode(contribution.needs, context);
        needIndex.replace(position, (previous.inputs.contributions[position] as NodeContribution).needs, contribution.needs);
      }
      this.#rematched += rematch.size;
    } else {
      matches = inputs.contributions.map((contribution) => matchNode(contribution.needs, context));
      needIndex = KeyPositions.of(inputs.contributions.map((contribution) => contribution.needs));
      this.#rematched += matches.length;
    }
    const graph = graphOfMatches(
      matches,
      inputs.contributions.map((contribution) => contribution.id),
    );
    this.#previous = { inputs, graph, explicitNames, matches, needIndex, argoCdNamespaces: context.argoCdNamespaces };
    return graph;
  }

  /** Analyses that reused the previous graph (for tests and the benchmark). */
  get reused(): number {
    return this.#reused;
  }

  /** Nodes whose needs were matched, over every analysis (for tests: an edit matches few again). */
  get rematched(): number {
    return this.#rematched;
  }
}

function cutOff<T>(previous: readonly T[] | undefined, next: readonly T[]): readonly T[] {
  return previous !== undefined && previous !== next && plainEqual(previous, next) ? previous : next;
}

/**
 * True when matching `b` would give the graph matched from `a`: the same catalogue, the same node ids in the
 * same order with the very same need and provider lists. A node may be another object, or written in a file
 * parsed again, when its kind, name and namespace are the same and no explicit dependency names it: matching
 * reads a node's object only for Argo CD's namespaces and, through its name's place, for explicit dependencies.
 */
function sameInputs(a: GraphInputs, b: GraphInputs, explicitNames: ReadonlySet<string>): boolean {
  if (a.catalogueKey !== b.catalogueKey || a.contributions.length !== b.contributions.length) return false;
  for (let position = 0; position < a.contributions.length; position++) {
    const before = a.contributions[position] as NodeContribution;
    const after = b.contributions[position] as NodeContribution;
    if (before === after) continue;
    if (before.id !== after.id || before.needs !== after.needs || before.providers !== after.providers) return false;
    if (before.object === after.object && before.originParse === after.originParse) continue;
    const was = before.object;
    const is = after.object;
    if (was.kind !== is.kind || was.name !== is.name || was.namespace !== is.namespace || explicitNames.has(is.name)) return false;
  }
  return true;
}

/** The names explicit dependency annotations ask for, among a graph's needs. */
function explicitNamesOf(inputs: GraphInputs): ReadonlySet<string> {
  const names = new Set<string>();
  for (const contribution of inputs.contributions) for (const need of contribution.needs) if (need.kind === 'explicit') names.add(need.key);
  return names;
}

export type { GraphInputs, IndexedProviders, NodeContribution };
