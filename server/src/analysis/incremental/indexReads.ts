// What a computation read from a RepoIndex, so that a later index can tell whether its result still holds.
import type { RepoIndex } from '../repoIndex';
import type { SnapshotFile } from '../snapshot';
import type { ParsedFile } from '../yaml/parseYamlFile';

/**
 * One observation a computation made through a `RepoIndex`: the question and the answer it got.
 * A result computed from an index depends on nothing else of it, so when every recorded read gets
 * the same answer from a newer index, the result is the one that index would give.
 */
export type IndexRead =
  | { readonly kind: 'file'; readonly path: string; readonly answer: SnapshotFile | undefined }
  | { readonly kind: 'parsed'; readonly path: string; readonly answer: ParsedFile | undefined }
  | { readonly kind: 'isDirectory'; readonly path: string; readonly answer: boolean }
  | { readonly kind: 'filesIn'; readonly path: string; readonly answer: readonly string[] }
  | { readonly kind: 'filesUnder'; readonly path: string; readonly answer: readonly string[] }
  /** `path` holds the string searched for. */
  | { readonly kind: 'mentioning'; readonly path: string; readonly answer: readonly string[] }
  | { readonly kind: 'directories'; readonly path: ''; readonly answer: ReadonlySet<string> }
  | { readonly kind: 'chartRoots'; readonly path: ''; readonly answer: ReadonlySet<string> }
  /** A value derived from the whole index (`path` is its name), compared by identity. */
  | { readonly kind: 'derived'; readonly path: string; readonly answer: unknown; readonly compute: (index: RepoIndex) => unknown }
  /** A scan over every file (`path` is its name), compared by identity. */
  | { readonly kind: 'scan'; readonly path: string; readonly answer: readonly unknown[]; readonly scanFile: (index: RepoIndex, path: string) => readonly unknown[] };

/** The reads of one recording, each question once (the first answer is the one the computation used). */
export class ReadLog {
  readonly #reads: IndexRead[] = [];
  readonly #questions = new Set<string>();

  /** Adds a read unless the same question was already recorded. */
  add(read: IndexRead): void {
    const question = `${read.kind}\u0000${read.path}`;
    if (this.#questions.has(question)) return;
    this.#questions.add(question);
    this.#reads.push(read);
  }

  /** Adds reads made earlier (a kept result's), each unless already recorded. */
  addAll(reads: readonly IndexRead[]): void {
    for (const read of reads) this.add(read);
  }

  /** The recorded reads, in the order they were first made. */
  get reads(): readonly IndexRead[] {
    return this.#reads;
  }
}

/**
 * Reads recorded as lists, without looking for repeated questions: a kept result's reads are added as its
 * very list (so read summaries kept per list serve again). For reads that are only looked up by path.
 */
export class ReadListLog {
  readonly #own: IndexRead[] = [];
  readonly #lists: (readonly IndexRead[])[] = [this.#own];

  /** Adds one read. */
  add(read: IndexRead): void {
    this.#own.push(read);
  }

  /** Adds reads made earlier, as the same list. */
  addAll(reads: readonly IndexRead[]): void {
    this.#lists.push(reads);
  }

  /** The lists recorded (repeats possible). */
  get lists(): readonly (readonly IndexRead[])[] {
    return this.#lists;
  }
}

/** A read list sorted by what may alter each read's answer. */
export interface ReadSummary {
  /** File and parse reads by path: a change of that file may alter them. */
  readonly byPath: ReadonlyMap<string, readonly IndexRead[]>;
  /** Searches, derivations and scans: any changed file may change their answer. */
  readonly wholeIndex: readonly IndexRead[];
  /** Folder listings and folder tests by folder: files or folders coming or going there (or below) may alter them. */
  readonly listingsByPath: ReadonlyMap<string, readonly IndexRead[]>;
  /** Every folder, chart roots, every file: any file or folder coming or going may alter them. */
  readonly wholeTree: readonly IndexRead[];
}

/** Read lists are immutable once recorded: each one is summarised once. */
const summaries = new WeakMap<readonly IndexRead[], ReadSummary>();

/** The reads of a list sorted by what may alter them (see {@link ReadSummary}); kept per list. */
export function summaryOf(reads: readonly IndexRead[]): ReadSummary {
  let summary = summaries.get(reads);
  if (summary !== undefined) return summary;
  const byPath = new Map<string, IndexRead[]>();
  const wholeIndex: IndexRead[] = [];
  const listingsByPath = new Map<string, IndexRead[]>();
  const wholeTree: IndexRead[] = [];
  const addTo = (map: Map<string, IndexRead[]>, read: IndexRead): void => {
    const list = map.get(read.path);
    if (list) list.push(read);
    else map.set(read.path, [read]);
  };
  for (const read of reads) {
    if (read.kind === 'file' || read.kind === 'parsed') addTo(byPath, read);
    else if (read.kind === 'mentioning' || read.kind === 'derived' || read.kind === 'scan') wholeIndex.push(read);
    else if ((read.kind === 'filesIn' || read.kind === 'filesUnder' || read.kind === 'isDirectory') && read.path !== '') addTo(listingsByPath, read);
    else wholeTree.push(read);
  }
  summaries.set(reads, (summary = { byPath, wholeIndex, listingsByPath, wholeTree }));
  return summary;
}

/** True when two snapshot entries give a reader the same thing (kind and text, or skip reason). */
export function sameSnapshotFile(a: SnapshotFile | undefined, b: SnapshotFile | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.kind !== b.kind) return false;
  if (a.kind === 'text') return a.text === (b as typeof a).text;
  if (a.kind === 'skipped') return a.reason === (b as typeof a).reason && a.detail === (b as typeof a).detail;
  return true;
}

/** True when two lists hold the same items (by identity), in the same order. */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** True when two sets hold the same members. */
export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const member of a) if (!b.has(member)) return false;
  return true;
}
