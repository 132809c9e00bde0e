// Who made which reads, indexed so that a change finds the readers it may have touched without asking every reader.
import type { RepoIndex } from '../repoIndex';
import { summaryOf, type IndexRead } from './indexReads';

/**
 * Per key (a node object, a node id): the read lists it made, indexed by what may alter them: files by
 * path, folder listings by folder, and per key its searches and derivations (any changed file) and its
 * whole-tree reads (any file or folder that came or went). {@link touched} finds the keys whose reads
 * may answer differently in an index that follows the one they were made in.
 */
export class ReadersIndex<K> {
  readonly #fileReaders = new Map<string, Set<K>>();
  readonly #listingReaders = new Map<string, Set<K>>();
  readonly #wholeIndexReads = new Map<K, IndexRead[]>();
  /**
   * The same whole-index reads by question (kind and path) and answer: keys that asked one question and got one
   * answer share an entry, so a change checks each distinct read once, not once per key.
   */
  readonly #wholeIndexReaders = new Map<string, Map<unknown, WholeIndexReaders<K>>>();
  /** The questions of {@link #wholeIndexReaders} that ask no derivation (searches, scans…): asked after every change. */
  readonly #underivedQuestions = new Set<string>();
  readonly #wholeTreeReaders = new Set<K>();
  /** Per key: its lists (for removal) and its listing reads (checked one key at a time). */
  readonly #lists = new Map<K, (readonly IndexRead[])[]>();
  readonly #listingReads = new Map<K, IndexRead[]>();

  /** The lists recorded for `key`, if any. */
  listsOf(key: K): readonly (readonly IndexRead[])[] | undefined {
    return this.#lists.get(key);
  }

