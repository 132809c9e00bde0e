// RepoIndex: a read-only view of a snapshot with memoised parsing and path helpers.
import { ReadListLog, ReadLog, sameList, sameSet, sameSnapshotFile, summaryOf, type IndexRead } from './incremental/indexReads';
import { layeredOver } from './incremental/layeredMap';
import type { SnapshotChanges } from './incremental/snapshotChanges';
import { comeAndGone, filesByDirectoryAfter, sortedAfter } from './incremental/listingUpdates';
import type { ReadMemo } from './incremental/readMemo';
import type { ParseCache } from './parseCache';
import type { RepoSnapshot, SnapshotFile } from './snapshot';
import { parentDirectory } from './snapshot';
import { LineIndex, type LineColumn } from './text/lineIndex';
import type { SourceLocation } from './text/span';
import { parseYamlFile, type ParsedFile, type ParseLimits, DEFAULT_PARSE_LIMITS } from './yaml/parseYamlFile';

const YAML_LIKE = /\.(ya?ml|json)$/i;

/**
 * Lazily parses the snapshot's files, at most once each. Everything downstream reads files
 * through this index, never the snapshot's texts directly, so parsing stays in one place.
 */
export class RepoIndex {
  readonly snapshot: RepoSnapshot;
  readonly #limits: ParseLimits;
  readonly #parseCache: ParseCache | undefined;
  readonly #parsed = new Map<string, ParsedFile>();
  #chartRoots: Set<string> | undefined;
  #sortedFiles: string[] | undefined;
  readonly #lineIndexes = new Map<string, LineIndex>();
  #filesByDirectory: Map<string, string[]> | undefined;
  readonly #mentioning = new Map<string, readonly string[]>();
  /** Open recordings, innermost last (see {@link RepoIndex.recordReads}). */
  #recordings: (ReadLog | ReadListLog)[] = [];

  /**
   * @param parseCache parses shared across indexes (a language server's successive snapshots): a
   *   file whose text is unchanged is not parsed again. Ignored when made with other limits.
   * @param derivations values derived from whole indexes kept across indexes (see {@link derived});
   *   a language server's memo passes one, so whole-repository scans are redone only after changes they read.
   */
  constructor(snapshot: RepoSnapshot, limits: ParseLimits = DEFAULT_PARSE_LIMITS, parseCache?: ParseCache, derivations?: ReadMemo<unknown>) {
    this.snapshot = snapshot;
    this.#limits = limits;
    this.#parseCache = parseCache?.accepts(limits) ? parseCache : undefined;
    this.#derivations = derivations;
    this.serial = nextSerial++;
  }

  readonly #derivations: ReadMemo<unknown> | undefined;
  readonly #derivedHere = new Map<string, unknown>();
  /** Scans over every file (see {@link scanEveryFile}) by name. */
  readonly #fileScans = new Map<string, FileScan<unknown>>();
  /** The previous index's scans, taken over when asked (only when every unchanged file reads alike). */
  #inheritedScans: ReadonlyMap<string, FileScan<unknown>> | undefined;

