// Builds the dependency graph of a model: every need of every Application matched against an index of providers.
import type { ProjectConfig } from '../config/projectConfig';
import type { AppNode, RepositoryModel } from '../model/types';
import { placesToCompare } from '../model/nodePositions';
import type { RepoIndex } from '../repoIndex';
import { readCatalogueConfig } from './catalogueConfig';
import { ChartCatalogue } from './catalogueLookup';
import { BUILTIN_CHART_CATALOGUE } from './chartCatalogue';
import { collectNeeds, knownScopesKey, type Need } from './collectNeeds';
import { collectProviders, indexProviders, providerFindingsOf, type ProviderFinding } from './collectProviders';
import type { ObjectReadMemo } from '../incremental/readMemo';
import type { DependencyGraph } from './types';
import type { KeptGraph, LastPass, NodeContribution } from './keptGraph';
import { graphOrder } from './graphOrder';
import { graphOfMatches, matchContextOf, matchNode } from './matchNeeds';

/** Per-node results kept across analyses (a language server's `AnalysisMemo`). */
export interface DependencyMemo {
  readonly nodeNeeds: ObjectReadMemo<AppNode, readonly Need[]>;
  readonly nodeProviders: ObjectReadMemo<AppNode, readonly ProviderFinding[]>;
  /** The previous graph and each node's previous lists, for the early cut-off. */
  readonly keptGraph?: KeptGraph;
}

/**
 * Infers every dependency edge of the model (pure, linear in the number of objects): providers are
 * indexed once, then each need is looked up. Several providers for one need give one edge each; a
 * need nothing satisfies goes to `unsatisfied`. Malformed config catalogue entries are skipped here
 * (the check `deps/invalid-catalogue-entry` reports them). With a memo, each node's lists are kept,
 * the whole graph is kept while no node's lists change, and only the nodes whose needs changed or
 * need what changed providers provide are matched again otherwise (see `KeptGraph`).
 */
export function buildDependencyGraph(index: RepoIndex, model: RepositoryModel, config: ProjectConfig, memo?: DependencyMemo): DependencyGraph {
  const configured = readCatalogueConfig(config).entries;
  const catalogue = new ChartCatalogue(configured.length === 0 ? BUILTIN_CHART_CATALOGUE : [...BUILTIN_CHART_CATALOGUE, ...configured]);
  const kept = memo?.keptGraph;
  if (!memo || !kept) {
    const { providers, knownScopes } = collectProviders(index, model, catalogue, memo?.nodeProviders);
    const nodes = graphOrder(model);
    const needsByNode = nodes.map((node) => (memo ? memo.nodeNeeds.get(index, node, () => collectNeeds(index, node, knownScopes), knownScopesKey(knownScopes)) : collectNeeds(index, node, knownScopes)));
    const context = matchContextOf(index, model, providers, memo !== undefined);
    return graphOfMatches(
      needsByNode.map((needs) => matchNode(needs, context)),
      nodes.map((node) => node.id),
    );
  }
  // Each node's providers, the previous list when equal; the previous index of them while every list is the same.
  // A node the edit cannot have touched keeps its lists without asking the memo (see NodeReadTracker).
  const tracker = kept.tracker;
  tracker.begin(index);
  const nodes = graphOrder(model);
  const previousScopesKey = kept.scopesKey;
  // A node at the same place as in the previous analysis, the same object and untouched, takes what it had there by
  // place (see `KeptGraph.lastPass`): no lookup of its lists, its trust or its contribution.
  const last = kept.lastPass;
  const byPlace = last !== undefined && tracker.followsFrom(last.serial) && last.catalogueKey === catalogue.key ? last : undefined;
  if (byPlace !== undefined) {
    const followed = graphAfterLastPass({ index, model, catalogue, memo, kept, nodes, previousScopesKey }, byPlace);
    if (followed !== undefined) return followed;
  }
  const untouched: boolean[] = new Array<boolean>(nodes.length);
  const trustedNeeds: (readonly Need[] | undefined)[] = new Array<readonly Need[] | undefined>(nodes.length);
  const trustedProviders: (readonly ProviderFinding[] | undefined)[] = new Array<readonly ProviderFinding[] | undefined>(nodes.length);
  // The places of the nodes the changes may have touched, found by id (graph order sorts by id): the loops below then
  // look at a node object only where it is another one than at the last pass, or touched.
  const touchedIds = tracker.touchedIds();
  const touchedPlaces = byPlace === undefined || touchedIds === undefined ? undefined : placesOfIds(nodes, touchedIds);
  nodes.forEach((node, position) => {
    untouched[position] = byPlace !== undefined && byPlace.nodes[position] === node && touchedPlaces !== undefined && !touchedPlaces.has(position);
    if (untouched[position]) {
      trustedNeeds[position] = (byPlace as LastPass).needs[position];
      trustedProviders[position] = (byPlace as LastPass).providers[position];
      return;
    }
    const lists = kept.catalogueKey === catalogue.key && tracker.trusts(node) ? kept.listsOf(node) : undefined;
    trustedNeeds[position] = lists?.needs;
    trustedProviders[position] = lists?.providers;
  });
  // A trusted list is the node's own (a node that is no Application has none): taken without looking at the node.
  const providerLists = nodes.map((node, position) => {
    const trusted = trustedProviders[position];
    if (trusted !== undefined) return trusted;
    if (node.kind !== 'Application') return NO_FINDINGS;
    return kept.sameProviders(node.id, providerFindingsOf(index, node, catalogue, memo.nodeProviders));
  });
  const { collected, scopesKey } = kept.providersFor(catalogue.key, providerLists, () => {
    const fresh = indexProviders(providerLists);
    return { collected: fresh, scopesKey: knownScopesKey(fresh.knownScopes) };
  });
  // Needs read the scope table only for the kinds of the node's objects: a node none of whose kinds changed scope keeps them.
  const changedScopes = scopesKey === previousScopesKey || kept.knownScopes === undefined ? undefined : scopeKeysChanged(kept.knownScopes, collected.knownScopes);
  const needsByNode = nodes.map((node, position) => {
    const trustedList = trustedNeeds[position];
    if (trustedList !== undefined && (scopesKey === previousScopesKey || (changedScopes !== undefined && !usesAnyKind(node, changedScopes)))) return trustedList;
    const needs = kept.sameNeeds(node.id, memo.nodeNeeds.get(index, node, () => collectNeeds(index, node, collected.knownScopes), scopesKey));
    const providers = providerLists[position] as readonly ProviderFinding[];
    kept.keepLists(node, { needs, providers });
    tracker.track(node, [memo.nodeNeeds.readsOf(node, scopesKey), node.kind === 'Application' ? memo.nodeProviders.readsOf(node, catalogue.key) : undefined]);
    return needs;
  });
  kept.noteKeys(catalogue.key, scopesKey, collected.knownScopes);
  const contributions: NodeContribution[] = nodes.map((node, position) => {
    const needs = needsByNode[position] as readonly Need[];
    const providers = providerLists[position] as readonly ProviderFinding[];
    // The last pass's contribution at this place was made from the lists the last pass holds there.
    if (untouched[position] && needs === (byPlace as LastPass).needs[position] && providers === (byPlace as LastPass).providers[position]) {
      return (byPlace as LastPass).contributions[position] as NodeContribution;
    }
    return contributionOf(index, node, needs, providers);
  });
  if (tracker.serial !== undefined) kept.lastPass = { serial: tracker.serial, catalogueKey: catalogue.key, nodes, needs: needsByNode, providers: providerLists, contributions };
  return kept.graphFor({ catalogueKey: catalogue.key, contributions }, () => matchContextOf(index, model, collected.providers, true));
}

