// A tiny concurrency limiter: at most N asynchronous operations in flight at once.

const NOTHING = (): void => undefined;

/** Runs a task when a slot is free; resolves or rejects with the task's own result. */
export type Limiter = <Result>(task: () => Promise<Result>) => Promise<Result>;

/**
 * Makes a limiter allowing `maxInFlight` tasks at once. Tasks must not call the same limiter
 * themselves (a task waiting for a slot it holds would never run), so wrap only leaf operations.
 */
export function createLimiter(maxInFlight: number): Limiter {
  let running = 0;
  // A queue read from `head` on: `shift()` would copy the whole array each time, quadratic when a
  // walk queues thousands of reads at once.
  let waiting: (() => void)[] = [];
  let head = 0;
  // A finishing task hands its slot straight to the next waiter, so no newcomer can slip in between.
  const release = (): void => {
    const next = waiting[head];
    if (next) {
      waiting[head++] = NOTHING;
      if (head === waiting.length) {
        waiting = [];
        head = 0;
      }
      next();
    } else running--;
  };
  return async <Result>(task: () => Promise<Result>): Promise<Result> => {
    if (running >= maxInFlight) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
