// Which node positions of a graph have an item (a need, a provider) of each kind and key, kept and updated as nodes change.

/** Something looked up by kind and key (a need, a provider finding). */
export interface KeyedItem {
  /** Absent on items the index does not count (a provider finding that only tells a scope). */
  readonly kind?: string | undefined;
  readonly key: string;
}

/**
 * The positions (in graph order) of the nodes with an item of each kind and key, among the items `counts` accepts.
 * Kept with a graph and updated node by node, so an edit finds the nodes a changed kind and key concerns without a
 * pass over every node.
 */
export class KeyPositions<T extends KeyedItem> {
  readonly #byKind = new Map<string, Map<string, Set<number>>>();
  readonly #counts: (item: T) => boolean;

  constructor(counts: (item: T) => boolean = () => true) {
    this.#counts = counts;
  }

  /** An index of every node's items (`lists` in graph order). */
  static of<T extends KeyedItem>(lists: readonly (readonly T[])[], counts?: (item: T) => boolean): KeyPositions<T> {
    const index = new KeyPositions<T>(counts);
    lists.forEach((items, position) => index.#add(position, items));
    return index;
  }

  /** Positions of the nodes with an item of `kind` and `key`. */
  positionsOf(kind: string, key: string): ReadonlySet<number> {
    return this.#byKind.get(kind)?.get(key) ?? NO_POSITIONS;
  }

  /** The node at `position` now has `items` instead of `previous`. */
  replace(position: number, previous: readonly T[], items: readonly T[]): void {
    if (previous === items) return;
    for (const item of previous) if (this.#counts(item)) this.#byKind.get(item.kind ?? '')?.get(item.key)?.delete(position);
    this.#add(position, items);
  }

  #add(position: number, items: readonly T[]): void {
    for (const item of items) {
      if (!this.#counts(item)) continue;
      const kind = item.kind ?? '';
      let byKey = this.#byKind.get(kind);
      if (byKey === undefined) this.#byKind.set(kind, (byKey = new Map()));
      let positions = byKey.get(item.key);
      if (positions === undefined) byKey.set(item.key, (positions = new Set()));
      positions.add(position);
    }
  }
}

const NO_POSITIONS: ReadonlySet<number> = new Set();
