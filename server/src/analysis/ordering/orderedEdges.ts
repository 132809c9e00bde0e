// Every dependency edge with its ordering, and whether another provider of the same need is ready first anyway.
import type { DependencyEdge } from '../dependencies/types';
import type { AppNode, RepositoryModel } from '../model/types';
import { placesToCompare } from '../model/nodePositions';
import { orderingOfEdge, type EdgeOrdering } from './edgeOrdering';
import { plainEqual } from '../incremental/plainEqual';
import { layeredOver } from '../incremental/layeredMap';
import { parentIdOf } from '../model/keptModel';

/** An edge with its ordering. */
export interface OrderedEdge {
  readonly edge: DependencyEdge;
  readonly ordering: EdgeOrdering;
  /**
   * Id of another node that provides the same need (same dependent, kind, object and location)
   * and is ready first: then this edge's ordering does not matter (e.g. a namespace several apps
   * create with CreateNamespace=true, one of them the dependent itself). Undefined otherwise.
   */
  readonly satisfiedBy: string | undefined;
}

/** An edge's ordering with what it was worked out from: the two creation chains (by content) and the two end nodes. */
interface KeptOrdering {
  readonly dependentChain: number;
  readonly providerChain: number;
  readonly dependent: AppNode | undefined;
  readonly provider: AppNode | undefined;
  readonly ordering: EdgeOrdering;
}

/** Orderings by edge: a kept graph keeps its edges, and an edge keeps its ordering while what it reads is the same. */
const orderingsByEdge = new WeakMap<DependencyEdge, KeptOrdering>();

/**
 * `orderingOfEdge`, kept per edge. An ordering reads the nodes of both creation chains (names, kinds,
 * waves, gating and its explanation) and, at both ends, the node itself (its resources, sync options):
 * it holds while both chains say the same (see {@link chainSignatures}) and both ends are the same objects.
 */
export function keptOrderingOfEdge(model: RepositoryModel, edge: DependencyEdge): EdgeOrdering {
  const signatures = chainSignatures(model);
  const dependentChain = signatures.get(edge.dependent.nodeId) ?? -1;
  const providerChain = signatures.get(edge.provider.nodeId) ?? -1;
  const dependent = model.nodesById.get(edge.dependent.nodeId);
  const provider = model.nodesById.get(edge.provider.nodeId);
  const kept = orderingsByEdge.get(edge);
  if (kept !== undefined && kept.dependentChain === dependentChain && kept.providerChain === providerChain && kept.dependent === dependent && kept.provider === provider) return kept.ordering;
  const computed = orderingOfEdge(model, edge);
  // Early cut-off: the same ordering worked out again is the kept object, so lists of orderings compare by identity.
  const ordering = kept !== undefined && plainEqual(kept.ordering, computed) ? kept.ordering : computed;
  orderingsByEdge.set(edge, { dependentChain, providerChain, dependent, provider, ordering });
  return ordering;
}

/** Per model: each node's creation chain as a number, equal numbers for chains that say the same. */
const signaturesByModel = new WeakMap<RepositoryModel, ReadonlyMap<string, number>>();
/** Chain contents by number (never reused; cleared when large, numbers keep counting so equal numbers always mean equal chains). */
const chainNumbers = new Map<string, number>();
let nextChainNumber = 1;

/**
 * A number per node standing for what an ordering reads of its creation chain, from the root down:
 * each step's id, kind, name, wave, and ordering (parent, gating, explanation). Built once per model,
 * creators first (model order puts them first).
 */
