// PerDependentResults: a dependency check's results per dependent, judged again only for dependents that involve a changed node.
import { describe, expect, it } from 'vitest';
import type { AppNode, RepositoryModel } from '../../../server/src/analysis/model/types';
import { PerDependentResults } from '../../../server/src/analysis/rules/deps/support/perDependent';
import type { NeedGroup } from '../../../server/src/analysis/rules/deps/support/needGroups';

const node = (id: string): AppNode => ({ id }) as AppNode;
const modelOf = (nodes: AppNode[]): RepositoryModel => ({ nodes }) as unknown as RepositoryModel;
/** A need of `dependent` on `provider` (only what PerDependentResults reads of a group). */
const need = (dependent: string, provider: string): NeedGroup => ({ best: { edge: { dependent: { nodeId: dependent }, provider: { nodeId: provider } } } }) as unknown as NeedGroup;

describe('PerDependentResults', () => {
  it('judges again only the dependents whose judgement involved a node that is another object, or whose need groups are others', () => {
    const results = new PerDependentResults<string>();
    const needs = [need('web', 'crds'), need('api', 'crds'), need('web', 'db')];
    const judged: string[] = [];
    const judge = (dependentId: string, groups: readonly NeedGroup[]) => {
      judged.push(dependentId);
      const providers = groups.map((group) => group.best.edge.provider.nodeId);
      return { result: dependentId === 'api' ? undefined : `${dependentId} needs ${providers.join(', ')}`, involved: new Set([dependentId, ...providers]) };
    };
    const [web, api, crds, db, other] = ['web', 'api', 'crds', 'db', 'other'].map(node) as [AppNode, AppNode, AppNode, AppNode, AppNode];
    const first = results.results(modelOf([web, api, crds, db, other]), needs, judge);
    expect(first).toEqual(['web needs crds, db']);
    expect(judged).toEqual(['web', 'api']);
    // A node nobody's judgement involved changed: nothing judged, the same list.
    judged.length = 0;
    expect(results.results(modelOf([web, api, crds, db, node('other')]), needs, judge)).toBe(first);
    expect(judged).toEqual([]);
    // db changed: web alone is judged again; its result is another string object only if it differs (here equal, so the same list).
    expect(results.results(modelOf([web, api, crds, node('db'), other]), needs, judge)).toBe(first);
    expect(judged).toEqual(['web']);
    // crds changed: both.
    judged.length = 0;
    const crdsAgain = node('crds');
    results.results(modelOf([web, api, crdsAgain, db, other]), needs, judge);
    expect(judged.sort()).toEqual(['api', 'web']);
    // Nodes that only moved (a wave edit reorders the model): nothing judged.
    judged.length = 0;
    expect(results.results(modelOf([api, web, crdsAgain, db, other]), needs, judge)).toEqual(['web needs crds, db']);
    expect(judged).toEqual([]);
    // Another list holding the same group objects (another dependent's ordering changed): only the dependents whose groups are others.
    const apiAgain = need('api', 'crds');
    const reordered = [needs[0], apiAgain, needs[2]] as NeedGroup[];
    expect(results.results(modelOf([api, web, crdsAgain, db, other]), reordered, judge)).toEqual(['web needs crds, db']);
    expect(judged).toEqual(['api']);
    // The same groups in another order: the results in the order of each dependent's first need, none judged.
    judged.length = 0;
    expect(results.results(modelOf([api, web, crdsAgain, db, other]), [apiAgain, needs[0], needs[2]] as NeedGroup[], judge)).toEqual(['web needs crds, db']);
    expect(judged).toEqual([]);
    // Another list of needs: the dependents with other groups; a dependent without needs goes.
    judged.length = 0;
    expect(results.results(modelOf([web, api, crds, db, other]), [need('api', 'db')], judge)).toEqual([]);
    expect(judged).toEqual(['api']);
  });
});
