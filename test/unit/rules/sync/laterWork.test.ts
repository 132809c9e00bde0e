// laterWorkIn (one pass per sync) answers as the definition does: some other item of the sync runs in a later phase, or later in the same phase.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../server/src/analysis/kube/kubeObject';
import { laterWorkIn, phaseOf, type SyncItem } from '../../../../server/src/analysis/rules/sync/support/parentSync';

/** The definition, item against every other item. */
function hasLaterWorkByDefinition(items: readonly SyncItem[], item: SyncItem): boolean {
  const phase = phaseOf(item);
  if (phase === undefined) return false;
  return items.some((other) => {
    if (other === item) return false;
    const otherPhase = phaseOf(other);
    return otherPhase !== undefined && (otherPhase > phase || (otherPhase === phase && other.wave > item.wave));
  });
}

const HOOKS = [[], [], ['PreSync'], ['PostSync'], ['Skip'], ['PreSync', 'PostSync'], ['SyncFail'], ['PostDelete']];

const itemArbitrary = fc.record({ wave: fc.integer({ min: -3, max: 3 }), hooks: fc.constantFrom(...HOOKS) }).map(
  ({ wave, hooks }): SyncItem => ({ object: {} as KubeObject, wave, hooks, child: undefined }),
);

describe('laterWorkIn', () => {
  it('agrees with the definition on every item of random syncs', () => {
    fc.assert(
      fc.property(fc.array(itemArbitrary, { maxLength: 12 }), (items) => {
        const hasLaterWork = laterWorkIn(items);
        for (const item of items) expect(hasLaterWork(item)).toBe(hasLaterWorkByDefinition(items, item));
      }),
      { numRuns: 2000 },
    );
  });

  it('holds back the earlier waves and phases, not the last one', () => {
    const items: SyncItem[] = [
      { object: {} as KubeObject, wave: 5, hooks: [], child: undefined },
      { object: {} as KubeObject, wave: 1, hooks: [], child: undefined },
      { object: {} as KubeObject, wave: 9, hooks: ['PreSync'], child: undefined },
      { object: {} as KubeObject, wave: 5, hooks: [], child: undefined },
    ];
    const hasLaterWork = laterWorkIn(items);
    expect(items.map(hasLaterWork)).toEqual([false, true, true, false]);
  });
});
