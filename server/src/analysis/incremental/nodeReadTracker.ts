// Which kept nodes an edit can have touched, found from the changed files instead of asking every node's memo entries.
import type { RepoIndex } from '../repoIndex';
import type { AppNode } from '../model/types';
import { summaryOf, type IndexRead } from './indexReads';

/**
 * Remembers, per node id, the node object whose results were kept and the reads those results made.
 * An analysis whose index directly follows the previous one then trusts a node's kept results when
 * the node is the same object and none of its reads can answer differently: no changed file among its
 * file reads, and its searches and derivations (checked one by one) answering alike. Anything else
 * (the first analysis, files or folders that came or went, another node object) asks the memo.
 */
export class NodeReadTracker {
  #serial: number | undefined;
  readonly #nodes = new Map<string, AppNode>();
  readonly #readersOfFile = new Map<string, Set<string>>();
  readonly #wholeIndexReads = new Map<string, IndexRead[]>();
  #touched = new Set<string>();
  #trusting = false;

  /** Starts an analysis on `index`: works out which tracked nodes its changes may have touched. */
  begin(index: RepoIndex): void {
    const changes = this.#serial === undefined ? undefined : index.changesSince(this.#serial);
    this.#serial = index.serial;
    this.#touched = new Set();
    if (changes === undefined || changes.structural) {
      this.#trusting = false;
      this.#nodes.clear();
      this.#readersOfFile.clear();
      this.#wholeIndexReads.clear();
      return;
    }
    this.#trusting = true;
    for (const path of changes.files) for (const id of this.#readersOfFile.get(path) ?? []) this.#touched.add(id);
    if (changes.files.size > 0) for (const [id, reads] of this.#wholeIndexReads) if (!this.#touched.has(id) && !index.answersAsBefore(reads)) this.#touched.add(id);
  }

  /** True when `node`'s kept results hold in this analysis without asking (see the class). */
  trusts(node: AppNode): boolean {
    return this.#trusting && this.#nodes.get(node.id) === node && !this.#touched.has(node.id);
  }

  /** Forgets node ids the model no longer has (so their node objects can go). */
  retainNodes(hasNode: (id: string) => boolean): void {
    for (const id of this.#nodes.keys()) {
      if (hasNode(id)) continue;
      this.#nodes.delete(id);
      this.#wholeIndexReads.delete(id);
    }
  }

  /** Records that `node`'s results were kept after making `reads` (lists of reads, one per result; added to earlier ones for the same node object). */
  track(node: AppNode, reads: readonly (readonly IndexRead[] | undefined)[]): void {
    // Another node object for the id: its searches and derivations are its own (file readers may keep the old id, harmlessly).
    if (this.#nodes.get(node.id) !== node) this.#wholeIndexReads.delete(node.id);
    this.#nodes.set(node.id, node);
    for (const list of reads) {
      if (list === undefined) continue;
      // Summaries are kept per list (a kept memo entry's reads are the same list from one analysis to the next).
      const summary = summaryOf(list);
      for (const path of summary.byPath.keys()) {
        let readers = this.#readersOfFile.get(path);
        if (!readers) this.#readersOfFile.set(path, (readers = new Set()));
        readers.add(node.id);
      }
      if (summary.wholeIndex.length > 0) {
        let whole = this.#wholeIndexReads.get(node.id);
        if (!whole) this.#wholeIndexReads.set(node.id, (whole = []));
        whole.push(...summary.wholeIndex);
      }
    }
  }
}
