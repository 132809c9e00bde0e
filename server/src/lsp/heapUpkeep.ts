// Full garbage collections at moments the user does not wait for: after bulk work, and when the server has been idle.
import { getHeapSpaceStatistics } from 'node:v8';

/** What the upkeep reads and runs (injected: tests give fakes). */
export interface HeapUpkeepSettings {
  /** Runs a full collection now; undefined when the runtime offers none (then the upkeep does nothing). */
  readonly collect: (() => void) | undefined;
  /** Bytes of the old generation in use (what only a full collection frees). */
  readonly heapUsed: () => number;
  /** Quiet time after the last analysis before an idle collection. */
  readonly idleMs: number;
  /** An idle collection runs when the heap grew by this share of what the last collection kept… */
  readonly growthShare: number;
  /** …and by at least this many bytes. */
  readonly minimumGrowthBytes: number;
}

/** V8's spaces that only a full collection frees (the young generation's garbage comes and goes with every scavenge). */
const OLD_GENERATION_SPACES = new Set(['old_space', 'code_space', 'large_object_space', 'code_large_object_space']);

/** Bytes in use in the old generation. */
export function oldGenerationBytes(): number {
  let bytes = 0;
  for (const space of getHeapSpaceStatistics()) if (OLD_GENERATION_SPACES.has(space.space_name)) bytes += space.space_used_size;
  return bytes;
}

/** The language server's settings: 2 s of quiet; a tenth of the old generation, at least 16 MB, grown since. */
export const LANGUAGE_SERVER_HEAP_UPKEEP: Omit<HeapUpkeepSettings, 'collect'> = {
  heapUsed: oldGenerationBytes,
  idleMs: 2000,
  growthShare: 0.1,
  minimumGrowthBytes: 16 * 1024 * 1024,
};

/**
 * Moves V8's full collections to moments nobody waits for. Each edit's analysis leaves a little in the
 * old generation (~0.5–1 MB at 2,000 Applications); V8 collects it in full when the heap has grown by half
 * of what its last full collection kept (the cap of `host/heapGrowth.ts`), and the edits analysed while it
 * marks run 3–5× slower (README Performance). So: a collection right after bulk work (the first index, a
 * re-read), and one when the server has been idle for {@link HeapUpkeepSettings.idleMs} after an analysis
 * and the old generation has grown since the last one by a share well below V8's own trigger (a half):
 * collecting early also keeps the resident memory lower over a long session.
 */
export class HeapUpkeep {
  readonly #settings: HeapUpkeepSettings;
  /** Heap in use right after the last collection this upkeep ran; undefined before the first. */
  #keptBytes: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #collections = 0;

  constructor(settings: HeapUpkeepSettings) {
    this.#settings = settings;
  }

  /** Collections run so far (bulk and idle). */
  get collections(): number {
    return this.#collections;
  }

  /** Collects now: bulk work just ended. */
  collectNow(): void {
    const { collect, heapUsed } = this.#settings;
    if (collect === undefined) return;
    this.#cancelIdle();
    collect();
    this.#collections++;
    this.#keptBytes = heapUsed();
  }

  /** An analysis finished: after the quiet time, collects if the heap has grown enough. Each call restarts the wait. */
  analysisDone(): void {
    if (this.#settings.collect === undefined) return;
    this.#cancelIdle();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#grownEnough()) this.collectNow();
    }, this.#settings.idleMs);
    // Waiting for quiet never keeps the process alive.
    this.#timer.unref?.();
  }

  /** Stops waiting (shutdown). */
  dispose(): void {
    this.#cancelIdle();
  }

  #grownEnough(): boolean {
    const kept = this.#keptBytes;
    if (kept === undefined) return true;
    const { heapUsed, growthShare, minimumGrowthBytes } = this.#settings;
    return heapUsed() - kept >= Math.max(minimumGrowthBytes, kept * growthShare);
  }

  #cancelIdle(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
