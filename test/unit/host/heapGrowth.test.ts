// The heap-growth cap: set for the process unless Node's own command line already chose a value.
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../../server/src/host/heapGrowth';

describe('limitHeapGrowth', () => {
  it('sets --heap-growing-percent when the command line does not', () => {
    const set: string[] = [];
    expect(limitHeapGrowth(HEAP_GROWING_PERCENT, ['--enable-source-maps'], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it('leaves a value given on the command line alone, in either spelling', () => {
    const set: string[] = [];
    expect(limitHeapGrowth(50, ['--heap-growing-percent=200'], (flags) => set.push(flags))).toBe(false);
    expect(limitHeapGrowth(50, ['--heap_growing_percent', '10'], (flags) => set.push(flags))).toBe(false);
    expect(set).toEqual([]);
  });
});