const NO_FINDINGS: readonly ProviderFinding[] = [];

/** What {@link graphAfterLastPass} works with. */
interface PassInputs {
  readonly index: RepoIndex;
  readonly model: RepositoryModel;
  readonly catalogue: ChartCatalogue;
  readonly memo: DependencyMemo;
  readonly kept: KeptGraph;
  /** The model's nodes in graph order. */
  readonly nodes: readonly AppNode[];
  readonly previousScopesKey: string | undefined;
}

/**
 * The graph from the last pass's lists, contribution by contribution, when the nodes are as many as then: each list
 * at a place whose node is the same object and untouched is the one there (copied as a whole), and only the other
 * places are worked out, as the general pass would. Undefined (the general pass then) when the scope table changed,
 * which every node's needs may read.
 */
function graphAfterLastPass(inputs: PassInputs, byPlace: LastPass): DependencyGraph | undefined {
  const { index, model, catalogue, memo, kept, nodes, previousScopesKey } = inputs;
  const tracker = kept.tracker;
  const places = placesToRedo(byPlace.nodes, nodes, tracker.touchedIds());
  if (places === undefined) return undefined;
  const trusted = new Map<number, ReturnType<KeptGraph['listsOf']>>();
  const providerLists = [...byPlace.providers];
  for (const place of places) {
    const node = nodes[place] as AppNode;
    const lists = kept.catalogueKey === catalogue.key && tracker.trusts(node) ? kept.listsOf(node) : undefined;
    trusted.set(place, lists);
    providerLists[place] =
      lists?.providers ?? (node.kind !== 'Application' ? NO_FINDINGS : kept.sameProviders(node.id, providerFindingsOf(index, node, catalogue, memo.nodeProviders)));
  }
  const { collected, scopesKey } = kept.providersFor(catalogue.key, providerLists, () => {
    const fresh = indexProviders(providerLists);
    return { collected: fresh, scopesKey: knownScopesKey(fresh.knownScopes) };
  });
  if (scopesKey !== previousScopesKey) return undefined;
  const needsByNode = [...byPlace.needs];
  for (const place of places) {
    const node = nodes[place] as AppNode;
    const trustedNeeds = trusted.get(place)?.needs;
    if (trustedNeeds !== undefined) {
      needsByNode[place] = trustedNeeds;
      continue;
    }
    const needs = kept.sameNeeds(node.id, memo.nodeNeeds.get(index, node, () => collectNeeds(index, node, collected.knownScopes), scopesKey));
    kept.keepLists(node, { needs, providers: providerLists[place] as readonly ProviderFinding[] });
    tracker.track(node, [memo.nodeNeeds.readsOf(node, scopesKey), node.kind === 'Application' ? memo.nodeProviders.readsOf(node, catalogue.key) : undefined]);
    needsByNode[place] = needs;
  }
  kept.noteKeys(catalogue.key, scopesKey, collected.knownScopes);
  const contributions = [...byPlace.contributions];
  for (const place of places) {
    contributions[place] = contributionOf(index, nodes[place] as AppNode, needsByNode[place] as readonly Need[], providerLists[place] as readonly ProviderFinding[]);
  }
  if (tracker.serial !== undefined) kept.lastPass = { serial: tracker.serial, catalogueKey: catalogue.key, nodes, needs: needsByNode, providers: providerLists, contributions };
  return kept.graphFor({ catalogueKey: catalogue.key, contributions }, () => matchContextOf(index, model, collected.providers, true));
}

