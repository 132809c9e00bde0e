// Progress on stderr, shown only when a run takes more than a second.

/** A progress reporter that stays silent during the first second of a run. */
export class Progress {
  readonly #startedAt = Date.now();
  readonly #timer: ReturnType<typeof setTimeout>;
  #current = 'starting';
  #shown = false;

  constructor() {
    // Fires during asynchronous phases (reading files); synchronous phases report at their boundaries.
    this.#timer = setTimeout(() => this.#print(this.#current), 1000);
    this.#timer.unref();
  }

  /** Starts a step; printed at once if the run has already lasted over a second. */
  step(message: string): void {
    this.#current = message;
    if (Date.now() - this.#startedAt >= 1000) this.#print(message);
  }

  /** Reports the end, with the total time, if anything was shown. */
  done(): void {
    clearTimeout(this.#timer);
    if (this.#shown) process.stderr.write(`gitops-waves: done in ${((Date.now() - this.#startedAt) / 1000).toFixed(1)} s\n`);
  }

  #print(message: string): void {
    this.#shown = true;
    process.stderr.write(`gitops-waves: ${message}…\n`);
  }
}
