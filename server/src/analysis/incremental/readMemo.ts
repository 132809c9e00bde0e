// Results kept across analyses, each reused while the files and folders it read are unchanged.
import type { RepoIndex } from '../repoIndex';
import type { IndexRead } from './indexReads';

interface MemoEntry<T> {
  readonly value: T;
  readonly reads: readonly IndexRead[];
  /** Serial of the last index that answered the reads alike. */
  checkedIn: number;
  /** The last analysis that used the entry. */
  generation: number;
}

/**
 * Memoises a pure computation over a `RepoIndex` across successive indexes (a language server's
 * snapshots). An entry records every read its computation made (see `RepoIndex.recordReads`); a
 * later index reuses it when it answers all of them alike, so the value is exactly what the
 * computation would return again. The key must capture every other input of the computation.
 */
export class ReadMemo<T> {
  readonly #entries = new Map<string, MemoEntry<T>>();
  #generation = 0;
  #hits = 0;
  #misses = 0;

  /** The value for `key`: reused when its reads still hold in `index`, computed (and recorded) otherwise. */
  get(index: RepoIndex, key: string, compute: () => T): T {
    const entry = this.#entries.get(key);
    if (entry !== undefined && index.answersAsBefore(entry.reads, entry.checkedIn)) {
      this.#hits++;
      entry.generation = this.#generation;
      entry.checkedIn = index.serial;
      index.replayReads(entry.reads);
      return entry.value;
    }
    this.#misses++;
    const { value, reads } = index.recordReads(compute);
    this.#entries.set(key, { value, reads, checkedIn: index.serial, generation: this.#generation });
    return value;
  }

  /**
   * Starts a new analysis and forgets the entries the previous complete one did not use, so the
   * memo holds what one analysis needs and no more.
   */
  nextGeneration(): void {
    for (const [key, entry] of this.#entries) if (entry.generation < this.#generation) this.#entries.delete(key);
    this.#generation++;
  }

  /** Number of entries kept. */
  get size(): number {
    return this.#entries.size;
  }

  /** Lookups answered by a kept entry and lookups that computed, since creation. */
  get statistics(): { readonly hits: number; readonly misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }
}

/**
 * Like {@link ReadMemo}, keyed by an object (a `KubeObject` kept by the parse cache or a kept
 * render) instead of a string: entries go when the key object does.
 */
export class ObjectReadMemo<K extends object, T> {
  readonly #entries = new WeakMap<K, Map<string, { readonly value: T; readonly reads: readonly IndexRead[]; checkedIn: number }>>();

  /**
   * The value for `key` (and `context`, a short string naming the computation's other inputs):
   * reused when its reads still hold in `index`, computed (and recorded) otherwise.
   */
  get(index: RepoIndex, key: K, compute: () => T, context = ''): T {
    let byContext = this.#entries.get(key);
    const entry = byContext?.get(context);
    if (entry !== undefined && index.answersAsBefore(entry.reads, entry.checkedIn)) {
      entry.checkedIn = index.serial;
      index.replayReads(entry.reads);
      return entry.value;
    }
    const { value, reads } = index.recordReads(compute);
    if (!byContext) this.#entries.set(key, (byContext = new Map()));
    byContext.set(context, { value, reads, checkedIn: index.serial });
    return value;
  }
}

/**
 * {@link ReadMemo} with two-part keys: an outer key shared by many lookups of one analysis (a node's key,
 * built once per node) and a short inner key (which check, which facts). Long outer keys are then hashed
 * once per string rather than once per lookup.
 */
export class NestedReadMemo<T> {
  readonly #entries = new Map<string, Map<string, MemoEntry<T>>>();
  #generation = 0;

  /** The value for (`outer`, `inner`): reused when its reads still hold in `index`, computed (and recorded) otherwise. */
  get(index: RepoIndex, outer: string, inner: string, compute: () => T): T {
    let byInner = this.#entries.get(outer);
    const entry = byInner?.get(inner);
    if (entry !== undefined && index.answersAsBefore(entry.reads, entry.checkedIn)) {
      entry.generation = this.#generation;
      entry.checkedIn = index.serial;
      index.replayReads(entry.reads);
      return entry.value;
    }
    const { value, reads } = index.recordReads(compute);
    if (!byInner) this.#entries.set(outer, (byInner = new Map()));
    byInner.set(inner, { value, reads, checkedIn: index.serial, generation: this.#generation });
    return value;
  }

  /** As {@link ReadMemo.nextGeneration}. */
  nextGeneration(): void {
    for (const [outer, byInner] of this.#entries) {
      for (const [inner, entry] of byInner) if (entry.generation < this.#generation) byInner.delete(inner);
      if (byInner.size === 0) this.#entries.delete(outer);
    }
    this.#generation++;
  }
}