export function chainSignatures(model: RepositoryModel): ReadonlyMap<string, number> {
  let signatures = signaturesByModel.get(model);
  if (signatures !== undefined) return signatures;
  // The model numbered last (usually the one before an edit): a node it held, under a creator numbered as then, keeps its number.
  const previous = lastNumbered?.deref();
  const previousById = previous === undefined ? undefined : signaturesByModel.get(previous);
  const followed = previous === undefined || previousById === undefined ? undefined : numberingAfterReplacements(model, previous, previousById);
  if (followed !== undefined && previousById !== undefined) {
    // The previous numbers but the replaced nodes' and those under them: no other node looked at.
    signaturesByModel.set(model, followed.signatures);
    if (followed.signatures !== previousById) renumberedSince.set(followed.signatures, { previous: previousById, renumbered: followed.renumbered });
    lastNumbered = new WeakRef(model);
    return followed.signatures;
  }
  const byId = new Map<string, number>();
  // The ids numbered otherwise than in the previous numbering (numbers kept from it are equal by construction).
  const renumbered = new Set<string>();
  const computed = (id: string, number: number): void => {
    if (previousById?.get(id) !== number) renumbered.add(id);
  };
  // `seen` holds the ids on the way down from a node whose creator was not numbered yet (rare: creators come first).
  const signatureOf = (node: AppNode, seen: Set<string> | undefined): number => {
    const known = byId.get(node.id);
    if (known !== undefined) return known;
    const creatorId = parentIdOf(node);
    if (creatorId !== undefined && seen?.has(creatorId)) {
      // A creation loop: chains depend on where they start, so the loop's nodes get numbers no other analysis has.
      const unique = nextChainNumber++;
      byId.set(node.id, unique);
      renumbered.add(node.id);
      numberingsWithLoops.add(byId);
      return unique;
    }
    const creator = creatorId === undefined ? undefined : model.nodesById.get(creatorId);
    const above = creator === undefined ? 0 : (byId.get(creator.id) ?? signatureOf(creator, (seen ?? new Set<string>()).add(node.id)));
    if (previousById !== undefined && previous?.nodesById.get(node.id) === node) {
      const previousAbove = creatorId === undefined || !previous.nodesById.has(creatorId) ? 0 : previousById.get(creatorId);
      const kept = previousAbove === above ? previousById.get(node.id) : undefined;
      if (kept !== undefined) {
        byId.set(node.id, kept);
        return kept;
      }
    }
    const number = chainNumberOf(`${above},${ownNumber(node)}`);
    byId.set(node.id, number);
    computed(node.id, number);
    return number;
  };
  const previousNodes = previousById === undefined ? undefined : previous?.nodes;
  for (let position = 0; position < model.nodes.length; position++) {
    const node = model.nodes[position] as AppNode;
    // The previous model's node at the same place, under a creator numbered as then: its number, without lookups by id.
    if (previousNodes?.[position] === node) {
      const creatorId = parentIdOf(node);
      const kept = previousById?.get(node.id);
      if (kept !== undefined && (creatorId === undefined || byId.get(creatorId) === previousById?.get(creatorId))) {
        byId.set(node.id, kept);
        continue;
      }
    }
    signatureOf(node, undefined);
  }
  signaturesByModel.set(model, (signatures = byId));
  if (previousById !== undefined) renumberedSince.set(byId, { previous: previousById, renumbered });
  lastNumbered = new WeakRef(model);
  return signatures;
}

/** Per numbering made from another: that one, and the ids whose number differs from it. */
const renumberedSince = new WeakMap<ReadonlyMap<string, number>, { readonly previous: ReadonlyMap<string, number>; readonly renumbered: ReadonlySet<string> }>();

/**
 * The ids whose chain number in `signatures` differs from the one in `previous` (ids `previous` lacks included),
 * when `signatures` was numbered from `previous` (see {@link chainSignatures}); undefined otherwise (compare them).
 */
export function chainsRenumbered(previous: ReadonlyMap<string, number>, signatures: ReadonlyMap<string, number>): ReadonlySet<string> | undefined {
  if (previous === signatures) return NONE_RENUMBERED;
  const made = renumberedSince.get(signatures);
  return made?.previous === previous ? made.renumbered : undefined;
}

/**
 * The model whose chains were numbered last, held weakly. Reusing its numbers is sound: a number stands for
 * one chain's contents for the life of the process (numbers are never given twice), and a node object that
 * is the same under a creator whose number is the same has the same chain.
 */
let lastNumbered: WeakRef<RepositoryModel> | undefined;

const MAX_CHAIN_NUMBERS = 200_000;

const NONE_RENUMBERED: ReadonlySet<string> = new Set();

/** Numberings that gave a creation loop's nodes numbers of their own (never followed by {@link numberingAfterReplacements}). */
const numberingsWithLoops = new WeakSet<ReadonlyMap<string, number>>();

/** Replaced nodes followed at most by {@link numberingAfterReplacements}; more are numbered the usual way. */
const MAX_REPLACED_FOLLOWED = 256;

/**
 * `model`'s numbering made from `previous`'s, when `model` has `previous`'s node ids at the same places: each node
 * that is another object (a patch replaced it, or copied it as the parent of one replaced) numbered from its
 * creator, and the nodes under one whose number changed numbered again down their creators' children; every other
 * node keeps its number (the same object under a creator numbered as then has the same chain). The previous map
 * when no number changed, the changed numbers layered over it otherwise. Looks at the node list by place (at the
 * replaced places only, when it was made from the previous one by replacing nodes), at the replaced nodes and at
 * those under renumbered ones. Undefined when only a full numbering can tell (another order, many replaced
 * nodes, a creation loop).
 */
