// A dependency check's results per dependent Application, followed from model to model: only the dependents that involve a changed node are judged again.
import { sameList } from '../../../incremental/indexReads';
import { nodesCameAndWent } from '../../../model/nodePositions';
import type { AppNode, RepositoryModel } from '../../../model/types';
import type { NeedGroup } from './needGroups';

/** What a check makes of one dependent's needs, and the ids of every node whose object it read for it. */
export interface DependentJudgement<R> {
  readonly result: R | undefined;
  readonly involved: ReadonlySet<string>;
}

/**
 * One check's results, one per dependent (in the order of each dependent's first need), kept while the list of needs
 * it judges holds the same need groups for it (the same objects: the same edges and orderings): the model's nodes are
 * compared with the last model's place by place, and only the dependents whose judgement involved a node that is
 * another object are judged again (a node that only moved reads the same). `judge` may read the dependent's needs, the
 * nodes it names in `involved` (through the model) and those nodes' files (a node object is made again when its file
 * changes).
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
    // The dependents whose judgement involved a node that is another object now (a node that only moved reads the same).
    const again = new Set<string>();
    for (const node of nodesCameAndWent(this.#nodes, model.nodes).keys()) for (const dependentId of this.#involving.get(node.id) ?? []) again.add(dependentId);
    let changed = false;
    if (needs !== this.#needs) {
      // Another list (an edit that reordered the model): a dependent whose need groups are the same objects keeps its judgement.
      const groupsBefore = this.#start(needs);
      for (const dependentId of groupsBefore.keys()) if (!this.#groups.has(dependentId)) this.#forget(dependentId);
      for (const [dependentId, groups] of this.#groups) if (!sameList(groupsBefore.get(dependentId) ?? [], groups) || !this.#judgements.has(dependentId)) again.add(dependentId);
      changed = true;
    }
    for (const dependentId of again) if (this.#groups.has(dependentId) && this.#judge(dependentId, judge)) changed = true;
    if (changed) this.#collect();
    this.#nodes = model.nodes;
    return this.#results;
  }

  /** Takes `needs`'s dependents and their groups, in order; returns the groups before. */
  #start(needs: readonly NeedGroup[]): ReadonlyMap<string, readonly NeedGroup[]> {
    const groupsBefore = new Map(this.#groups);
    this.#needs = needs;
    this.#groups.clear();
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
    return groupsBefore;
  }

  /** Forgets a dependent that has no needs any more. */
  #forget(dependentId: string): void {
    for (const id of this.#judgements.get(dependentId)?.involved ?? []) this.#involving.get(id)?.delete(dependentId);
    this.#judgements.delete(dependentId);
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
