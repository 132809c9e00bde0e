// Checks: rules that look at the whole model (and the dependency graph) after it is built.
import type { ProjectConfig } from '../config/projectConfig';
import type { DependencyGraph } from '../dependencies/types';
import type { AppNode, RepositoryModel } from '../model/types';
import type { ObjectReadMemo } from '../incremental/readMemo';
import type { NodeReadTracker } from '../incremental/nodeReadTracker';
import type { RepoIndex } from '../repoIndex';
import { defineRule, type Problem, type RuleMeta } from './rule';

/** What a check may read: all of it immutable. */
export interface CheckContext {
  readonly index: RepoIndex;
  readonly model: RepositoryModel;
  readonly graph: DependencyGraph;
  readonly config: ProjectConfig;
  /** Per-node results kept from earlier analyses (a language server's memo), see {@link keptPerNode}. */
  readonly memo?: ObjectReadMemo<AppNode, readonly unknown[]> | undefined;
  /** With the memo: which nodes this analysis's changes may have touched (begun for this analysis). */
  readonly tracker?: NodeReadTracker | undefined;
  /** With the memo: per check name, the facts of its last results and the last result per node id (found without hashing node objects). */
  readonly recent?: Map<string, RecentCheckResults> | undefined;
}

/** One check's last results: the facts they were computed under, and each node's result with the node it was for. */
export interface RecentCheckResults {
  readonly facts: string;
  readonly byNode: Map<string, { readonly node: AppNode; readonly value: readonly unknown[] }>;
  /** The serial of the index of the last analysis that asked for these results (the tracker's). */
  askedIn: number | undefined;
  /**
   * Whether the results may be taken unasked in that analysis: they were asked in the analysis just before it too (a
   * check that did not run in one analysis did not see what its changes touched).
   */
  followed: boolean;
}

/**
 * The results of a check for one node, computed by `compute`, and kept across analyses (with the context's
 * memo) while the node object (kept by `KeptNodes` while its fields, children and file are the same),
 * `facts` and every file `compute` read through the index are the same. `compute` may read the node, its
 * children, places in its file and in its renders' files, what `facts` names (project definitions, the
 * scope table…) and, through the index, other files; `name` tells the check (and the part of it) apart.
 * A node the analysis's changes cannot have touched (see `NodeReadTracker`) gets its kept result unasked
 * (no key is built on that path: it runs for every node and check of every analysis).
 */
export function keptPerNode<T>(context: CheckContext, name: string, node: AppNode, facts: string, compute: () => readonly T[]): readonly T[] {
  const { memo, tracker, recent } = context;
  if (!memo) return compute();
  let results = recent?.get(name);
  if (results !== undefined && results.facts !== facts) results = undefined;
  if (results !== undefined && results.askedIn !== tracker?.serial) {
    results.followed = tracker?.followsFrom(results.askedIn) === true;
    results.askedIn = tracker?.serial;
  }
  if (results !== undefined && results.followed && tracker?.trusts(node)) {
    const kept = results.byNode.get(node.id);
    if (kept !== undefined && kept.node === node) return kept.value as readonly T[];
  }
  const key = `${name}\u0000${facts}`;
  const found = memo.get(context.index, node, compute, key) as readonly T[];
  tracker?.track(node, [memo.readsOf(node, key)]);
  if (recent !== undefined) {
    // New facts for this check: the results under its other facts are not asked for again.
    if (results === undefined) recent.set(name, (results = { facts, byNode: new Map(), askedIn: tracker?.serial, followed: false }));
    results.byNode.set(node.id, { node, value: found });
  }
  return found;
}

/** A rule with a check over the model; the file that defines it is named after its id. */
export interface CheckedRule extends RuleMeta {
  readonly check: (context: CheckContext) => readonly Problem[];
}

/** Declares a rule together with its check. */
export function defineCheck(meta: RuleMeta, check: (context: CheckContext) => readonly Problem[]): CheckedRule {
  return Object.freeze({ ...defineRule(meta), check });
}

/** True for rules that carry a check. */
export function isCheckedRule(rule: RuleMeta): rule is CheckedRule {
  return typeof (rule as Partial<CheckedRule>).check === 'function';
}
