// Per-node work that follows one model to the next position by position: a node at the same place as before, the same object, costs a pointer comparison.
import type { AppNode } from './types';

/**
 * A list made from another by putting other objects at some of its places (a model patch that kept the order puts
 * its replaced nodes in the node list; lists followed by place then do the same): the list it was made from (held
 * weakly) and those places, ascending.
 */
interface ReplacedPlaces {
  readonly from: WeakRef<readonly unknown[]>;
  readonly places: readonly number[];
}

const replacedPlacesByList = new WeakMap<readonly unknown[], ReplacedPlaces>();
/** Per list of nodes: each id's place (shared by the lists made from it by {@link withNodesReplaced}: the same ids at the same places). */
const placeByIdByList = new WeakMap<readonly AppNode[], ReadonlyMap<string, number>>();
/** Lists made one from another followed back at most (a follower skips a model now and then, not many). */
const MAX_STEPS_FOLLOWED = 8;

/**
 * Records that `list` is `from` with other items at `places` (ascending, each once) and the same items elsewhere, so
 * that {@link changedPlaces} can tell the places without comparing every one.
 */
export function recordReplacedPlaces<T>(from: readonly T[], list: readonly T[], places: readonly number[]): void {
  replacedPlacesByList.set(list, { from: new WeakRef(from), places });
}

/**
 * A list made from another by reordering it (a model patch that moved an Application between waves): the list it was
 * made from (held weakly) and, per place, the place of the same id there (-1 for an id it did not have).
 */
interface MovedPlaces {
  readonly from: WeakRef<readonly AppNode[]>;
  readonly sourceOf: Int32Array;
}

const movedPlacesByList = new WeakMap<readonly AppNode[], MovedPlaces>();

/**
 * `after` (nodes in another order) recorded as made from `before`: each place's id's place in `before`, so that the
 * followers take a node that only moved from its previous place (see {@link movedPlaces}). Costs a lookup per node.
 */
export function recordMovedPlaces(before: readonly AppNode[], after: readonly AppNode[]): void {
  const placeById = placesById(before);
  const sourceOf = new Int32Array(after.length);
  for (let place = 0; place < after.length; place++) sourceOf[place] = placeById.get((after[place] as AppNode).id) ?? -1;
  movedPlacesByList.set(after, { from: new WeakRef(before), sourceOf });
}

/**
 * Per place of `after`, the place in `before` of the same id (-1: none), when `after` was recorded as `before`
 * reordered ({@link recordMovedPlaces}); undefined otherwise. The node there may be another object (compare them).
 */
export function movedPlaces(before: readonly AppNode[], after: readonly AppNode[]): Int32Array | undefined {
  const record = movedPlacesByList.get(after);
  return record !== undefined && record.from.deref() === before ? record.sourceOf : undefined;
}

/** Each id's place in `nodes` (worked out once per list, and shared with the lists made from it by replacing nodes). */
export function placesById(nodes: readonly AppNode[]): ReadonlyMap<string, number> {
  let places = placeByIdByList.get(nodes);
  if (places === undefined) {
    const made = new Map<string, number>();
    for (let place = 0; place < nodes.length; place++) made.set((nodes[place] as AppNode).id, place);
    placeByIdByList.set(nodes, (places = made));
  }
  return places;
}

/**
 * `before` with each node of `replacements` put at the place of its id, and those places recorded (see
 * {@link changedPlaces}); undefined when an id is not in `before`. Costs the copy of the list and a lookup per
 * replacement.
 */
export function withNodesReplaced(before: readonly AppNode[], replacements: Iterable<AppNode>): AppNode[] | undefined {
  const placeById = placesById(before);
  const nodes = [...before];
  const places: number[] = [];
  for (const node of replacements) {
    const place = placeById.get(node.id);
    if (place === undefined) return undefined;
    if (nodes[place] === node) continue;
    // Recorded once (an id replaced twice keeps the last node).
    if (nodes[place] === before[place]) places.push(place);
    nodes[place] = node;
  }
  places.sort((a, b) => a - b);
  recordReplacedPlaces(before, nodes, places);
  placeByIdByList.set(nodes, placeById);
  return nodes;
}

/**
 * The places at which `after` may hold another item than `before`, ascending, when `after` was made from `before` by
 * replacing items (see {@link recordReplacedPlaces}, {@link withNodesReplaced}), in a few steps; undefined otherwise
 * (compare them place by place).
 */
