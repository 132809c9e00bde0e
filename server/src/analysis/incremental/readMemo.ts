// Results kept across analyses, each reused while the files and folders it read are unchanged.
import type { RepoIndex } from '../repoIndex';
import type { IndexRead } from './indexReads';
import { ReadersIndex } from './readersIndex';

interface MemoEntry<T> {
  readonly value: T;
  readonly reads: readonly IndexRead[];
  /** Serial of the last index that answered the reads alike. */
  checkedIn: number;
  /** The last analysis that used the entry. */
  generation: number;
  /** When a {@link ReadMemo} kept the entry: its count of entries kept then (see `ReadMemo.followIndex`). */
  born: number;
}

/**
 * The kept entry's value when `index` answers its reads alike (the entry is then marked used by this
 * analysis and its reads added to any open recording); otherwise computes, recording the reads, and
 * hands the new entry to `keep`. The one lookup every memo kind shares.
 */
function reuseOrCompute<T>(
  index: RepoIndex,
  entry: MemoEntry<T> | undefined,
  generation: number,
  compute: () => T,
  keep: (fresh: MemoEntry<T>) => void,
  cutOff?: (before: T, after: T) => T,
  patch?: KeptValuePatch<T>,
): { value: T; reused: boolean; patched?: boolean } {
  if (entry !== undefined && index.answersAsBefore(entry.reads, entry.checkedIn)) {
    entry.generation = generation;
    entry.checkedIn = index.serial;
    index.replayReads(entry.reads);
    return { value: entry.value, reused: true };
  }
  const patched = entry === undefined || patch === undefined ? undefined : patch(entry.value, entry.reads, entry.checkedIn);
  if (patched !== undefined) {
    index.replayReads(patched.reads);
    keep({ value: patched.value, reads: patched.reads, checkedIn: index.serial, generation, born: 0 });
    return { value: patched.value, reused: false, patched: true };
  }
  const recorded = index.recordReads(compute);
  // Early cut-off: a value computed again but equal to the kept one (or to parts of it) keeps the kept objects, so what was built on them holds.
  const value = entry !== undefined && cutOff !== undefined ? cutOff(entry.value, recorded.value) : recorded.value;
  keep({ value, reads: recorded.reads, checkedIn: index.serial, generation, born: 0 });
  return { value, reused: false };
}

/**
 * Makes a kept value again from itself where its reads answer otherwise (see `RepoIndex.changedFileReads`): the new
 * value and the reads a computation of it would have made, or undefined when only computing it tells.
 */
export type KeptValuePatch<T> = (kept: T, keptReads: readonly IndexRead[], checkedIn: number) => { readonly value: T; readonly reads: readonly IndexRead[] } | undefined;

/** Steps of {@link ReadMemo.followIndex} an entry is carried along when next asked (older entries ask their reads). */
const MAX_CARRIES = 64;

/** The change log keeps at least this many records (and at most twice the entries, beyond that). */
const MIN_CHANGE_LOG = 1024;

/**
 * Memoises a pure computation over a `RepoIndex` across successive indexes (a language server's
 * snapshots). An entry records every read its computation made (see `RepoIndex.recordReads`); a
 * later index reuses it when it answers all of them alike, so the value is exactly what the
 * computation would return again. The key must capture every other input of the computation.
 */
export class ReadMemo<T> {
  readonly #entries = new Map<string, MemoEntry<T>>();
  readonly #cutOff: ((before: T, after: T) => T) | undefined;
  /** The entries' reads indexed by what may alter them, when the memo follows indexes (see {@link followIndex}). */
  readonly #readers: ReadersIndex<string> | undefined;
  #generation = 0;
  #hits = 0;
  #misses = 0;
  #patches = 0;
  /**
   * With `followsIndexes`: the keys whose value may differ from one index to the next, each with the serial of the
   * index from which it may (a value computed anew and not the kept one, an entry the changes touched or one
   * forgotten), mostly oldest first; see {@link keysLoggedSince}.
   */
  readonly #changeLog: { readonly serial: number; readonly key: string }[] = [];
  /** The log holds every change from this serial on (older records were dropped). */
  #logCoversFrom = 0;
  /** The newest index serial the memo was asked in. */
  #lastSerial = 0;
  /**
   * Keys forgotten since the memo was last asked in a newer index: logged under the next newer serial. Up to the
   * newest index they hold as they were (they were carried to it, or logged), from the next on they are not followed.
   */
  #forgotten: string[] = [];

