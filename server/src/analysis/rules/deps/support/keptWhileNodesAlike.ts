// A dependency check's result kept while the needs it read are the same list and every node it involves is the same object at the same place.
import { visitChangedPositions } from '../../../model/nodePositions';
import type { AppNode, RepositoryModel } from '../../../model/types';
import type { NeedGroup } from './needGroups';

/** What a check computed, and the ids of every node whose object it read. */
export interface ResultWithNodes<T> {
  readonly result: T;
  readonly involved: ReadonlySet<string>;
}

/**
 * The last result of one check, kept while the list of needs it read is the same array (the same need groups, their
 * edges and orderings) and no node it involves changed: the model's nodes are compared with the last model's place by
 * place, so an edit elsewhere costs a pointer comparison per node. `compute` may read the needs, the nodes it names in
 * `involved` (through the model), and the files of those nodes (a node object is made again when its file changes).
 */
export class KeptWhileNodesAlike<T> {
  #needs: readonly NeedGroup[] | undefined;
  #nodes: readonly AppNode[] = [];
  #kept: ResultWithNodes<T> | undefined;

  get(model: RepositoryModel, needs: readonly NeedGroup[], compute: () => ResultWithNodes<T>): T {
    let alike = this.#kept !== undefined && this.#needs === needs;
    if (alike) {
      const involved = (this.#kept as ResultWithNodes<T>).involved;
      visitChangedPositions(this.#nodes, model.nodes, (node) => {
        if (involved.has(node.id)) alike = false;
      });
    }
    this.#needs = needs;
    this.#nodes = model.nodes;
    if (!alike) this.#kept = compute();
    return (this.#kept as ResultWithNodes<T>).result;
  }
}
