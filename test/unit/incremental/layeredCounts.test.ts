// LayeredCounts: counts changed layer over layer read like one map changed in place, also once flattened.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredCounts } from '../../../server/src/analysis/incremental/layeredCounts';

describe('LayeredCounts', () => {
  it('reads like a map whose counts the same deltas changed (never under 0), across layers and flattening', () => {
    const keys = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(keys, fc.integer({ min: -2, max: 3 })), { maxLength: 6 }), { maxLength: 12 }), (layers) => {
        let counts = LayeredCounts.of(new Map([['a', 2]]));
        const expected = new Map([['a', 2]]);
        for (const layer of layers) {
          const deltas = new Map<string, number>();
          for (const [key, delta] of layer) deltas.set(key, (deltas.get(key) ?? 0) + delta);
          counts = counts.plus(deltas);
          for (const [key, delta] of deltas) expected.set(key, Math.max(0, (expected.get(key) ?? 0) + delta));
        }
        for (const key of ['a', 'b', 'c', 'd', 'e', 'z']) {
          expect(counts.get(key)).toBe(expected.get(key) ?? 0);
          expect(counts.has(key)).toBe((expected.get(key) ?? 0) > 0);
        }
      }),
    );
  });

  it('keeps reading right after a layer big enough to be flattened, and leaves the counts before it as they were', () => {
    const base = LayeredCounts.of(new Map([['kept', 1], ['gone', 1]]));
    const deltas = new Map<string, number>([['gone', -1]]);
    for (let position = 0; position < 5000; position++) deltas.set(`file-${position}`, 1);
    const after = base.plus(deltas);
    expect([after.get('kept'), after.has('gone'), after.get('file-4999')]).toEqual([1, false, 1]);
    expect([base.get('gone'), base.get('file-1')]).toEqual([1, 0]);
  });
});
