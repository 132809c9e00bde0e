// Every dependency edge with its ordering, and whether another provider of the same need is ready first anyway.
import type { DependencyEdge } from '../dependencies/types';
import type { AppNode, RepositoryModel } from '../model/types';
import { orderingOfEdge, type EdgeOrdering } from './edgeOrdering';
import { plainEqual } from '../incremental/plainEqual';

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
  const byId = new Map<string, number>();
  // `seen` holds the ids on the way down from a node whose creator was not numbered yet (rare: creators come first).
  const signatureOf = (node: AppNode, seen: Set<string> | undefined): number => {
    const known = byId.get(node.id);
    if (known !== undefined) return known;
    const creatorId = node.ordering.parentId ?? node.generatedById;
    if (creatorId !== undefined && seen?.has(creatorId)) {
      // A creation loop: chains depend on where they start, so the loop's nodes get numbers no other analysis has.
      const unique = nextChainNumber++;
      byId.set(node.id, unique);
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
    const contents = `${above},${ownNumber(node)}`;
    let number = chainNumbers.get(contents);
    if (number === undefined) {
      if (chainNumbers.size > MAX_CHAIN_NUMBERS) chainNumbers.clear();
      chainNumbers.set(contents, (number = nextChainNumber++));
    }
    byId.set(node.id, number);
    return number;
  };
  const previousNodes = previousById === undefined ? undefined : previous?.nodes;
  for (let position = 0; position < model.nodes.length; position++) {
    const node = model.nodes[position] as AppNode;
    // The previous model's node at the same place, under a creator numbered as then: its number, without lookups by id.
    if (previousNodes?.[position] === node) {
      const creatorId = node.ordering.parentId ?? node.generatedById;
      const kept = previousById?.get(node.id);
      if (kept !== undefined && (creatorId === undefined || byId.get(creatorId) === previousById?.get(creatorId))) {
        byId.set(node.id, kept);
        continue;
      }
    }
    signatureOf(node, undefined);
  }
  signaturesByModel.set(model, (signatures = byId));
  lastNumbered = new WeakRef(model);
  return signatures;
}

/**
 * The model whose chains were numbered last, held weakly. Reusing its numbers is sound: a number stands for
 * one chain's contents for the life of the process (numbers are never given twice), and a node object that
 * is the same under a creator whose number is the same has the same chain.
 */
let lastNumbered: WeakRef<RepositoryModel> | undefined;

const MAX_CHAIN_NUMBERS = 200_000;

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
