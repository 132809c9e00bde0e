// Model nodes kept from the previous analysis: a node built again with the very same fields is replaced by the kept one.
import type { AppNode, Ordering } from '../model/types';
import { sameList } from './indexReads';

/**
 * The nodes of the previous model by id. An analysis that builds a node equal, field by field and
 * by identity of its objects, to the kept node of the same id uses the kept node instead, so
 * everything keyed by a node object (per-node check results, need lists, keys) carries over while
 * the node's inputs and children are the same. A node is kept only while the file it is written in
 * has the same parse, so places located from its origin stay right (a generated Application's object
 * can outlive an edit of its set's file). Field equality is exact: nothing is reused on a guess.
 */
export class KeptNodes {
  #previous = new Map<string, KeptNode>();
  #next = new Map<string, KeptNode>();
  #kept = 0;
  #built = 0;

  /**
   * The kept node equal to `node` whose children are kept too, or `node` itself (then kept for the next
   * analysis). Children are visited first: a node is kept only when every child node is the kept one,
   * so what is keyed by a node may read its children.
   */
  keep<N extends AppNode>(node: N, originParse: unknown): N {
    const previous = this.#previous.get(node.id);
    const kept = previous !== undefined && previous.originParse === originParse && sameNode(previous.node, node) && this.#childrenKept(node);
    const chosen = kept ? (previous.node as N) : node;
    if (kept) this.#kept++;
    else this.#built++;
    this.#next.set(node.id, { node: chosen, originParse });
    return chosen;
  }

  #childrenKept(node: AppNode): boolean {
    for (const childId of node.childIds) {
      const child = this.#next.get(childId)?.node;
      if (child === undefined || child !== this.#previous.get(childId)?.node) return false;
    }
    return true;
  }

  /** After a patched model (see `patchModel`): `node` is now the node of its id. */
  replace(node: AppNode, originParse: unknown): void {
    this.#built++;
    this.#previous.set(node.id, { node, originParse });
  }

  /** After a patched model: no node has this id any more. */
  forget(id: string): void {
    this.#previous.delete(id);
  }

  /** Ends a model build: the nodes it used are the ones the next build compares with. */
  finishModel(): void {
    this.#previous = this.#next;
    this.#next = new Map();
  }

  /** Nodes kept and built (or put in place by a patch) since the memo was made (for the benchmark and tests). */
  get statistics(): { readonly kept: number; readonly built: number } {
    return { kept: this.#kept, built: this.#built };
  }
}

/** A node and the parse of the file it is written in when it was built. */
interface KeptNode {
  readonly node: AppNode;
  readonly originParse: unknown;
}

/** True when two nodes have the same fields: the same objects, and equal strings and lists. */
export function sameNode(a: AppNode, b: AppNode): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.object === b.object &&
    a.origin === b.origin &&
    a.wave === b.wave &&
    sameOrdering(a.ordering, b.ordering) &&
    a.generatedById === b.generatedById &&
    a.generatorParameters === b.generatorParameters &&
    a.application === b.application &&
    a.applicationSet === b.applicationSet &&
    a.destinationNamespace === b.destinationNamespace &&
    sameList(a.renders, b.renders) &&
    sameList(a.externalSources, b.externalSources) &&
    sameList(a.childIds, b.childIds) &&
    sameList(a.childIdsInRenderOrder, b.childIdsInRenderOrder) &&
    (a.resources === b.resources || sameList(a.resources, b.resources))
  );
}

function sameOrdering(a: Ordering, b: Ordering): boolean {
  return a === b || (a.parentId === b.parentId && a.gating === b.gating && a.explanation === b.explanation);
}

