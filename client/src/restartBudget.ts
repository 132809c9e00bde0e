// How many times a crashed server may be restarted: a bounded number within a sliding window, so one poison file cannot loop forever.

/** Restarts allowed within {@link RESTART_WINDOW_MS} before the client gives up. */
export const MAX_RESTARTS = 4;
/** The window in which restarts are counted. */
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** What to do after the server stopped. */
export type StopDecision = { readonly action: 'restart'; readonly attempt: number } | { readonly action: 'give-up' };

/** Counts restarts in a sliding window; pure (time is passed in), so it is unit-tested without VS Code. */
export class RestartBudget {
  readonly #restartTimes: number[] = [];

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** Records a stop at `now` (milliseconds) and decides: restart (the how-many-th in the window), or give up. */
  recordStop(now: number): StopDecision {
    while (this.#restartTimes.length > 0 && now - this.#restartTimes[0]! > this.windowMs) this.#restartTimes.shift();
    if (this.#restartTimes.length >= this.maxRestarts) return { action: 'give-up' };
    this.#restartTimes.push(now);
    return { action: 'restart', attempt: this.#restartTimes.length };
  }

  /** Forgets past restarts (after a manual restart the user gets a fresh budget). */
  reset(): void {
    this.#restartTimes.length = 0;
  }
}