export function changedPlaces<T>(before: readonly T[], after: readonly T[]): readonly number[] | undefined {
  const places = findChangedPlaces(before, after);
  // The caller looks at these places, or at every place when none are known.
  placesLookedAt += places?.length ?? after.length;
  return places;
}

/** Places the followers of lists looked at (see {@link changedPlaces}) since the process started. */
let placesLookedAt = 0;

/**
 * The places the followers of lists were told to look at, or had to (a list's every place when its replaced places
 * were not known), since the process started: for the benchmark and the tests that show an edit's work does not
 * grow with the repository.
 */
export function placesLookedAtSoFar(): number {
  return placesLookedAt;
}

function findChangedPlaces<T>(before: readonly T[], after: readonly T[]): readonly number[] | undefined {
  if (before === after) return NO_PLACES;
  const first = replacedPlacesByList.get(after);
  if (first === undefined) return undefined;
  if (first.from.deref() === before) return first.places;
  const places = new Set(first.places);
  let list = first.from.deref();
  for (let step = 1; step < MAX_STEPS_FOLLOWED && list !== undefined; step++) {
    const record = replacedPlacesByList.get(list);
    if (record === undefined) return undefined;
    for (const place of record.places) places.add(place);
    list = record.from.deref();
    if (list === before) return [...places].sort((a, b) => a - b);
  }
  return undefined;
}

const NO_PLACES: readonly number[] = [];

/**
 * The places of `after` to compare with `before`, ascending: the replaced ones when known (see {@link changedPlaces}),
 * else every place (one shared list per length).
 */
export function placesToCompare<T>(before: readonly T[], after: readonly T[]): readonly number[] {
  return changedPlaces(before, after) ?? everyPlace(after.length);
}

/** `0 … length - 1`, kept per length (the lists followed have a few lengths at a time). */
function everyPlace(length: number): readonly number[] {
  let places = everyPlaceByLength.get(length);
  if (places === undefined) {
    if (everyPlaceByLength.size >= 8) everyPlaceByLength.clear();
    places = Array.from({ length }, (_unused, place) => place);
    everyPlaceByLength.set(length, places);
  }
  return places;
}

const everyPlaceByLength = new Map<number, readonly number[]>();

/**
 * Calls `visit` for every node of `after` that is not the node of `before` at its place (`+1`), and for every node of
 * `before` that is not the node of `after` at its place (`-1`). A node that only moved is visited both ways, so counts
 * kept by `visit` end up those of `after`'s nodes. Looks only at the recorded places when `after` was made from
 * `before` by replacing nodes (see {@link changedPlaces}).
 */
export function visitChangedPositions(before: readonly AppNode[], after: readonly AppNode[], visit: (node: AppNode, step: 1 | -1) => void): void {
  const places = changedPlaces(before, after);
  if (places !== undefined) {
    for (const position of places) visitPlace(before[position], after[position], visit);
    return;
  }
  for (let position = 0; position < Math.max(before.length, after.length); position++) visitPlace(before[position], after[position], visit);
}

function visitPlace(previous: AppNode | undefined, node: AppNode | undefined, visit: (node: AppNode, step: 1 | -1) => void): void {
  if (previous === node) return;
  if (node !== undefined) visit(node, 1);
  if (previous !== undefined) visit(previous, -1);
}

/**
 * The nodes of `after` that `before` did not hold (`+1`) and those of `before` that `after` does not hold (`-1`), found
 * place by place (see {@link visitChangedPositions}): a node that only moved is in neither.
 */
export function nodesCameAndWent(before: readonly AppNode[], after: readonly AppNode[]): ReadonlyMap<AppNode, 1 | -1> {
  const net = new Map<AppNode, 1 | -1>();
  visitChangedPositions(before, after, (node, step) => {
    if (net.get(node) === -step) net.delete(node);
    else net.set(node, step);
  });
  return net;
}

/**
 * One result per node of the last list of nodes it was given, position by position: a node at the same place as in
 * that list, the same object, takes its result there instead of `compute` (which must give a node's result from the
 * node object alone, or from what the caller keys by it).
 */
export class ResultsByPosition<T> {
  #nodes: readonly AppNode[] = [];
  #results: readonly T[] = [];