  /**
   * A value computed from this index alone (a scan of the whole repository: declared Argo CD
   * objects, kustomizations, Argo CD's configuration…), computed once per index and, with kept
   * derivations, reused from an earlier index while every read it made is answered alike. `name`
   * must identify the computation; it may read nothing but the index it is given (never an index
   * captured elsewhere: a later index re-runs it on itself when checking a kept result).
   */
  derived<T>(name: string, compute: (index: RepoIndex) => T): T {
    let value = this.#derivedHere.get(name) as T | undefined;
    if (value === undefined && !this.#derivedHere.has(name)) {
      // Computed apart from any open recording: a computation that uses it records one read of it.
      value = this.#isolated(() => (this.#derivations ? (this.#derivations.get(this, name, () => compute(this)) as T) : compute(this)));
      this.#derivedHere.set(name, value);
    }
    if (this.#recordings.length > 0) this.#record({ kind: 'derived', path: name, answer: value, compute });
    return value as T;
  }

  /**
   * Whether the derivation `name` answers `answer` in this index, when that is known without asking its reads (it
   * was worked out here, or its kept value holds here: see `ReadMemo.followIndex`); undefined otherwise.
   */
  derivationAnswers(name: string, answer: unknown): boolean | undefined {
    if (this.#derivedHere.has(name)) return this.#derivedHere.get(name) === answer;
    const held = this.#derivations?.heldIn(name, this.serial);
    return held === undefined ? undefined : held.value === answer;
  }

  /**
   * The derivations whose answer in this index may differ from the one they gave in the index whose serial is `since`,
   * which this index follows: any other derivation answers here what it answered there (its kept value was carried
   * forward). Undefined when that is not known (no kept derivations, another succession, records gone): then every
   * derivation must be asked.
   */
  derivationsPossiblyChangedSince(since: number): ReadonlySet<string> | undefined {
    if (this.#succession === undefined || this.#succession.previousSerial !== since) return undefined;
    return this.#derivations?.keysLoggedSince(since);
  }

  /**
   * The items of a scan over every file, in path order: `scanFile` lists the items of one file and
   * may read nothing but that file, through the index it is given. An index made by {@link following}
   * scans only the changed files and keeps the previous list when none of them has or had items.
   */
  scanEveryFile<T>(name: string, scanFile: (index: RepoIndex, path: string) => readonly T[]): readonly T[] {
    let scan = this.#fileScans.get(name) as FileScan<T> | undefined;
    if (!scan) {
      scan = this.#isolated(() => this.#scanFiles(name, scanFile));
      this.#fileScans.set(name, scan);
    }
    if (this.#recordings.length > 0) this.#record({ kind: 'scan', path: name, answer: scan.items, scanFile });
    return scan.items;
  }

  #scanFiles<T>(name: string, scanFile: (index: RepoIndex, path: string) => readonly T[]): FileScan<T> {
    const inherited = this.#inheritedScans?.get(name) as FileScan<T> | undefined;
    const changes = this.#succession?.changes;
    if (inherited && changes) {
      // Only the changed files that have or had items change the scan (most edits: none has).
      const changed = new Map<string, readonly T[] | undefined>();
      for (const path of changes.files) {
        const before = inherited.byFile.get(path);
        const now = this.snapshot.files.has(path) ? scanFile(this, path) : [];
        if ((before === undefined || before.length === 0) && now.length === 0) continue;
        changed.set(path, now.length > 0 ? now : undefined);
      }
      if (changed.size === 0) return { ...inherited, scanFile };
      // A layer over the inherited lists, and their sorted paths with those that came or went (no copy, no sort of every path).
      const byFile = layeredOver(inherited.byFile, changed);
      const paths = pathsAfter(inherited.paths, changed, inherited.byFile);
      return { byFile, paths, items: itemsInPathOrder(paths, byFile), scanFile };
    }
    const byFile = new Map<string, readonly T[]>();
    for (const path of this.#allFiles()) {
      const items = scanFile(this, path);
      if (items.length > 0) byFile.set(path, items);
    }
    const paths = [...byFile.keys()].sort();
    return { byFile, paths, items: itemsInPathOrder(paths, byFile), scanFile };
  }

  #isolated<T>(compute: () => T): T {
    const open = this.#recordings;
    this.#recordings = [];
    try {
      return compute();
    } finally {
      this.#recordings = open;
    }
  }

  /** A number no other index of this process has: results remember in which index they were last checked. */
  readonly serial: number;
  /** The index this one follows and what changed since, when made by {@link RepoIndex.following}. */
  #succession: Succession | undefined;

  /**
   * An index of `snapshot` that takes over what `previous` already worked out for unchanged files
   * (parses, line indexes, searches, and listings: kept when no file or folder came or went, brought up to
   * date when a few did), given the changes
   * between their snapshots. Its answers are exactly those of a new index.
   */
  static following(previous: RepoIndex, snapshot: RepoSnapshot, changes: SnapshotChanges, parseCache?: ParseCache): RepoIndex {
    const index = new RepoIndex(snapshot, previous.#limits, parseCache, previous.#derivations);
    // Chart roots change only when a Chart.yaml comes or goes.
    const chartFileChanged = changes.structural && [...changes.files].some(isChartFile);
    const chartRootsKept = !chartFileChanged || sameSet(previous.#chartRootSet(), index.#chartRootSet());
    const listingPaths = changes.structural ? foldersTouched(changes.files, previous.snapshot.directories, snapshot.directories) : NO_PATHS;
    index.#succession = { previousSerial: previous.serial, changes, chartRootsKept, listingPaths };
    if (chartRootsKept) {
      // With a parse cache, unchanged files' parses are found there (the same objects) when asked for.
      if (!parseCache) for (const [path, parsed] of previous.#parsed) if (!changes.files.has(path)) index.#parsed.set(path, parsed);
      // Scans the previous index inherited but was not asked for are brought up to date there first (its
      // changed files only), so a scan is carried along a chain of indexes without the chain being kept.
      for (const [name, inherited] of previous.#inheritedScans ?? []) {
        if (!previous.#fileScans.has(name)) previous.#fileScans.set(name, previous.#scanFiles(name, inherited.scanFile));
      }
      index.#inheritedScans = previous.#fileScans;
    }
    if (!parseCache) for (const [path, lines] of previous.#lineIndexes) if (!changes.files.has(path)) index.#lineIndexes.set(path, lines);
    if (!chartFileChanged) index.#chartRoots = previous.#chartRoots;
    if (!changes.structural) {
      index.#sortedFiles = previous.#sortedFiles;
      index.#filesByDirectory = previous.#filesByDirectory;
    } else if (changes.files.size <= MAX_CHANGES_FOLLOWED) {
      // A few files came or went: the listings are brought up to date rather than built again from every path.
      const change = comeAndGone(changes.files, previous.snapshot.files, snapshot.files);
      if (previous.#sortedFiles) index.#sortedFiles = sortedAfter(previous.#sortedFiles, change);
      if (previous.#filesByDirectory) index.#filesByDirectory = filesByDirectoryAfter(previous.#filesByDirectory, change);
    }
    for (const [needle, answer] of previous.#mentioning) {
      // Files that went have no text: they drop out like edited files that no longer mention the needle.
      const kept = answer.filter((path) => !changes.files.has(path));
      for (const path of changes.files) if (index.#textUnrecorded(path)?.includes(needle)) kept.push(path);
      kept.sort();
      // The same list stays the same array, so reads of it are checked by identity.
      index.#mentioning.set(needle, changes.files.size === 0 || sameList(kept, answer) ? answer : kept);
    }
    // Derivations whose reads the changes cannot alter hold in this index without being asked again.
    index.#derivations?.followIndex(index, previous.serial);
    return index;
  }

  /** The snapshot entry of a path, if the file exists. */
  file(path: string): SnapshotFile | undefined {
    const file = this.snapshot.files.get(path);
    if (this.#recordings.length > 0) this.#record({ kind: 'file', path, answer: file });
    return file;
  }

  #textUnrecorded(path: string): string | undefined {
    const file = this.snapshot.files.get(path);
    return file?.kind === 'text' ? file.text : undefined;
  }

  /** The text of a file, if it exists and was read. */
  text(path: string): string | undefined {
    const file = this.file(path);
    return file?.kind === 'text' ? file.text : undefined;
  }

  /** The 0-based line and column where a location starts (0:0 for files without text). */
  position(location: SourceLocation): LineColumn {
    let lines = this.#lineIndexes.get(location.file);
    if (!lines) {
      const text = this.text(location.file);
      if (text === undefined) return { line: 0, column: 0 };
      lines = this.#parseCache ? this.#parseCache.lineIndex(location.file, text) : new LineIndex(text);
      this.#lineIndexes.set(location.file, lines);
    }
    return lines.position(location.span.start);
  }

  /** True when a folder exists in the snapshot. */
  isDirectory(path: string): boolean {
    const answer = this.snapshot.directories.has(path);
    if (this.#recordings.length > 0) this.#record({ kind: 'isDirectory', path, answer });
    return answer;
  }

  /** Every folder of the snapshot (including `''`). */
  directories(): ReadonlySet<string> {
    if (this.#recordings.length > 0) this.#record({ kind: 'directories', path: '', answer: this.snapshot.directories });
    return this.snapshot.directories;
  }

  /** True when the path names a YAML or JSON file the analysis parses. */
  static isYamlLike(path: string): boolean {
    return YAML_LIKE.test(path);
  }

  /**
   * Parses a YAML/JSON file once. Returns undefined for missing files, files without text, and
   * files that are never YAML-parsed (Helm chart templates, `*.tpl`).
   */
  parsed(path: string): ParsedFile | undefined {
    const answer = this.#parsedFile(path);
    if (this.#recordings.length > 0) this.#record({ kind: 'parsed', path, answer });
    return answer;
  }

  #parsedFile(path: string): ParsedFile | undefined {
    const cached = this.#parsed.get(path);
    if (cached) return cached;
    const file = this.snapshot.files.get(path);
    if (file?.kind !== 'text' || !RepoIndex.isYamlLike(path) || this.#isHelmTemplate(path)) return undefined;
    const text = file.text;
    let parsed = this.#parseCache?.get(path, text);
    if (parsed === undefined) {
      parsed = parseYamlFile(path, text, this.#limits);
      this.#parseCache?.set(path, text, parsed);
    }
    this.#parsed.set(path, parsed);
    return parsed;
  }

  /** Folders holding a `Chart.yaml`: Helm charts. */
  chartRoots(): ReadonlySet<string> {
    const answer = this.#chartRootSet();
    if (this.#recordings.length > 0) this.#record({ kind: 'chartRoots', path: '', answer });
    return answer;
  }

  #chartRootSet(): ReadonlySet<string> {
    if (!this.#chartRoots) {
      this.#chartRoots = new Set();
      for (const path of this.snapshot.files.keys()) {
        if (isChartFile(path)) this.#chartRoots.add(parentDirectory(path));
      }
    }
    return this.#chartRoots;
  }

  /** True for files Helm renders (a chart's `templates/` tree) and `*.tpl` helpers: never YAML-parsed. */
  isHelmTemplate(path: string): boolean {
    if (path.endsWith('.tpl')) return true;
    if (this.#recordings.length > 0) this.#record({ kind: 'chartRoots', path: '', answer: this.#chartRootSet() });
    return this.#isHelmTemplate(path);
  }

  #isHelmTemplate(path: string): boolean {
    if (path.endsWith('.tpl')) return true;
    if (!path.includes('templates/')) return false;
    const segments = path.split('/');
    for (let index = segments.length - 2; index >= 0; index--) {
      if (segments[index] === 'templates' && this.#chartRootSet().has(segments.slice(0, index).join('/'))) return true;
    }
    return false;
  }

  /** Every file path in the snapshot, sorted. */
  allFiles(): readonly string[] {
    const answer = this.#allFiles();
    if (this.#recordings.length > 0) this.#record({ kind: 'filesUnder', path: '', answer });
    return answer;
  }

  #allFiles(): readonly string[] {
    this.#sortedFiles ??= [...this.snapshot.files.keys()].sort();
    return this.#sortedFiles;
  }

  /**
   * Files whose text contains `needle`, sorted: a cheap filter before parsing, for searches over the
   * whole repository. With a parse cache, texts already searched are not searched again.
   */
  filesMentioning(needle: string): readonly string[] {
    let answer = this.#mentioning.get(needle);
    if (!answer) {
      const found: string[] = [];
      for (const path of this.#allFiles()) {
        const file = this.snapshot.files.get(path);
        if (file?.kind !== 'text') continue;
        if (this.#parseCache ? this.#parseCache.mentions(path, file.text, needle) : file.text.includes(needle)) found.push(path);
      }
      this.#mentioning.set(needle, (answer = found));
    }
    if (this.#recordings.length > 0) this.#record({ kind: 'mentioning', path: needle, answer });
    return answer;
  }

  /** Files directly inside a folder (not recursive), sorted. */
  filesIn(directory: string): readonly string[] {
    const answer = this.#filesIn(directory);
    if (this.#recordings.length > 0) this.#record({ kind: 'filesIn', path: directory, answer });
    return answer;
  }

  #filesIn(directory: string): readonly string[] {
    if (!this.#filesByDirectory) {
      this.#filesByDirectory = new Map();
      for (const path of this.#allFiles()) {
        const parent = parentDirectory(path);
        const list = this.#filesByDirectory.get(parent);
        if (list) list.push(path);
        else this.#filesByDirectory.set(parent, [path]);
      }
    }
    return this.#filesByDirectory.get(directory) ?? [];
  }

  /** Files under a folder at any depth, sorted. */
  filesUnder(directory: string): readonly string[] {
    const answer = this.#filesUnder(directory);
    if (this.#recordings.length > 0) this.#record({ kind: 'filesUnder', path: directory, answer });
    return answer;
  }

  #filesUnder(directory: string): readonly string[] {
    if (directory === '') return this.#allFiles();
    const prefix = `${directory}/`;
    const all = this.#allFiles();
    // The sorted list keeps a folder's files contiguous: binary-search the first one.
    let low = 0;
    let high = all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((all[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const result: string[] = [];
    for (let index = low; index < all.length && (all[index] ?? '').startsWith(prefix); index++) result.push(all[index] ?? '');
    return result;
  }

  /**
   * Runs `compute` and returns what it read from this index along with its value. Recordings nest:
   * an inner recording's reads also count for the outer one.
   */
  recordReads<T>(compute: () => T): { value: T; reads: readonly IndexRead[] } {
    const log = new ReadLog();
    this.#recordings.push(log);
    let value: T;
    try {
      value = compute();
    } finally {
      this.#recordings.pop();
    }
    this.replayReads(log.reads);
    return { value, reads: log.reads };
  }

  /**
   * Like {@link recordReads}, but the reads are not added to the open recording: the caller keeps
   * them apart (the model keeps each node's reads apart from its own, see `KeptModel`). They come as lists,
   * repeats included: a kept result's reads are its very list.
   */
  recordReadsApart<T>(compute: () => T): { value: T; reads: readonly (readonly IndexRead[])[] } {
    const log = new ReadListLog();
    this.#recordings.push(log);
    try {
      return { value: compute(), reads: log.lists };
    } finally {
      this.#recordings.pop();
    }
  }

  /** What changed since the index this one follows (made by {@link RepoIndex.following}); undefined for a first index. */
  get changes(): SnapshotChanges | undefined {
    return this.#succession?.changes;
  }

  /**
   * What changed since the index whose serial is given, when this index follows that one directly
   * (made by {@link RepoIndex.following} from it); undefined otherwise.
   */
  changesSince(serial: number): SnapshotChanges | undefined {
    return this.#succession !== undefined && this.#succession.previousSerial === serial ? this.#succession.changes : undefined;
  }

  /**
   * True when this index follows the one whose serial is given and has the same Helm chart roots (so every
   * unchanged file parses as it did there, even when files came or went).
   */
  chartRootsKeptSince(serial: number): boolean {
    return this.#succession !== undefined && this.#succession.previousSerial === serial && this.#succession.chartRootsKept;
  }

  /**
   * The folders whose listings or folder test may answer differently in this index than in the one whose
   * serial is given (which this one follows): those holding files that came, went or changed, their
   * ancestors, and folders that came or went. Undefined when this index does not follow that one.
   */
  listingPathsTouchedSince(serial: number): ReadonlySet<string> | undefined {
    return this.#succession !== undefined && this.#succession.previousSerial === serial ? this.#succession.listingPaths : undefined;
  }

  /** Adds reads made earlier (a reused result's) to the open recording, if any. */
  replayReads(reads: readonly IndexRead[]): void {
    this.#recordings[this.#recordings.length - 1]?.addAll(reads);
  }

  /**
   * True when this index answers every recorded read as it was answered then. Records nothing.
   * `checkedIn` is the serial of the last index that answered them alike: when that is the index
   * this one follows, only reads the changes can touch are asked again.
   */
  answersAsBefore(reads: readonly IndexRead[], checkedIn?: number): boolean {
    if (checkedIn === this.serial) return true;
    const alike = (read: IndexRead): boolean => this.#answersAsBefore(read);
    const succession = this.#succession;
    if (succession !== undefined && checkedIn === succession.previousSerial) {
      const { changes, chartRootsKept, listingPaths } = succession;
      if (!chartRootsKept || changes.files.size > reads.length) {
        for (const read of reads) if (mayHaveChanged(read, changes, chartRootsKept) && !alike(read)) return false;
        return true;
      }
      // A few changed files: look them up among the files read, instead of looking each read up among them.
      const summary = summaryOf(reads);
      for (const path of changes.files) {
        const fileReads = summary.byPath.get(path);
        if (fileReads !== undefined) for (const read of fileReads) if (!alike(read)) return false;
      }
      if (changes.files.size > 0) for (const read of summary.wholeIndex) if (!alike(read)) return false;
      if (changes.structural) {
        for (const path of listingPaths) {
          const listings = summary.listingsByPath.get(path);
          if (listings !== undefined) for (const read of listings) if (!alike(read)) return false;
        }
        for (const read of summary.wholeTree) if (!alike(read)) return false;
      }
      return true;
    }
    for (const read of reads) if (!alike(read)) return false;
    return true;
  }

  /**
   * The files whose `file` and `parsed` reads among `reads` answer otherwise in this index than in the one whose
   * serial is `checkedIn`, which this index follows, when every other read answers alike (no file or folder came or
   * went, no search or derivation answers otherwise); undefined when that is not so or not known. For a result
   * that can be made again from its kept value by doing again only what it did with those files.
   */
  changedFileReads(reads: readonly IndexRead[], checkedIn: number): ReadonlySet<string> | undefined {
    const succession = this.#succession;
    if (succession === undefined || checkedIn !== succession.previousSerial) return undefined;
    const { changes, chartRootsKept } = succession;
    if (!chartRootsKept || changes.structural) return undefined;
    const summary = summaryOf(reads);
    const changed = new Set<string>();
    for (const path of changes.files) {
      for (const read of summary.byPath.get(path) ?? []) {
        if (this.#answersAsBefore(read)) continue;
        if (read.kind !== 'file' && read.kind !== 'parsed') return undefined;
        changed.add(path);
      }
    }
    if (changes.files.size > 0) for (const read of summary.wholeIndex) if (!this.#answersAsBefore(read)) return undefined;
    return changed;
  }

  #answersAsBefore(read: IndexRead): boolean {
    switch (read.kind) {
      case 'file':
        return sameSnapshotFile(read.answer, this.snapshot.files.get(read.path));
      case 'parsed':
        return read.answer === this.#parsedFile(read.path);
      case 'isDirectory':
        return read.answer === this.snapshot.directories.has(read.path);
      case 'filesIn':
        return sameList(read.answer, this.#filesIn(read.path));
      case 'mentioning':
        return sameList(read.answer, this.filesMentioning(read.path));
      case 'filesUnder':
        return sameList(read.answer, this.#filesUnder(read.path));
      case 'directories':
        return sameSet(read.answer, this.snapshot.directories);
      case 'chartRoots':
        return sameSet(read.answer, this.#chartRootSet());
      case 'derived':
        return this.derived(read.path, read.compute) === read.answer;
      case 'scan':
        return this.scanEveryFile(read.path, read.scanFile) === read.answer;
    }
  }

  #record(read: IndexRead): void {
    this.#recordings[this.#recordings.length - 1]?.add(read);
  }
}

let nextSerial = 1;

/** What an index made by {@link RepoIndex.following} knows of the one it follows. */
interface Succession {
  readonly previousSerial: number;
  readonly changes: SnapshotChanges;
  /** True when no Helm chart root came or went (unchanged files parse as they did). */
  readonly chartRootsKept: boolean;
  /** See {@link RepoIndex.listingPathsTouchedSince}. */
  readonly listingPaths: ReadonlySet<string>;
}

const NO_PATHS: ReadonlySet<string> = new Set();

/** The folders of changed files and the folders that came or went, each with its ancestors. */
function foldersTouched(changedFiles: Iterable<string>, before: ReadonlySet<string>, after: ReadonlySet<string>): ReadonlySet<string> {
  const folders = new Set<string>();
  const addWithAncestors = (folder: string): void => {
    for (let current = folder; !folders.has(current); current = parentDirectory(current)) {
      folders.add(current);
      if (current === '') break;
    }
  };
  for (const path of changedFiles) addWithAncestors(parentDirectory(path));
  if (before !== after) {
    for (const folder of after) if (!before.has(folder)) addWithAncestors(folder);
    for (const folder of before) if (!after.has(folder)) addWithAncestors(folder);
  }
  return folders;
}

/** True for a Helm chart's `Chart.yaml`. */
function isChartFile(path: string): boolean {
  return path === 'Chart.yaml' || path.endsWith('/Chart.yaml');
}

/** More changed files than this (a checkout, say) and a following index builds its listings and searches afresh. */
const MAX_CHANGES_FOLLOWED = 256;

/** False when the changes cannot alter the answer to a read (its file did not change, no file or folder came or went). */
function mayHaveChanged(read: IndexRead, changes: SnapshotChanges, chartRootsKept: boolean): boolean {
  switch (read.kind) {
    case 'file':
    case 'parsed':
      // A new chart root can make an unchanged file a Helm template.
      return changes.files.has(read.path) || (read.kind === 'parsed' && !chartRootsKept);
    case 'mentioning':
    case 'derived':
    case 'scan':
      return changes.files.size > 0;
    default:
      return changes.structural;
  }
}

/** One scan over every file: items by file (files with none left out) and all of them in path order. */
interface FileScan<T> {
  readonly byFile: ReadonlyMap<string, readonly T[]>;
  /** The paths of `byFile`, sorted. */
  readonly paths: readonly string[];
  readonly items: readonly T[];
  /** What scans one file (to bring the scan up to date in a later index). */
  readonly scanFile: (index: RepoIndex, path: string) => readonly T[];
}

function itemsInPathOrder<T>(paths: readonly string[], byFile: ReadonlyMap<string, readonly T[]>): readonly T[] {
  const items: T[] = [];
  for (const path of paths) for (const item of byFile.get(path) ?? []) items.push(item);
  return items;
}

/** Sorted `paths` with the changed paths that came (items now, none before) put in place and those that went (no items now) taken out. */
function pathsAfter(paths: readonly string[], changed: ReadonlyMap<string, readonly unknown[] | undefined>, before: ReadonlyMap<string, unknown>): readonly string[] {
  const came: string[] = [];
  const went = new Set<string>();
  for (const [path, items] of changed) {
    if (items !== undefined && !before.has(path)) came.push(path);
    else if (items === undefined && before.has(path)) went.add(path);
  }
  if (came.length === 0 && went.size === 0) return paths;
  const after = went.size === 0 ? [...paths] : paths.filter((path) => !went.has(path));
  for (const path of came) {
    let low = 0;
    let high = after.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((after[middle] as string) < path) low = middle + 1;
      else high = middle;
    }
    after.splice(low, 0, path);
  }
  return after;
}
