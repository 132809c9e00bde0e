// LayeredMap: a map with a few entries changed answers, sizes and iterates exactly as a copy with the same changes would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayeredMap, layeredOver } from '../../../server/src/analysis/incremental/layeredMap';

/** One step of changes: keys set to a value, or removed (undefined). */
const stepArbitrary = fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.option(fc.integer(), { nil: undefined })), { maxLength: 40 });

describe('LayeredMap', () => {
  it('reads, sizes and iterates as a plain copy over a chain of layers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.array(stepArbitrary, { maxLength: 12 }), (baseSize, steps) => {
        let plain = new Map<number, number>(Array.from({ length: baseSize }, (_, key) => [key, key * 10]));
        let layered: ReadonlyMap<number, number> = new Map(plain);
        for (const step of steps) {
          const changes = new Map(step);
          plain = new Map(plain);
          for (const [key, value] of changes) {
            if (value === undefined) plain.delete(key);
            else plain.set(key, value);
          }
          layered = layeredOver(layered, changes);
          expect(layered.size).toBe(plain.size);
          expect([...layered]).toEqual([...plain]);
          expect([...layered.keys()]).toEqual([...plain.keys()]);
          for (let key = 0; key <= 401; key++) {
            expect(layered.get(key)).toBe(plain.get(key));
            expect(layered.has(key)).toBe(plain.has(key));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stays a layer for a few changes and is flattened past a sixteenth of the base', () => {
    const base = new Map(Array.from({ length: 2000 }, (_, key) => [key, key]));
    const few = layeredOver(base, new Map([[1, -1]]));
    expect(few).toBeInstanceOf(LayeredMap);
    const many = layeredOver(few, new Map(Array.from({ length: 200 }, (_, key) => [key + 10, -key])));
    expect(many).toBeInstanceOf(Map);
    expect(many.get(1)).toBe(-1);
    // A key removed and set again goes last, in a layer and once flattened, as in a copy.
    const small = new Map(Array.from({ length: 100 }, (_, key) => [key, key]));
    const readded = layeredOver(layeredOver(small, new Map([[5, undefined]])), new Map([[5, 50]]));
    expect([...readded.keys()].at(-1)).toBe(5);
    const flattened = layeredOver(readded, new Map(Array.from({ length: 70 }, (_, key) => [key + 200, key])));
    expect(flattened).toBeInstanceOf(Map);
    expect([...flattened.keys()].indexOf(5)).toBe(99);
  });
});
