// Counts per key that a patch changes without copying them: each change is a layer over the counts before it.

/** Changed keys a layer may hold before the counts are flattened into one map again. */
const FLATTEN_AT = 4096;

/**
 * Immutable counts per key (how many renders read each file). {@link plus} makes new counts that share the ones
 * before them and hold only the changed keys, so a patch that changes a few counts among tens of thousands costs
 * what it changes, not a copy (a copy of a map that size, and the rehash when it grows, cost milliseconds).
 */
export class LayeredCounts {
  readonly #base: ReadonlyMap<string, number>;
  /** Counts changed over `#base` (0 for a key that went). */
  readonly #changes: ReadonlyMap<string, number>;

  private constructor(base: ReadonlyMap<string, number>, changes: ReadonlyMap<string, number>) {
    this.#base = base;
    this.#changes = changes;
  }

  /** Counts holding `counts` (taken as they are: the caller does not change them afterwards). */
  static of(counts: ReadonlyMap<string, number>): LayeredCounts {
    return new LayeredCounts(counts, new Map());
  }

  /** The count of `key` (0 when absent). */
  get(key: string): number {
    const changed = this.#changes.get(key);
    return changed !== undefined ? changed : (this.#base.get(key) ?? 0);
  }

  /** True when `key` counts more than 0. */
  has(key: string): boolean {
    return this.get(key) > 0;
  }

  /** New counts: these, with each key of `deltas` changed by its delta (a count never goes under 0). */
  plus(deltas: ReadonlyMap<string, number>): LayeredCounts {
    const changes = new Map(this.#changes);
    for (const [key, delta] of deltas) if (delta !== 0) changes.set(key, Math.max(0, this.get(key) + delta));
    if (changes.size < FLATTEN_AT) return new LayeredCounts(this.#base, changes);
    const flat = new Map(this.#base);
    for (const [key, count] of changes) {
      if (count > 0) flat.set(key, count);
      else flat.delete(key);
    }
    return new LayeredCounts(flat, new Map());
  }
}