function numberingAfterReplacements(
  model: RepositoryModel,
  previous: RepositoryModel,
  previousById: ReadonlyMap<string, number>,
): { readonly signatures: ReadonlyMap<string, number>; readonly renumbered: ReadonlySet<string> } | undefined {
  const nodes = model.nodes;
  const before = previous.nodes;
  if (nodes.length !== before.length || previousById.size !== nodes.length || numberingsWithLoops.has(previousById)) return undefined;
  const replaced = new Map<string, AppNode>();
  for (const position of placesToCompare(before, nodes)) {
    const node = nodes[position] as AppNode;
    if (node === before[position]) continue;
    if (replaced.size >= MAX_REPLACED_FOLLOWED || node.id !== (before[position] as AppNode).id) return undefined;
    replaced.set(node.id, node);
  }
  // A replaced node's number from its creator's (the previous number when the creator is not replaced).
  const numbers = new Map<string, number>();
  const numberOf = (node: AppNode, depth: number): number | undefined => {
    const known = numbers.get(node.id);
    if (known !== undefined) return known;
    // Deeper than the replaced nodes are many: a creation loop, numbered the usual way.
    if (depth > replaced.size) return undefined;
    const creatorId = parentIdOf(node);
    let above = 0;
    if (creatorId !== undefined) {
      const creator = replaced.get(creatorId);
      const creatorNumber = creator === undefined ? previousById.get(creatorId) : numberOf(creator, depth + 1);
      if (creator !== undefined && creatorNumber === undefined) return undefined;
      above = creatorNumber ?? 0;
    }
    const number = chainNumberOf(`${above},${ownNumber(node)}`);
    numbers.set(node.id, number);
    return number;
  };
  const changes = new Map<string, number>();
  const renumberedCreators: string[] = [];
  for (const node of replaced.values()) {
    const number = numberOf(node, 0);
    if (number === undefined) return undefined;
    if (number === previousById.get(node.id)) continue;
    changes.set(node.id, number);
    renumberedCreators.push(node.id);
  }
  // Under a node numbered otherwise every chain says otherwise: its children numbered from its new number (a replaced
  // child numbered above from an unchanged creator's previous number is numbered again here when that one changed).
  for (let steps = 0; renumberedCreators.length > 0; steps++) {
    if (steps > nodes.length) return undefined;
    const creatorId = renumberedCreators.pop() as string;
    const above = changes.get(creatorId) as number;
    for (const childId of model.nodesById.get(creatorId)?.childIds ?? []) {
      const child = model.nodesById.get(childId);
      if (child === undefined || parentIdOf(child) !== creatorId) continue;
      const number = chainNumberOf(`${above},${ownNumber(child)}`);
      if ((changes.get(childId) ?? previousById.get(childId)) === number) continue;
      changes.set(childId, number);
      renumberedCreators.push(childId);
    }
  }
  if (changes.size === 0) return { signatures: previousById, renumbered: NONE_RENUMBERED };
  return { signatures: layeredOver(previousById, changes), renumbered: new Set(changes.keys()) };
}

/** The number of a chain's contents (see {@link chainSignatures}). */
function chainNumberOf(contents: string): number {
  let number = chainNumbers.get(contents);
  if (number === undefined) {
    if (chainNumbers.size > MAX_CHAIN_NUMBERS) chainNumbers.clear();
    chainNumbers.set(contents, (number = nextChainNumber++));
  }
  return number;
}

/** Per node object: the number of what an ordering reads of the node itself (see {@link chainSignatures}). */
const ownNumbers = new WeakMap<AppNode, number>();

function ownNumber(node: AppNode): number {
  let number = ownNumbers.get(node);
  if (number === undefined) {
    const contents = `${node.id}\u0000${node.kind}\u0000${node.name}\u0000${node.wave.wave}\u0000${node.ordering.parentId ?? ''}\u0000${node.ordering.gating}\u0000${node.ordering.explanation}\u0000${node.generatedById ?? ''}`;
    number = chainNumbers.get(contents);
    if (number === undefined) {
      if (chainNumbers.size > MAX_CHAIN_NUMBERS) chainNumbers.clear();
      chainNumbers.set(contents, (number = nextChainNumber++));
    }
    ownNumbers.set(node, number);
  }
  return number;
}