/**
 * The places whose node is another object than at the last pass, or touched by the changes (found by id: graph order
 * sorts by id), in order; undefined when the counts differ or the touched nodes are unknown.
 */
function placesToRedo(before: readonly AppNode[], nodes: readonly AppNode[], touchedIds: ReadonlySet<string> | undefined): readonly number[] | undefined {
  if (before.length !== nodes.length || touchedIds === undefined) return undefined;
  const places = new Set<number>();
  // The graph order's list records the places it replaced when it was made from the last one (see `graphOrder`).
  for (const place of placesToCompare(before, nodes)) if (before[place] !== nodes[place]) places.add(place);
  for (const place of placesOfIds(nodes, touchedIds)) places.add(place);
  return [...places].sort((a, b) => a - b);
}

/**
 * The places in `nodes` (sorted by id, see `graphOrder`) of the given ids, found by binary search.
 */
function placesOfIds(nodes: readonly AppNode[], ids: ReadonlySet<string>): ReadonlySet<number> {
  const places = new Set<number>();
  for (const id of ids) {
    let low = 0;
    let high = nodes.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = (nodes[middle] as AppNode).id;
      if (found === id) {
        places.add(middle);
        break;
      }
      if (found < id) low = middle + 1;
      else high = middle - 1;
    }
  }
  return places;
}

/** Each node object's last contribution: the same node object was built from the same parse of its file. */
const contributionsByNode = new WeakMap<AppNode, NodeContribution>();

/** What `node` brings to matching, the one made before when its lists are the same (no parse lookup then). */
function contributionOf(index: RepoIndex, node: AppNode, needs: readonly Need[], providers: readonly ProviderFinding[]): NodeContribution {
  const known = contributionsByNode.get(node);
  if (known !== undefined && known.needs === needs && known.providers === providers) return known;
  const made: NodeContribution = { id: node.id, object: node.object, originParse: index.parsed(node.origin.file), needs, providers };
  contributionsByNode.set(node, made);
  return made;
}

/** The `group/kind` keys whose scope differs between two scope tables (added, removed or changed). */
function scopeKeysChanged(before: ReadonlyMap<string, 'Cluster' | 'Namespaced'>, after: ReadonlyMap<string, 'Cluster' | 'Namespaced'>): ReadonlySet<string> {
  const changed = new Set<string>();
  for (const [key, scope] of after) if (before.get(key) !== scope) changed.add(key);
  for (const key of before.keys()) if (!after.has(key)) changed.add(key);
  return changed;
}

/** True when some object a node's renders hold is of a `group/kind` among `keys`. */
function usesAnyKind(node: AppNode, keys: ReadonlySet<string>): boolean {
  if (keys.size === 0) return false;
  const kinds = kindsOf(node);
  for (const key of keys) if (kinds.has(key)) return true;
  return false;
}

/** The `group/kind` keys of the objects a node's renders hold, per node object (a kept node keeps them). */
const kindsByNode = new WeakMap<AppNode, ReadonlySet<string>>();

function kindsOf(node: AppNode): ReadonlySet<string> {
  let kinds = kindsByNode.get(node);
  if (kinds === undefined) {
    const found = new Set<string>();
    for (const render of node.renders) for (const object of render.objects) found.add(`${object.group}/${object.kind}`);
    kindsByNode.set(node, (kinds = found));
  }
  return kinds;
}