  /** The result of each of `nodes`, in order. */
  resultsFor(nodes: readonly AppNode[], compute: (node: AppNode) => T): readonly T[] {
    const before = this.#nodes;
    const kept = this.#results;
    const places = changedPlaces(before, nodes);
    let results: T[];
    if (places !== undefined) {
      // Made from the last list by replacing nodes: its results, computed again at those places.
      results = [...kept];
      for (const position of places) if (before[position] !== nodes[position]) results[position] = compute(nodes[position] as AppNode);
      recordReplacedPlaces(kept, results, places);
    } else {
      // Reordered from the last list (a move between waves): a node that only moved takes its result from its place there.
      const sources = movedPlaces(before, nodes);
      results = new Array<T>(nodes.length);
      for (let position = 0; position < nodes.length; position++) {
        const node = nodes[position] as AppNode;
        const source = sources === undefined ? position : (sources[position] as number);
        results[position] = source >= 0 && before[source] === node ? (kept[source] as T) : compute(node);
      }
    }
    this.#nodes = nodes;
    this.#results = results;
    return results;
  }
}

/**
 * How many nodes of the last list it followed have each key, followed from one list to the next place by place (see
 * {@link visitChangedPositions}): a node at the same place as before, the same object, costs a pointer comparison.
 */
export class NodeKeyCounts {
  #nodes: readonly AppNode[] = [];
  readonly #counts = new Map<string, number>();

  /** Follows `nodes`; returns each key the changed places have or had, with its count before. */
  follow(nodes: readonly AppNode[], keyOf: (node: AppNode) => string | undefined): ReadonlyMap<string, number> {
    const countsBefore = new Map<string, number>();
    visitChangedPositions(this.#nodes, nodes, (node, step) => {
      const key = keyOf(node);
      if (key === undefined) return;
      const count = this.count(key);
      if (!countsBefore.has(key)) countsBefore.set(key, count);
      if (count + step === 0) this.#counts.delete(key);
      else this.#counts.set(key, count + step);
    });
    this.#nodes = nodes;
    return countsBefore;
  }

  /** How many nodes of the last list have `key`. */
  count(key: string): number {
    return this.#counts.get(key) ?? 0;
  }

  /** The keys some node of the last list has. */
  keys(): IterableIterator<string> {
    return this.#counts.keys();
  }
}

/**
 * The nodes of a list that pass a test of the node object alone, followed from the last list place by place: a node at
 * the same place as in that list, the same object, is not looked at (a check that reads a few kinds of node then costs a
 * pointer comparison per node, not a look at each one). The test may also read `context` (the model, say) as far as a
 * node is another object whenever what it reads there changes (a patch makes the parents of replaced nodes again).
 */
export class NodesWhere<C = undefined> {
  readonly #keep: (node: AppNode, context: C) => boolean;
  #nodes: readonly AppNode[] = [];
  #places: readonly number[] = [];
  #kept: readonly AppNode[] = [];

  constructor(keep: (node: AppNode, context: C) => boolean) {
    this.#keep = keep;
  }

  /** The nodes of `nodes` that pass the test, in order. */
  of(nodes: readonly AppNode[], ...[context]: C extends undefined ? [] : [C]): readonly AppNode[] {
    if (nodes === this.#nodes) return this.#kept;
    const keep = (node: AppNode): boolean => this.#keep(node, context as C);
    const before = this.#nodes;
    let places: readonly number[] | undefined = this.#places;
    const sources = movedPlaces(before, nodes);
    if (sources !== undefined) {
      // Reordered from the last list: a node that only moved passes as it did at its place there.
      const placesBefore = new Set(places);
      const found: number[] = [];
      for (let position = 0; position < nodes.length; position++) {
        const node = nodes[position] as AppNode;
        const source = sources[position] as number;
        if (source >= 0 && before[source] === node ? placesBefore.has(source) : keep(node)) found.push(position);
      }
      places = found;
    } else if (nodes.length === before.length) {
      const placesBefore = new Set(places);
      const keepsPlace = (position: number): boolean => {
        const node = nodes[position] as AppNode;
        return node === before[position] || keep(node) === placesBefore.has(position);
      };
      if (!placesToCompare(before, nodes).every(keepsPlace)) places = undefined;
    } else {
      places = undefined;
    }
    places ??= nodes.flatMap((node, position) => (keep(node) ? [position] : []));
    const kept = places.map((position) => nodes[position] as AppNode);
    this.#nodes = nodes;
    this.#places = places;
    this.#kept = kept.length === this.#kept.length && kept.every((node, at) => node === this.#kept[at]) ? this.#kept : kept;
    return this.#kept;
  }
}
