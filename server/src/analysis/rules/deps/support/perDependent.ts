// A dependency check's results per dependent Application, followed from model to model: only the dependents that involve a changed node are judged again.
import { visitChangedPositions } from '../../../model/nodePositions';
import type { AppNode, RepositoryModel } from '../../../model/types';
import type { NeedGroup } from './needGroups';

/** What a check makes of one dependent's needs, and the ids of every node whose object it read for it. */
export interface DependentJudgement<R> {
  readonly result: R | undefined;
  readonly involved: ReadonlySet<string>;
}

/**
 * One check's results, one per dependent (in the order of each dependent's first need), kept while the list of needs
 * it judges is the same array (the same need groups, edges and orderings): the model's nodes are compared with the
 * last model's place by place, and only the dependents whose judgement involved a node that changed (another object,
 * or moved) are judged again. `judge` may read the dependent's needs, the nodes it names in `involved` (through the
 * model) and those nodes' files (a node object is made again when its file changes).
 */
export class PerDependentResults<R> {
  #needs: readonly NeedGroup[] | undefined;
  #nodes: readonly AppNode[] = [];
  #order: readonly string[] = [];
  readonly #groups = new Map<string, NeedGroup[]>();
  readonly #judgements = new Map<string, DependentJudgement<R>>();
  /** Per node id: the dependents whose judgement involved it. */
  readonly #involving = new Map<string, Set<string>>();
  #results: readonly R[] = [];

  /** The results of every dependent of `needs` that has one, in order. */
  results(model: RepositoryModel, needs: readonly NeedGroup[], judge: (dependentId: string, needs: readonly NeedGroup[]) => DependentJudgement<R>): readonly R[] {
    if (needs !== this.#needs) {
      this.#start(needs);
      for (const dependentId of this.#order) this.#judge(dependentId, judge);
      this.#collect();
    } else {
      const again = new Set<string>();
      visitChangedPositions(this.#nodes, model.nodes, (node) => {
        for (const dependentId of this.#involving.get(node.id) ?? []) again.add(dependentId);
      });
      let changed = false;
      for (const dependentId of again) if (this.#judge(dependentId, judge)) changed = true;
      if (changed) this.#collect();
    }
    this.#nodes = model.nodes;
    return this.#results;
  }

  #start(needs: readonly NeedGroup[]): void {
    this.#needs = needs;
    this.#groups.clear();
    this.#judgements.clear();
    this.#involving.clear();
    const order: string[] = [];
    for (const group of needs) {
      const dependentId = group.best.edge.dependent.nodeId;
      let groups = this.#groups.get(dependentId);
      if (groups === undefined) {
        this.#groups.set(dependentId, (groups = []));
        order.push(dependentId);
      }
      groups.push(group);
    }
    this.#order = order;
  }

  /** Judges one dependent again; true when its result is another. */
  #judge(dependentId: string, judge: (dependentId: string, needs: readonly NeedGroup[]) => DependentJudgement<R>): boolean {
    const before = this.#judgements.get(dependentId);
    for (const id of before?.involved ?? []) this.#involving.get(id)?.delete(dependentId);
    const now = judge(dependentId, this.#groups.get(dependentId) ?? []);
    this.#judgements.set(dependentId, now);
    for (const id of now.involved) {
      let dependents = this.#involving.get(id);
      if (dependents === undefined) this.#involving.set(id, (dependents = new Set()));
      dependents.add(dependentId);
    }
    return before?.result !== now.result;
  }

  #collect(): void {
    const results: R[] = [];
    for (const dependentId of this.#order) {
      const result = this.#judgements.get(dependentId)?.result;
      if (result !== undefined) results.push(result);
    }
    this.#results = results;
  }
}
