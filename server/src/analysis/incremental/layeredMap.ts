// A read-only map made of another with a few entries changed: a model patch's nodes by id without copying every entry.

/** Marks a key the layer removes. */
const GONE: unique symbol = Symbol('gone');

/** Changes a layer holds beyond which it is flattened into a plain map: at least this many, or a sixteenth of the base. */
const MIN_CHANGES_LAYERED = 64;

/**
 * A read-only map: a base map with some keys set or removed. Reads are one lookup in the (small) changes and,
 * for other keys, one in the base; iteration is a copy's order (the base's, values replaced in place, and the keys
 * added, or removed and set again, at the end, in the order they were). Made by {@link layeredOver}; neither map may change.
 * Values may not be `undefined`.
 */
export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  readonly #base: ReadonlyMap<K, V>;
  /** Keys set or removed, in the order a copy would hold the keys it added (a key removed and set again moves last). */
  readonly #changes: ReadonlyMap<K, V | typeof GONE>;
  /** Keys of the base removed and set again: a copy holds them after the base's keys. */
  readonly #moved: ReadonlySet<K>;
  #size: number | undefined;

  private constructor(base: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | typeof GONE>, moved: ReadonlySet<K>) {
    this.#base = base;
    this.#changes = changes;
    this.#moved = moved;
  }

  /** The map `previous` with `changes` applied (`undefined`: the key goes), sharing `previous`'s base when it is layered. */
  static over<K, V>(previous: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | undefined>): ReadonlyMap<K, V> {
    const layered = previous instanceof LayeredMap ? (previous as LayeredMap<K, V>) : undefined;
    const base = layered === undefined ? previous : layered.#base;
    const merged = new Map<K, V | typeof GONE>(layered === undefined ? [] : layered.#changes);
    const moved = new Set<K>(layered === undefined ? [] : layered.#moved);
    for (const [key, value] of changes) {
      if (value === undefined) {
        merged.set(key, GONE);
        continue;
      }
      if (merged.get(key) === GONE) {
        // Removed, then set again: a copy would hold it last.
        merged.delete(key);
        if (base.has(key)) moved.add(key);
      }
      merged.set(key, value);
    }
    if (merged.size <= Math.max(MIN_CHANGES_LAYERED, base.size >> 4)) return new LayeredMap(base, merged, moved);
    const flat = new Map(base);
    for (const [key, value] of merged) {
      if (value === GONE || moved.has(key)) flat.delete(key);
      if (value !== GONE) flat.set(key, value);
    }
    return flat;
  }

  get(key: K): V | undefined {
    const changed = this.#changes.get(key);
    if (changed === undefined) return this.#base.get(key);
    return changed === GONE ? undefined : changed;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    if (this.#size === undefined) {
      let size = this.#base.size;
      for (const [key, value] of this.#changes) {
        const inBase = this.#base.has(key);
        if (value === GONE && inBase) size--;
        else if (value !== GONE && !inBase) size++;
      }
      this.#size = size;
    }
    return this.#size;
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.#base) {
      const changed = this.#changes.get(key);
      if (changed === undefined) yield [key, value];
      else if (changed !== GONE && !this.#moved.has(key)) yield [key, changed];
    }
    for (const [key, value] of this.#changes) if (value !== GONE && (!this.#base.has(key) || this.#moved.has(key))) yield [key, value];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/** The map `previous` with `changes` applied (see {@link LayeredMap.over}). */
export function layeredOver<K, V>(previous: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | undefined>): ReadonlyMap<K, V> {
  return LayeredMap.over(previous, changes);
}
