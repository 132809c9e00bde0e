// One workspace folder: its disk snapshot, the open documents over it, quarantine, and the analyses that follow its changes.
import path from 'node:path';
import { AnalysisMemo } from '../analysis/incremental/analysisMemo';
import { RepoIndex } from '../analysis/repoIndex';
import { quarantined } from '../analysis/rules/parse/quarantined';
import type { Problem } from '../analysis/rules/rule';
import type { RepoSnapshot, SnapshotFile } from '../analysis/snapshot';
import { parentDirectory } from '../analysis/snapshot';
import { OverlaidFiles } from '../analysis/overlaidFiles';
import { DEFAULT_PARSE_LIMITS } from '../analysis/yaml/parseYamlFile';
import { DiskSnapshot, isExcludedPath } from '../host/diskSnapshot';
import { nodeFileSystem } from '../host/fileSystem';
import { DEFAULT_MAX_FILE_BYTES } from '../host/readRepository';
import { readSnapshotFile } from '../host/readSnapshotFile';
import { AnalysisScheduler, type AnalysedDocument, type AnalysisInput, type AnalysisResult } from './analysisScheduler';
import { ChangeBatcher, WATCHED_FILES_TIMING } from './changeBatcher';
import { CrashJournal } from './crashJournal';
import type { DocumentStore } from './documentStore';
import type { HeapUpkeep } from './heapUpkeep';
import { filePathToRepoPath, uriToFilePath } from './fromProtocol';
import type { Logger } from './logger';
import type { FolderStatus } from './protocol';
import { QuarantineStore, quarantineProblem, recoverFromCrash } from './quarantine';
import { DEFAULT_CLIENT_SETTINGS, sameSettings, type ClientSettings } from './settings';
import { folderStateFiles } from './stateDirectory';
import { warmUpSnapshots } from './warmUp';

/**
 * Quiet time after an edit before the analysis runs. None: edits that arrive together are handled
 * before the timer fires, and edits during a run are coalesced into the one run that follows it.
 */
export const EDIT_DELAY_MS = 0;
/** A batch of watched-file events with more distinct paths than this is applied by one full re-read. */
export const RESCAN_THRESHOLD = 500;

/** Progress of the initial indexing, shown by the client (`$/progress`). */
export interface IndexingProgress {
  report(message: string, percentage?: number): void;
  done(): void;
}

/** What a folder needs from the server. */
export interface FolderServices {
  readonly documents: DocumentStore;
  readonly log: Logger;
  readonly stateDirectory: string;
  /** The script the quarantine probe forks (the server bundle). */
  readonly probeScript: string;
  /** Called with each completed analysis (the diagnostics publisher). */
  readonly onResult: (folder: RepositoryFolder, result: AnalysisResult) => void;
  /** Starts a progress report for the initial indexing. */
  readonly beginProgress: (title: string) => Promise<IndexingProgress>;
  /** Reads the client settings of a folder (may resolve late or never: a timeout applies). */
  readonly fetchSettings: (folderUri: string) => Promise<ClientSettings>;
  /** The process's garbage collections after bulk work and in idle time. */
  readonly heap: HeapUpkeep;
}

/** Longest wait for the client's settings before the first analysis runs with the defaults. */
const SETTINGS_TIMEOUT_MS = 2000;

/**
 * A workspace folder, analysed as one repository. The disk is read once at start; afterwards only
 * paths reported by watched-file events are re-read (a burst over {@link RESCAN_THRESHOLD} paths
 * re-reads everything once), and open documents always win over the disk.
 */
export class RepositoryFolder {
  /** The folder's URI as the client sent it. */
  readonly uri: string;
  /** Its absolute file-system path. */
  readonly folderPath: string;
  readonly name: string;
  readonly #services: FolderServices;
  readonly #journal: CrashJournal;
  readonly #quarantine: QuarantineStore;
  readonly #memo = new AnalysisMemo(DEFAULT_PARSE_LIMITS);
  readonly #scheduler: AnalysisScheduler;
  readonly #batcher: ChangeBatcher;
  #disk: DiskSnapshot | undefined;
  /** Snapshot entries of open documents' texts (see `#bufferEntry`). */
  readonly #bufferEntries = new Map<string, SnapshotFile>();
  #settings: ClientSettings = DEFAULT_CLIENT_SETTINGS;
  #state: FolderStatus['state'] = 'indexing';
  #progress: IndexingProgress | undefined;
  #rescans = 0;
  #watchedFileBatches = 0;
  /** Paths reported changed before the initial read finished: applied right after it. */
  #changedDuringStart: Set<string> | undefined = new Set();
  #disposed = false;
  /** Requests waiting for the next analysis result (see {@link nextResult}). */
  readonly #resultWaiters = new Set<() => void>();