  /** Adds read lists made by `key` (to those it already has; a list it has already is not added twice). */
  add(key: K, lists: readonly (readonly IndexRead[])[]): void {
    let own = this.#lists.get(key);
    if (!own) this.#lists.set(key, (own = []));
    for (const reads of lists) {
      // The same list again (a kept result asked for in a later analysis) is indexed already.
      if (reads.length === 0 || own.includes(reads)) continue;
      own.push(reads);
      const summary = summaryOf(reads);
      for (const path of summary.byPath.keys()) addReader(this.#fileReaders, path, key);
      for (const path of summary.listingsByPath.keys()) addReader(this.#listingReaders, path, key);
      if (summary.wholeIndex.length > 0) {
        pushAll(this.#wholeIndexReads, key, summary.wholeIndex);
        for (const read of summary.wholeIndex) this.#addWholeIndexReader(read, key);
      }
      if (summary.wholeTree.length > 0) this.#wholeTreeReaders.add(key);
      for (const listings of summary.listingsByPath.values()) pushAll(this.#listingReads, key, listings);
      if (summary.wholeTree.length > 0) pushAll(this.#listingReads, key, summary.wholeTree);
    }
  }

  #addWholeIndexReader(read: IndexRead, key: K): void {
    const question = questionOf(read);
    let byAnswer = this.#wholeIndexReaders.get(question);
    if (!byAnswer) {
      this.#wholeIndexReaders.set(question, (byAnswer = new Map()));
      if (read.kind !== 'derived') this.#underivedQuestions.add(question);
    }
    const readers = byAnswer.get(read.answer);
    if (readers) readers.keys.add(key);
    else byAnswer.set(read.answer, { read, keys: new Set([key]) });
  }

  #removeWholeIndexReader(read: IndexRead, key: K): void {
    const question = questionOf(read);
    const byAnswer = this.#wholeIndexReaders.get(question);
    const readers = byAnswer?.get(read.answer);
    if (byAnswer === undefined || readers === undefined) return;
    readers.keys.delete(key);
    if (readers.keys.size > 0) return;
    byAnswer.delete(read.answer);
    if (byAnswer.size > 0) return;
    this.#wholeIndexReaders.delete(question);
    this.#underivedQuestions.delete(question);
  }

  /** Forgets every read of `key`. */
  remove(key: K): void {
    const lists = this.#lists.get(key);
    if (lists === undefined) return;
    this.#lists.delete(key);
    for (const read of this.#wholeIndexReads.get(key) ?? []) this.#removeWholeIndexReader(read, key);
    this.#wholeIndexReads.delete(key);
    this.#wholeTreeReaders.delete(key);
    this.#listingReads.delete(key);
    for (const reads of lists) {
      const summary = summaryOf(reads);
      for (const path of summary.byPath.keys()) removeReader(this.#fileReaders, path, key);
      for (const path of summary.listingsByPath.keys()) removeReader(this.#listingReaders, path, key);
    }
  }

  /** Forgets everything. */
  clear(): void {
    this.#fileReaders.clear();
    this.#listingReaders.clear();
    this.#wholeIndexReads.clear();
    this.#wholeIndexReaders.clear();
    this.#underivedQuestions.clear();
    this.#wholeTreeReaders.clear();
    this.#lists.clear();
    this.#listingReads.clear();
  }

  /** How many keys are recorded. */
  get size(): number {
    return this.#lists.size;
  }

  /** The keys recorded. */
  keys(): IterableIterator<K> {
    return this.#lists.keys();
  }

  /**
   * Adds to `into` the keys whose reads may answer differently in `index` than in the index whose serial is
   * `since`: readers of changed files, keys whose searches or derivations answer differently and, when files
   * or folders came or went, keys whose listings do. False when `index` does not follow that index or a Helm
   * chart root came or went (then any parse may differ: the caller must treat every key as touched). Of the
   * derivations read, only those `index` names as possibly changed are asked (see
   * `RepoIndex.derivationsPossiblyChangedSince`), unless `askEveryDerivation` (a memo of derivations following
   * `index`, which is what makes those names known).
   */
  touched(index: RepoIndex, since: number, into: Set<K>, options: { readonly askEveryDerivation?: boolean } = {}): boolean {
    const changes = index.changesSince(since);
    const listingPaths = index.listingPathsTouchedSince(since);
    if (changes === undefined || listingPaths === undefined || !index.chartRootsKeptSince(since)) return false;
    for (const path of changes.files) for (const key of this.#fileReaders.get(path) ?? []) into.add(key);
    if (changes.files.size > 0) {
      // Asking a derived question may compute a derivation again, and a memo of derivations updates this index
      // then: the readers are listed first.
      const readers = this.#wholeIndexReadersToAsk(options.askEveryDerivation === true ? undefined : index.derivationsPossiblyChangedSince(since));
      for (const { read, keys } of readers) {
        // A derivation carried to this index answers without its reads being asked (most of them, after an edit).
        const alike = (read.kind === 'derived' ? index.derivationAnswers(read.path, read.answer) : undefined) ?? index.answersAsBefore([read]);
        if (!alike) for (const key of keys) into.add(key);
      }
    }
    if (changes.structural) {
      const candidates = new Set<K>(this.#wholeTreeReaders);
      for (const path of listingPaths) for (const key of this.#listingReaders.get(path) ?? []) candidates.add(key);
      for (const key of candidates) if (!into.has(key) && !index.answersAsBefore(this.#listingReads.get(key) ?? [])) into.add(key);
    }
    return true;
  }

  /**
   * The whole-index readers whose reads may answer differently after a change: all of them, or, when the derivations
   * that may answer differently are known, the readers of those and of every question that is no derivation.
   */
  #wholeIndexReadersToAsk(changedDerivations: ReadonlySet<string> | undefined): WholeIndexReaders<K>[] {
    const readers: WholeIndexReaders<K>[] = [];
    const addQuestion = (question: string): void => {
      for (const reader of this.#wholeIndexReaders.get(question)?.values() ?? []) readers.push(reader);
    };
    if (changedDerivations === undefined) {
      for (const question of this.#wholeIndexReaders.keys()) addQuestion(question);
      return readers;
    }
    for (const question of this.#underivedQuestions) addQuestion(question);
    for (const name of changedDerivations) addQuestion(questionOf({ kind: 'derived', path: name }));
    return readers;
  }
}

/** Keys that asked one whole-index question and got one answer, and one of their reads (to ask it again). */
interface WholeIndexReaders<K> {
  readonly read: IndexRead;
  readonly keys: Set<K>;
}

function questionOf(read: Pick<IndexRead, 'kind' | 'path'>): string {
  return `${read.kind}\u0000${read.path}`;
}

function addReader<K>(readers: Map<string, Set<K>>, path: string, key: K): void {
  let keys = readers.get(path);
  if (!keys) readers.set(path, (keys = new Set()));
  keys.add(key);
}

function removeReader<K>(readers: Map<string, Set<K>>, path: string, key: K): void {
  const keys = readers.get(path);
  if (keys === undefined) return;
  keys.delete(key);
  if (keys.size === 0) readers.delete(path);
}

function pushAll<K>(byKey: Map<K, IndexRead[]>, key: K, reads: readonly IndexRead[]): void {
  const list = byKey.get(key);
  if (list) list.push(...reads);
  else byKey.set(key, [...reads]);
}
