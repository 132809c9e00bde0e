// Coalesces bursts of change events (a `git checkout` touching thousands of files) into one batch of distinct paths.
import { runGuarded } from './guard';
import type { Logger } from './logger';

/** Timing of a {@link ChangeBatcher}. */
export interface BatchTiming {
  /** A batch is handed over after this many quiet milliseconds (no new path). */
  readonly quietMs: number;
  /** …or at the latest this long after its first path, so a steady stream of events still makes progress. */
  readonly maxWaitMs: number;
}

/** Watched-file events: 100 ms of quiet, at most one second of waiting. */
export const WATCHED_FILES_TIMING: BatchTiming = { quietMs: 100, maxWaitMs: 1000 };

/**
 * Collects paths and hands them over in batches: one batch per burst, each path once. Batches are
 * handled one at a time: paths that arrive while a batch is being handled form the next batch.
 */
export class ChangeBatcher {
  readonly #timing: BatchTiming;
  readonly #handle: (paths: ReadonlySet<string>) => Promise<void>;
  readonly #log: Logger;
  #pending = new Set<string>();
  #firstPendingAt = 0;
  #timer: NodeJS.Timeout | undefined;
  #handling = false;
  #disposed = false;

  constructor(timing: BatchTiming, handle: (paths: ReadonlySet<string>) => Promise<void>, log: Logger) {
    this.#timing = timing;
    this.#handle = handle;
    this.#log = log;
  }

  /** Adds paths to the current batch and (re)starts its quiet period. */
  add(paths: Iterable<string>): void {
    if (this.#disposed) return;
    if (this.#pending.size === 0) this.#firstPendingAt = Date.now();
    for (const path of paths) this.#pending.add(path);
    if (this.#pending.size > 0) this.#arm();
  }

  /** Drops pending paths and stops the timer. */
  dispose(): void {
    this.#disposed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#pending.clear();
  }

  #arm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#handling) return;
    const waited = Date.now() - this.#firstPendingAt;
    const delay = Math.max(0, Math.min(this.#timing.quietMs, this.#timing.maxWaitMs - waited));
    this.#timer = setTimeout(() => runGuarded(this.#log, 'handling watched-file changes', () => this.#flush()), delay);
  }

  async #flush(): Promise<void> {
    this.#timer = undefined;
    if (this.#handling || this.#pending.size === 0 || this.#disposed) return;
    const batch = this.#pending;
    this.#pending = new Set();
    this.#handling = true;
    try {
      await this.#handle(batch);
    } finally {
      this.#handling = false;
      if (this.#pending.size > 0) {
        this.#firstPendingAt = Date.now();
        this.#arm();
      }
    }
  }
}
