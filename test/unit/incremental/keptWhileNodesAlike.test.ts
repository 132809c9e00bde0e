// KeptWhileNodesAlike: a dependency check's result kept while its needs are the same list and the nodes it involves the same objects.
import { describe, expect, it } from 'vitest';
import type { AppNode, RepositoryModel } from '../../../server/src/analysis/model/types';
import { KeptWhileNodesAlike } from '../../../server/src/analysis/rules/deps/support/keptWhileNodesAlike';
import type { NeedGroup } from '../../../server/src/analysis/rules/deps/support/needGroups';

const node = (id: string): AppNode => ({ id }) as AppNode;
const modelOf = (nodes: AppNode[]): RepositoryModel => ({ nodes }) as unknown as RepositoryModel;

describe('KeptWhileNodesAlike', () => {
  it('computes again when the needs are another list, or a node it involves changed or moved, and only then', () => {
    const kept = new KeptWhileNodesAlike<string>();
    const [a, b, c] = [node('a'), node('b'), node('c')];
    const needs: NeedGroup[] = [];
    let computed = 0;
    const compute = () => ({ result: `result ${++computed}`, involved: new Set(['a', 'b']) });
    expect(kept.get(modelOf([a, b, c]), needs, compute)).toBe('result 1');
    // c, which it does not involve, is another object: kept.
    expect(kept.get(modelOf([a, b, node('c')]), needs, compute)).toBe('result 1');
    // b is another object: computed again.
    expect(kept.get(modelOf([a, node('b'), c]), needs, compute)).toBe('result 2');
    // Another list of needs: computed again.
    const b2 = node('b');
    const otherNeeds: NeedGroup[] = [];
    expect(kept.get(modelOf([a, b2, c]), otherNeeds, compute)).toBe('result 3');
    // a and b2 the same objects, but moved by a node that came before them: computed again.
    expect(kept.get(modelOf([node('z'), a, b2, c]), otherNeeds, compute)).toBe('result 4');
    // Another object where the newcomer is, which it does not involve: kept.
    expect(kept.get(modelOf([node('z'), a, b2, c]), otherNeeds, compute)).toBe('result 4');
  });
});
