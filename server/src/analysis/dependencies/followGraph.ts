// What an edit changes of a kept dependency graph: the nodes to match again, and the provider index made again for the changed kinds and keys.
import type { Need } from './collectNeeds';
import type { ProviderFinding } from './collectProviders';
import type { GraphInputs, IndexedProviders, NodeContribution } from './keptGraph';
import { KeyPositions } from './keyPositions';
import type { MatchContext, NodeMatch } from './matchNeeds';
import type { DependencyGraph, DependencyKind } from './types';

/** The last index of providers, what it was made from, and which node positions provide each kind and key. */
export interface KeptProviders {
  readonly catalogueKey: string;
  readonly lists: readonly (readonly ProviderFinding[])[];
  readonly indexed: IndexedProviders;
  /** Made from `lists` when an index is first followed (see {@link followProviders}). */
  positions: KeyPositions<ProviderFinding> | undefined;
}

function providesSomething(found: ProviderFinding): boolean {
  return found.provider !== undefined;
}

/**
 * `previous`'s index with the lists of the kinds and keys the changed nodes provided or provide made again, from
 * every node providing them in graph order (as a full index receives them); `previous.positions` (made now when
 * missing) follows the changed nodes. Undefined when the node count changed or a changed node's list says
 * something of scopes (the scope table replays every node's entries in order).
 */
export function followProviders(previous: KeptProviders, lists: readonly (readonly ProviderFinding[])[]): IndexedProviders | undefined {
  if (previous.lists.length !== lists.length) return undefined;
  const changed: number[] = [];
  for (let position = 0; position < lists.length; position++) {
    const was = previous.lists[position] as readonly ProviderFinding[];
    const is = lists[position] as readonly ProviderFinding[];
    if (was === is) continue;
    if (was.some((found) => found.provider === undefined) || is.some((found) => found.provider === undefined)) return undefined;
    changed.push(position);
  }
  const positions = (previous.positions ??= KeyPositions.of(previous.lists, providesSomething));
  const keys = new Map<string, readonly [DependencyKind, string]>();
  for (const position of changed) {
    for (const found of [...(previous.lists[position] as readonly ProviderFinding[]), ...(lists[position] as readonly ProviderFinding[])]) {
      if (found.provider !== undefined) keys.set(`${found.kind}\u0000${found.key}`, [found.kind, found.key]);
    }
    positions.replace(position, previous.lists[position] as readonly ProviderFinding[], lists[position] as readonly ProviderFinding[]);
  }
  const providers = previous.indexed.collected.providers.rebuilt([...keys.values()], function* (kind, key) {
    for (const position of [...positions.positionsOf(kind, key)].sort((a, b) => a - b)) {
      for (const found of lists[position] as readonly ProviderFinding[]) if (found.provider !== undefined && found.kind === kind && found.key === key) yield found.provider;
    }
  });
  return { collected: { providers, knownScopes: previous.indexed.collected.knownScopes }, scopesKey: previous.indexed.scopesKey };
}

/** The last graph and what it was matched from. */
export interface PreviousGraph {
  readonly inputs: GraphInputs;
  readonly graph: DependencyGraph;
  readonly explicitNames: ReadonlySet<string>;
  /** Each node's match, in the inputs' order. */
  readonly matches: readonly NodeMatch[];
  readonly needIndex: KeyPositions<Need>;
  readonly argoCdNamespaces: ReadonlySet<string>;
}

/**
 * The positions of the nodes to match again after `previous`, or undefined when all must be: another list of node
 * ids, other namespaces of Argo CD, or a node whose object or parse changed that an explicit dependency names (its
 * name's place is the provider's end). A node is matched again when its needs changed, or when it needs a kind and
 * key some node whose providers changed provided before or provides now (the index lists those in another order).
 */
export function rematchedNodes(previous: PreviousGraph, inputs: GraphInputs, explicitNames: ReadonlySet<string>, context: MatchContext): Set<number> | undefined {
  const before = previous.inputs.contributions;
  const after = inputs.contributions;
  if (previous.inputs.catalogueKey !== inputs.catalogueKey || before.length !== after.length || !sameSet(previous.argoCdNamespaces, context.argoCdNamespaces)) return undefined;
  const positions = new Set<number>();
  const changedKeys: ProviderFinding[] = [];
  for (let position = 0; position < after.length; position++) {
    const was = before[position] as NodeContribution;
    const is = after[position] as NodeContribution;
    if (was === is) continue;
    if (was.id !== is.id) return undefined;
    if ((was.object !== is.object || was.originParse !== is.originParse) && [was.object.name, is.object.name].some((name) => explicitNames.has(name) || previous.explicitNames.has(name))) return undefined;
    if (was.needs !== is.needs) positions.add(position);
    if (was.providers !== is.providers) changedKeys.push(...was.providers, ...is.providers);
  }
  for (const found of changedKeys) if (found.provider) for (const position of previous.needIndex.positionsOf(found.kind, found.key)) positions.add(position);
  return positions;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
