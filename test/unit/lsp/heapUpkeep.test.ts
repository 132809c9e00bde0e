// The language server's heap upkeep: a collection after bulk work, and one after quiet time when the heap grew enough.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullCollector } from '../../../server/src/host/fullCollection';
import { HeapUpkeep, oldGenerationBytes } from '../../../server/src/lsp/heapUpkeep';

const MB = 1024 * 1024;

/** An upkeep over a pretend heap: `used` is what the heap holds; a collection brings it down to `live`. */
function pretendHeap(options: { collect?: boolean } = {}) {
  const heap = { used: 300 * MB, live: 200 * MB, collections: 0 };
  const upkeep = new HeapUpkeep({
    collect:
      options.collect === false
        ? undefined
        : () => {
            heap.collections++;
            heap.used = heap.live;
          },
    heapUsed: () => heap.used,
    idleMs: 2000,
    growthShare: 0.25,
    minimumGrowthBytes: 32 * MB,
  });
  return { heap, upkeep };
}

describe('HeapUpkeep', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('collects at once after bulk work, and remembers what the collection kept', () => {
    const { heap, upkeep } = pretendHeap();
    upkeep.collectNow();
    expect(heap.collections).toBe(1);
    expect(upkeep.collections).toBe(1);
  });

  it('collects after the quiet time only when the heap grew by a quarter of what was kept', () => {
    const { heap, upkeep } = pretendHeap();
    upkeep.collectNow();
    // 40 MB over the 200 MB kept: less than a quarter (50 MB).
    heap.used = 240 * MB;
    upkeep.analysisDone();
    vi.advanceTimersByTime(2000);
    expect(heap.collections).toBe(1);
    // 60 MB: enough, but only once the server has been quiet for the whole wait.
    heap.used = 260 * MB;
    upkeep.analysisDone();
    vi.advanceTimersByTime(1999);
    expect(heap.collections).toBe(1);
    vi.advanceTimersByTime(1);
    expect(heap.collections).toBe(2);
  });

  it('waits again after each analysis: a burst of edits is not interrupted', () => {
    const { heap, upkeep } = pretendHeap();
    upkeep.collectNow();
    heap.used = 400 * MB;
    for (let edit = 0; edit < 10; edit++) {
      upkeep.analysisDone();
      vi.advanceTimersByTime(1500);
    }
    expect(heap.collections).toBe(1);
    vi.advanceTimersByTime(500);
    expect(heap.collections).toBe(2);
  });

  it('asks for the minimum growth on a small heap', () => {
    const { heap, upkeep } = pretendHeap();
    heap.live = 20 * MB;
    upkeep.collectNow();
    // A quarter of 20 MB is 5 MB, the minimum 32 MB.
    heap.used = 40 * MB;
    upkeep.analysisDone();
    vi.advanceTimersByTime(2000);
    expect(heap.collections).toBe(1);
    heap.used = 60 * MB;
    upkeep.analysisDone();
    vi.advanceTimersByTime(2000);
    expect(heap.collections).toBe(2);
  });

  it('does nothing without a collector, and stops waiting when disposed', () => {
    const none = pretendHeap({ collect: false });
    none.upkeep.collectNow();
    none.upkeep.analysisDone();
    vi.advanceTimersByTime(10_000);
    expect(none.upkeep.collections).toBe(0);

    const { heap, upkeep } = pretendHeap();
    upkeep.collectNow();
    heap.used = 400 * MB;
    upkeep.analysisDone();
    upkeep.dispose();
    vi.advanceTimersByTime(10_000);
    expect(heap.collections).toBe(1);
  });
});

describe('oldGenerationBytes', () => {
  it('counts what a large object adds to the old generation (large objects are allocated there at once)', () => {
    // Collected first, so that a collection the allocation may start has next to nothing else to free.
    fullCollector()?.();
    const before = oldGenerationBytes();
    const large = new Array<number>(400_000).fill(0.5);
    expect(oldGenerationBytes() - before).toBeGreaterThanOrEqual(3 * MB);
    expect(large.length).toBe(400_000);
  });
});
