// Which kept nodes an edit can have touched, found from the changed files instead of asking every node's memo entries.
import type { RepoIndex } from '../repoIndex';
import type { AppNode } from '../model/types';
import type { IndexRead } from './indexReads';
import { ReadersIndex } from './readersIndex';

/**
 * Remembers, per node id, the node object whose results were kept and the reads those results made.
 * An analysis whose index directly follows the previous one then trusts a node's kept results when
 * the node is the same object and none of its reads can answer differently (see `ReadersIndex.touched`:
 * no changed file among its file reads, its searches and derivations answering alike and, when files or
 * folders came or went, its listings too). Anything else (the first analysis, Helm chart roots that came
 * or went, another node object) asks the memo.
 */
export class NodeReadTracker {
  #serial: number | undefined;
  #since: number | undefined;
  readonly #nodes = new Map<string, AppNode>();
  readonly #readers = new ReadersIndex<string>();
  #touched = new Set<string>();
  #trusting = false;

  /** Starts an analysis on `index`: works out which tracked nodes its changes may have touched. */
  begin(index: RepoIndex): void {
    const since = this.#serial;
    this.#since = since;
    this.#serial = index.serial;
    this.#touched = new Set();
    this.#trusting = since !== undefined && this.#readers.touched(index, since, this.#touched);
    if (!this.#trusting) {
      this.#nodes.clear();
      this.#readers.clear();
    }
  }

  /** True when `node`'s kept results hold in this analysis without asking (see the class). */
  trusts(node: AppNode): boolean {
    return this.#trusting && this.#nodes.get(node.id) === node && !this.#touched.has(node.id);
  }

  /** The serial of the index of the analysis begun last. */
  get serial(): number | undefined {
    return this.#serial;
  }

  /**
   * True when this analysis trusts kept results and the analysis begun before it was on the index whose serial is
   * `serial`: what was kept then, for a node untouched since, holds (a result kept in an older analysis may have missed
   * what the changes in between touched).
   */
  followsFrom(serial: number | undefined): boolean {
    return this.#trusting && serial !== undefined && this.#since === serial;
  }

  /**
   * {@link trusts} for a node known to be the object whose results were kept or tracked in the analysis begun before
   * this one (the same object at the same place of a list a check kept from then): no lookup of the node's object.
   */
  untouched(node: AppNode): boolean {
    return this.#trusting && !this.#touched.has(node.id);
  }

  /** The ids of the nodes this analysis's changes may have touched, when it trusts kept results (see {@link untouched}). */
  touchedIds(): ReadonlySet<string> | undefined {
    return this.#trusting ? this.#touched : undefined;
  }

  /** Forgets node ids the model no longer has (so their node objects can go). */
  retainNodes(hasNode: (id: string) => boolean): void {
    for (const id of this.#nodes.keys()) {
      if (hasNode(id)) continue;
      this.#nodes.delete(id);
      this.#readers.remove(id);
    }
  }

  /** Records that `node`'s results were kept after making `reads` (lists of reads, one per result; added to earlier ones for the same node object). */
  track(node: AppNode, reads: readonly (readonly IndexRead[] | undefined)[]): void {
    // Another node object for the id: its reads are its own.
    if (this.#nodes.get(node.id) !== node) this.#readers.remove(node.id);
    this.#nodes.set(node.id, node);
    this.#readers.add(node.id, reads.filter((list): list is readonly IndexRead[] => list !== undefined));
  }
}