  /**
   * `cutOff`, when given, is the early cut-off: given the kept value and one computed again, it returns the
   * value to keep — the kept one when equal, or the new one reusing the kept one's equal parts — so those who
   * compare results by identity see no change where there is none.
   */
  constructor(cutOff?: (before: T, after: T) => T, options: { readonly followsIndexes?: boolean } = {}) {
    this.#cutOff = cutOff;
    this.#readers = options.followsIndexes ? new ReadersIndex<string>() : undefined;
  }

  /**
   * The value for `key`: reused when its reads still hold in `index`, else made again from the kept one by `patch`
   * when it can, computed (and recorded) otherwise.
   */
  get(index: RepoIndex, key: string, compute: () => T, patch?: KeptValuePatch<T>): T {
    this.#sawSerial(index.serial);
    const entry = this.#entries.get(key);
    if (entry !== undefined) this.#catchUp(key, entry, index.serial);
    const { value, reused, patched } = reuseOrCompute(index, entry, this.#generation, compute, (fresh) => this.#keep(key, fresh), this.#cutOff, patch);
    if (reused) this.#hits++;
    else this.#misses++;
    if (patched === true) this.#patches++;
    return value;
  }

  /**
   * Starts a new analysis and forgets the entries the previous complete one did not use, so the
   * memo holds what one analysis needs and no more.
   */
  nextGeneration(): void {
    // Entries only ever get the current generation or a later one: after a sweep at this generation (the analysis
    // between undid its own), every entry is at it or later, and sweeping again would forget nothing.
    if (this.#sweptAt !== this.#generation) {
      for (const [key, entry] of this.#entries) {
        if (entry.generation >= this.#generation) continue;
        this.#entries.delete(key);
        this.#readers?.remove(key);
        if (this.#readers !== undefined) this.#forgotten.push(key);
      }
      this.#sweptAt = this.#generation;
    }
    this.#generation++;
  }

  /** The generation of the last sweep of unused entries (see {@link nextGeneration}). */
  #sweptAt = -1;

  /**
   * Carries forward to `index` (which follows the index whose serial is `previousSerial`) the entries found
   * valid in that index whose reads cannot answer differently in this one (see `ReadersIndex.touched`): they
   * are then reused without their reads being asked again, so an edit costs what it touched, not one check
   * per entry. Only for a memo made with `followsIndexes`.
   */
  followIndex(index: RepoIndex, previousSerial: number): void {
    if (this.#readers === undefined) return;
    this.#sawSerial(index.serial);
    const touched = new Set<string>();
    // The log is not complete for this index yet (this is what completes it): derived questions are asked.
    if (!this.#readers.touched(index, previousSerial, touched, { askEveryDerivation: true })) return;
    for (const key of touched) this.#log(index.serial, key);
    // Entries are carried when next asked (see #catchUp), not one by one here: an edit costs what it touched.
    this.#carries.set(index.serial, { from: previousSerial, touched, bornBefore: this.#births + 1 });
    if (this.#carries.size > MAX_CARRIES) this.#carries.delete(this.#carries.keys().next().value as number);
  }

  /**
   * The index serials {@link followIndex} carried entries to, each with the serial it followed, the keys its changes
   * touched and the count of entries kept before it (an entry kept later was not among those its changes were
   * weighed against). Oldest first, the last {@link MAX_CARRIES}.
   */
  readonly #carries = new Map<number, { readonly from: number; readonly touched: ReadonlySet<string>; readonly bornBefore: number }>();
  /** Entries kept so far (each entry's `born`). */
  #births = 0;

  /**
   * Carries `entry` forward to the index whose serial is `serial` when a chain of {@link followIndex} steps leads there
   * from the index it was last found valid in, none of them touching its key and the entry kept before each: as
   * carrying every untouched entry at each step would have (but only for the entries asked).
   */
  #catchUp(key: string, entry: MemoEntry<T>, serial: number): void {
    if (this.#readers === undefined || entry.checkedIn === serial) return;
    let at = serial;
    for (let steps = 0; steps < MAX_CARRIES; steps++) {
      const carry = this.#carries.get(at);
      if (carry === undefined || entry.born >= carry.bornBefore || carry.touched.has(key)) return;
      at = carry.from;
      if (at === entry.checkedIn) {
        entry.checkedIn = serial;
        return;
      }
    }
  }

  /**
   * The keys whose value may differ, in the index whose serial is `since` or any later one, from the value they had
   * in the index before it: a value found valid in `since` of a key outside this set is the value in every later
   * index the memo followed to (the entry was carried forward with it). Undefined when the memo does not follow
   * indexes or no longer holds the records that far back. For those who ask in an index whose derivations the memo
   * has followed to already (`RepoIndex.following` does that when it makes the index).
   */
  keysLoggedSince(since: number): ReadonlySet<string> | undefined {
    if (this.#readers === undefined || since < this.#logCoversFrom) return undefined;
    const keys = new Set<string>();
    // Records come mostly in serial order, not always (an older index may compute a key): the whole log is read.
    for (const record of this.#changeLog) if (record.serial > since) keys.add(record.key);
    return keys;
  }

  #log(serial: number, key: string): void {
    if (this.#readers === undefined) return;
    this.#changeLog.push({ serial, key });
    if (this.#changeLog.length <= Math.max(MIN_CHANGE_LOG, this.#entries.size >> 1)) return;
    // The older half goes; asking about a serial before the newest dropped tells nothing (the caller then asks every key).
    const dropped = this.#changeLog.splice(0, this.#changeLog.length >> 1);
    for (const record of dropped) if (record.serial >= this.#logCoversFrom) this.#logCoversFrom = record.serial + 1;
  }

  #sawSerial(serial: number): void {
    if (serial <= this.#lastSerial) return;
    this.#lastSerial = serial;
    const forgotten = this.#forgotten;
    this.#forgotten = [];
    for (const key of forgotten) this.#log(serial, key);
  }

  /**
   * The kept value for `key` when its entry is known to hold in the index whose serial is `serial` (checked or
   * carried forward there), marked used by this analysis; undefined when only asking its reads can tell.
   */
  heldIn(key: string, serial: number): { readonly value: T } | undefined {
    this.#sawSerial(serial);
    const entry = this.#entries.get(key);
    if (entry !== undefined) this.#catchUp(key, entry, serial);
    if (entry === undefined || entry.checkedIn !== serial) return undefined;
    entry.generation = this.#generation;
    return entry;
  }

  #keep(key: string, fresh: MemoEntry<T>): void {
    const before = this.#entries.get(key);
    if (before !== undefined) this.#catchUp(key, before, this.#lastSerial);
    fresh.born = ++this.#births;
    // Computed in an older index than the kept entry was found valid in (a question about an earlier analysis): the
    // kept entry stays, as it follows the newest index.
    if (before !== undefined && fresh.checkedIn < before.checkedIn) return;
    this.#entries.set(key, fresh);
    if (this.#readers === undefined) return;
    if (before === undefined || before.value !== fresh.value) this.#log(fresh.checkedIn, key);
    this.#readers.remove(key);
    this.#readers.add(key, [fresh.reads]);
  }

  /**
   * Makes the current analysis not count as one: the next {@link nextGeneration} forgets only what the
   * analysis before it did not use either (a patched model uses few entries; the next full build needs the rest).
   */
  undoGeneration(): void {
    if (this.#generation > 0) this.#generation--;
  }

  /** Number of entries kept. */
  get size(): number {
    return this.#entries.size;
  }

  /** Lookups answered by a kept entry and lookups that computed (among them, those that patched a kept value), since creation. */
  get statistics(): { readonly hits: number; readonly misses: number; readonly patched: number } {
    return { hits: this.#hits, misses: this.#misses, patched: this.#patches };
  }
}

/**
 * Like {@link ReadMemo}, keyed by an object (a `KubeObject` kept by the parse cache or a kept
 * render) instead of a string: entries go when the key object does.
 */
export class ObjectReadMemo<K extends object, T> {
  readonly #entries = new WeakMap<K, Map<string, MemoEntry<T>>>();
  #hits = 0;
  #misses = 0;

  /**
   * The value for `key` (and `context`, a short string naming the computation's other inputs):
   * reused when its reads still hold in `index`, computed (and recorded) otherwise.
   */
  get(index: RepoIndex, key: K, compute: () => T, context = ''): T {
    let byContext = this.#entries.get(key);
    // Entries go with their key object, not by generation.
    const { value, reused } = reuseOrCompute(index, byContext?.get(context), 0, compute, (fresh) => {
      if (!byContext) this.#entries.set(key, (byContext = new Map()));
      byContext.set(context, fresh);
    });
    if (reused) this.#hits++;
    else this.#misses++;
    return value;
  }

  /** The reads of the entry for `key` and `context`, if there is one. */
  readsOf(key: K, context = ''): readonly IndexRead[] | undefined {
    return this.#entries.get(key)?.get(context)?.reads;
  }

  /** Lookups answered by a kept entry and lookups that computed, since creation. */
  get statistics(): { readonly hits: number; readonly misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }
}
