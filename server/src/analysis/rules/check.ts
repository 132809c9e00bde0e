// Checks: rules that look at the whole model (and the dependency graph) after it is built.
import type { ProjectConfig } from '../config/projectConfig';
import type { DependencyGraph } from '../dependencies/types';
import type { RepositoryModel } from '../model/types';
import type { RepoIndex } from '../repoIndex';
import { defineRule, type Problem, type RuleMeta } from './rule';

/** What a check may read: all of it immutable. */
export interface CheckContext {
  readonly index: RepoIndex;
  readonly model: RepositoryModel;
  readonly graph: DependencyGraph;
  readonly config: ProjectConfig;
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