  constructor(uri: string, folderPath: string, name: string, services: FolderServices) {
    this.uri = uri;
    this.folderPath = folderPath;
    this.name = name;
    this.#services = services;
    const stateFiles = folderStateFiles(services.stateDirectory, folderPath);
    this.#journal = new CrashJournal(stateFiles.journal, folderPath);
    this.#quarantine = QuarantineStore.load(stateFiles.quarantine);
    this.#scheduler = new AnalysisScheduler({
      takeInput: () => this.#takeInput(),
      memo: this.#memo,
      journal: this.#journal,
      log: services.log,
      onResult: (result) => this.#onResult(result),
      onParseProgress: (parsed, total) => this.#progress?.report(`parsing ${parsed}/${total} files`, 10 + Math.round((80 * parsed) / Math.max(1, total))),
      warmUpSnapshots: (snapshot, analysis) => warmUpSnapshots(snapshot, analysis.model),
      collectGarbage: () => services.heap.collectNow(),
    });
    this.#batcher = new ChangeBatcher(WATCHED_FILES_TIMING, (paths) => this.#applyDiskChanges(paths), services.log);
  }

  /** The last completed analysis. */
  get latest(): AnalysisResult | undefined {
    return this.#scheduler.latest;
  }

  /**
   * Resolves when the next analysis result is published (true), or after `timeoutMs` or when the
   * folder is disposed (false). Requests on a document newer than the latest analysis wait with it.
   */
  nextResult(timeoutMs: number): Promise<boolean> {
    if (this.#disposed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (published: boolean): void => {
        clearTimeout(timer);
        this.#resultWaiters.delete(onResult);
        resolve(published);
      };
      const onResult = (): void => done(!this.#disposed);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.#resultWaiters.add(onResult);
    });
  }

  /**
   * Indexes the folder: deals with a crash the previous process left in the journal (quarantine),
   * reads the client settings and the disk, then runs the first analysis, with progress.
   */
  async start(): Promise<void> {
    const progress = await this.#services.beginProgress(`GitOps Waves: indexing ${this.name}`);
    this.#progress = progress;
    try {
      progress.report('checking the last session', 0);
      await recoverFromCrash(
        this.#journal,
        this.#quarantine,
        { script: this.#services.probeScript, folderPath: this.folderPath, readText: (path) => this.#readDiskText(path) },
        this.#services.log,
      );
      progress.report('reading files', 5);
      // The settings first: the file-size cap decides what the disk read skips.
      const settings = await withTimeout(this.#services.fetchSettings(this.uri), SETTINGS_TIMEOUT_MS, DEFAULT_CLIENT_SETTINGS);
      this.#settings = settings;
      this.#disk = await DiskSnapshot.read(this.folderPath, settings.maxFileBytes !== undefined ? { maxFileBytes: settings.maxFileBytes } : {});
      const changed = this.#changedDuringStart ?? new Set<string>();
      this.#changedDuringStart = undefined;
      if (changed.size > 0) await this.#applyDiskChanges(changed);
      else this.#scheduler.request(0);
    } catch (error) {
      this.#state = 'failed';
      this.#progress = undefined;
      progress.done();
      this.#services.log.error(`cannot index ${this.folderPath}`, error);
    }
  }

  /** The repository path of a `file:` URI inside this folder. */
  repoPathOf(uri: string): string | undefined {
    const filePath = uriToFilePath(uri);
    return filePath === undefined ? undefined : filePathToRepoPath(this.folderPath, filePath);
  }

  /** True when the analysis reads an open document at `repoPath` from its buffer (YAML and JSON files the walk would read). */
  analysesBufferOf(repoPath: string): boolean {
    return repoPath !== '' && !isExcludedPath(repoPath) && RepoIndex.isYamlLike(repoPath);
  }

  /** An open document of this folder changed (opened, edited). */
  documentChanged(): void {
    if (this.#disk) this.#scheduler.request(EDIT_DELAY_MS);
  }

  /** A document of this folder was closed: its disk text counts again, re-read in case it was saved. */
  documentClosed(repoPath: string): void {
    this.watchedFilesChanged([repoPath]);
  }

  /** Paths reported created, changed or deleted on disk. */
  watchedFilesChanged(repoPaths: readonly string[]): void {
    if (this.#changedDuringStart) {
      for (const path of repoPaths) this.#changedDuringStart.add(path);
      return;
    }
    this.#batcher.add(repoPaths);
  }

  /** New client settings: re-analyse when they change the analysis. */
  updateSettings(settings: ClientSettings): void {
    if (sameSettings(settings, this.#settings)) return;
    const capChanged = settings.maxFileBytes !== this.#settings.maxFileBytes;
    this.#settings = settings;
    if (!this.#disk) return;
    if (!capChanged) {
      this.#scheduler.request(0);
      return;
    }
    // A new file-size cap changes which files are read: read the folder again with it.
    void DiskSnapshot.read(this.folderPath, settings.maxFileBytes !== undefined ? { maxFileBytes: settings.maxFileBytes } : {}).then(
      (disk) => {
        if (this.#disposed) return;
        this.#disk = disk;
        this.#scheduler.request(0);
      },
      (error: unknown) => this.#services.log.error(`cannot re-read ${this.folderPath}`, error),
    );
  }

  /** The folder's counters for `gitopsWaves/serverStatus`. */
  status(): FolderStatus {
    const latest = this.#scheduler.latest;
    return {
      uri: this.uri,
      state: this.#state,
      files: this.#disk?.fileCount ?? 0,
      analyses: this.#scheduler.completedRuns,
      rescans: this.#rescans,
      watchedFileBatches: this.#watchedFileBatches,
      lastAnalysisMs: latest ? Math.round(latest.durationMs) : null,
      lastParsedFiles: latest?.parsedFiles ?? 0,
      quarantined: this.#quarantine.entries().map((entry) => entry.path),
    };
  }

  /** Stops all work (folder removed, server shutting down). */
  dispose(): void {
    this.#disposed = true;
    for (const wake of [...this.#resultWaiters]) wake();
    this.#scheduler.dispose();
    this.#batcher.dispose();
    this.#progress?.done();
    this.#progress = undefined;
    this.#journal.clear();
  }

  async #applyDiskChanges(paths: ReadonlySet<string>): Promise<void> {
    const disk = this.#disk;
    if (!disk || this.#disposed) return;
    this.#watchedFileBatches++;
    const outcome = paths.size > RESCAN_THRESHOLD ? 'needs-rescan' : await disk.refresh(paths);
    if (outcome === 'needs-rescan') {
      this.#rescans++;
      this.#services.log.info(`Re-reading ${this.folderPath} (${paths.size} changed path(s)).`);
      try {
        this.#disk = await disk.reread();
      } catch (error) {
        this.#services.log.error(`cannot re-read ${this.folderPath}`, error);
      }
    }
    if (!this.#disposed) this.#scheduler.request(0);
  }

  /** The snapshot entry of an open document's text: the same entry while the text is the same. */
  #bufferEntry(repoPath: string, text: string): SnapshotFile {
    const known = this.#bufferEntries.get(repoPath);
    if (known !== undefined && known.kind === 'text' && known.text === text) return known;
    const entry: SnapshotFile = { kind: 'text', text };
    this.#bufferEntries.set(repoPath, entry);
    return entry;
  }

  #takeInput(): AnalysisInput {
    const disk = this.#disk;
    if (!disk) throw new Error('analysis requested before the folder was read');
    const base = disk.current();
    // The disk's maps are shared between snapshots: open documents (and quarantined files) replace entries in an overlay.
    const replacements = new Map<string, SnapshotFile | undefined>();
    const files = new OverlaidFiles(base.files, replacements);
    let directories = base.directories;
    const openDocuments = new Map<string, AnalysedDocument>();
    for (const document of this.#services.documents.all()) {
      const repoPath = this.repoPathOf(document.uri);
      if (repoPath === undefined || !this.analysesBufferOf(repoPath)) continue;
      replacements.set(repoPath, this.#bufferEntry(repoPath, document.getText()));
      for (let folder = parentDirectory(repoPath); folder !== '' && !directories.has(folder); folder = parentDirectory(folder)) {
        if (directories === base.directories) directories = new Set(base.directories);
        (directories as Set<string>).add(folder);
      }
      openDocuments.set(repoPath, { uri: document.uri, version: document.version });
    }
    for (const repoPath of this.#bufferEntries.keys()) if (!openDocuments.has(repoPath)) this.#bufferEntries.delete(repoPath);
    const hostProblems: Problem[] = [];
    if (!this.#quarantine.isEmpty) {
      this.#quarantine.retain((path) => files.has(path));
      for (const entry of this.#quarantine.entries()) {
        const file = files.get(entry.path);
        if (!this.#quarantine.isQuarantined(entry.path, file?.kind === 'text' ? file.text : undefined, openDocuments.has(entry.path))) continue;
        replacements.set(entry.path, { kind: 'listed' });
        hostProblems.push(quarantineProblem(entry));
      }
    }
    const snapshot: RepoSnapshot = { ...base, files, directories };
    const settings = this.#settings;
    const options = {
      severities: settings.severities,
      ...(settings.repoUrl !== undefined ? { repoUrls: [settings.repoUrl] } : {}),
      ...(settings.exclude.length > 0 ? { exclude: settings.exclude } : {}),
    };
    return { snapshot, openDocuments, hostProblems, hostRules: [quarantined], options };
  }

  #onResult(result: AnalysisResult): void {
    if (this.#disposed) return;
    this.#state = 'ready';
    this.#quarantine.setUnexplainedCrashes(0);
    if (this.#progress) {
      this.#progress.done();
      this.#progress = undefined;
      this.#services.log.info(
        `Indexed ${this.folderPath}: ${result.input.snapshot.files.size} files, ${result.findings.length} findings in ${Math.round(result.durationMs)} ms.`,
      );
    }
    this.#services.onResult(this, result);
    this.#services.heap.analysisDone();
    for (const wake of [...this.#resultWaiters]) wake();
  }

  async #readDiskText(repoPath: string): Promise<string | undefined> {
    const file = await readSnapshotFile(path.join(this.folderPath, ...repoPath.split('/')), undefined, DEFAULT_MAX_FILE_BYTES, nodeFileSystem);
    return file.kind === 'text' ? file.text : undefined;
  }
}

/** The promise's value, or `fallback` after `milliseconds`. */
function withTimeout<T>(promise: Promise<T>, milliseconds: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), milliseconds);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
