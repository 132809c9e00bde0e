// Runs the analysis of one folder after changes: debounced, superseded by newer changes, parsing journaled in small batches.
import { analyze, type Analysis, type AnalysisOptions } from '../analysis/analyze';
import type { AnalysisMemo } from '../analysis/incremental/analysisMemo';
import type { ParseCache } from '../analysis/parseCache';
import { RepoIndex } from '../analysis/repoIndex';
import { RULES_BY_ID } from '../analysis/rules/catalogue';
import { SEVERITIES, type Finding, type Problem, type RuleMeta, type Severity } from '../analysis/rules/rule';
import type { RepoSnapshot } from '../analysis/snapshot';
import type { CrashJournal, JournalSuspect } from './crashJournal';
import { runGuarded } from './guard';
import type { Logger } from './logger';
import { abortIfTestMarker } from './testFaults';

/** An open document as the analysis saw it. */
export interface AnalysedDocument {
  readonly uri: string;
  readonly version: number;
}

/** Everything one analysis run reads, taken at the moment the run starts. */
export interface AnalysisInput {
  readonly snapshot: RepoSnapshot;
  /** Open documents of the folder by repository path (their text is in the snapshot). */
  readonly openDocuments: ReadonlyMap<string, AnalysedDocument>;
  /** Problems the host adds (quarantined files). */
  readonly hostProblems: readonly Problem[];
  /** Rules of the host's problems (not in the core catalogue), for their default severity. */
  readonly hostRules: readonly RuleMeta[];
  readonly options: AnalysisOptions;
}

/** A completed analysis and what it was made from. */
export interface AnalysisResult {
  readonly input: AnalysisInput;
  readonly analysis: Analysis;
  /** The analysis's findings and the host's, sorted by file and position. */
  readonly findings: readonly Finding[];
  /** Milliseconds from the start of the run to the result (parsing included). */
  readonly durationMs: number;
  /** Files parsed by this run; the rest came from the parse cache. */
  readonly parsedFiles: number;
}

/** Parsing progress of a run, for `$/progress`. */
export type ParseProgress = (parsed: number, total: number) => void;

/** Dependencies of an {@link AnalysisScheduler}. */
export interface SchedulerSettings {
  readonly takeInput: () => AnalysisInput;
  /** What analyses of this folder keep between runs (parses, renders, expansions). */
  readonly memo: AnalysisMemo;
  readonly journal: CrashJournal;
  readonly log: Logger;
  readonly onResult: (result: AnalysisResult) => void;
  readonly onParseProgress?: ParseProgress;
  /**
   * Edits to analyse and discard after the folder's first analysis (see `warmUp.ts`); the first
   * snapshot is then analysed once more, and that analysis is the result. None when absent.
   */
  readonly warmUpSnapshots?: (snapshot: RepoSnapshot, analysis: Analysis) => readonly RepoSnapshot[];
  /** The warm-up stops once its analyses have taken this long (default {@link WARM_UP_BUDGET_MS}). */
  readonly warmUpBudgetMs?: number;
  /** Runs a full garbage collection; called after a run that parsed the whole folder (the first, a re-read). */
  readonly collectGarbage?: () => void;
}

/**
 * How long the warm-up may take by default: 16 warm-up edits took ~0.6 s at 2,000 Applications; a larger
 * repository stops warming after this, so the first result is not held back for long.
 */
export const WARM_UP_BUDGET_MS = 1500;
/** A run that parsed at least this many files did bulk work: the heap is collected after it. */
const BULK_PARSED_FILES = 1000;
/** Files parsed between two journal entries (and two yields to the event loop). */
const PARSE_BATCH_FILES = 32;
/** …or fewer, when their texts add up to this many characters. */
const PARSE_BATCH_CHARACTERS = 256 * 1024;

/**
 * Schedules analyses of one folder. `request(delay)` asks for an analysis of the newest state
 * after `delay` ms of quiet; requests during a run supersede it: the run stops at its next yield
 * (between parse batches) and a new run starts from a fresh input. Parsing goes batch by batch
 * through the folder's memo (parses, renders, expansions), with a crash-journal entry before each batch and a yield to the
 * event loop after it, so requests are answered while a large folder is indexed. The analysis
 * proper is synchronous. The previous result stays available ({@link latest}) meanwhile.
 */
export class AnalysisScheduler {
  readonly #settings: SchedulerSettings;
  #requested = 0;
  #completed = 0;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #disposed = false;
  #latest: AnalysisResult | undefined;
  #runs = 0;

  constructor(settings: SchedulerSettings) {
    this.#settings = settings;
  }

  /** The last completed analysis. */
  get latest(): AnalysisResult | undefined {
    return this.#latest;
  }

  /** Analyses completed. */
  get completedRuns(): number {
    return this.#runs;
  }

  /** Asks for an analysis of the newest state after `delayMs` of quiet. */
  request(delayMs: number): void {
    if (this.#disposed) return;
    this.#requested++;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      runGuarded(this.#settings.log, 'analysis', () => this.#runUntilCurrent());
    }, delayMs);
  }

  /** Stops scheduling; a run in progress stops at its next yield. */
  dispose(): void {
    this.#disposed = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  async #runUntilCurrent(): Promise<void> {
    if (this.#running) return; // The running loop picks the newer request up.
    this.#running = true;
    try {
      while (!this.#disposed && this.#completed < this.#requested) {
        const generation = this.#requested;
        let result: AnalysisResult | undefined;
        try {
          result = await this.#runOnce(generation);
        } catch (error) {
          // A bug, not bad input (the core never throws on content): the same input would fail again,
          // so this generation counts as done; the next change tries again.
          this.#settings.journal.clear();
          this.#completed = generation;
          this.#settings.log.error('analysis failed', error);
          continue;
        }
        if (result) {
          this.#completed = generation;
          this.#latest = result;
          this.#runs++;
          this.#settings.onResult(result);
          // After publishing: the journal's file is removed once the diagnostics are on their way.
          void this.#settings.journal.clearSoon();
        }
      }
    } finally {
      this.#running = false;
    }
  }

  /**
   * Analyses the warm-up edits of the first result, yielding between them (until they are done or
   * took the warm-up budget), then collects the garbage and
   * analyses `input` again: that analysis (equal to `first`, the memo now following it) is returned;
   * undefined when a newer request arrived meanwhile (the run is superseded, as during parsing). A failing
   * warm-up edit ends the warm-up.
   */
  async #warmUp(input: AnalysisInput, first: Analysis, generation: number): Promise<Analysis | undefined> {
    const { memo, log } = this.#settings;
    const snapshots = this.#settings.warmUpSnapshots?.(input.snapshot, first) ?? [];
    if (snapshots.length === 0) {
      this.#settings.collectGarbage?.();
      return first;
    }
    const budgetMs = this.#settings.warmUpBudgetMs ?? WARM_UP_BUDGET_MS;
    const started = performance.now();
    for (const snapshot of snapshots) {
      try {
        analyze(snapshot, { ...input.options, memo });
      } catch (error) {
        log.error('warm-up analysis failed', error);
        break;
      }
      if (await this.#supersededAfterYield(generation)) return undefined;
      if (performance.now() - started >= budgetMs) break;
    }
    // The index's garbage and the warm-up's, collected before the last analysis: V8 runs the code after a full
    // collection slower at first, and that analysis, not the user's first edit, pays for it.
    this.#settings.collectGarbage?.();
    return analyze(input.snapshot, { ...input.options, memo });
  }

  /**
   * Lets pending messages be handled, then tells whether a newer request (or disposal) supersedes the run of
   * `generation`; a superseded run's journal entry is cleared (it stops before analysing anything more).
   */
  async #supersededAfterYield(generation: number): Promise<boolean> {
    await yieldToEventLoop();
    if (!this.#disposed && this.#requested === generation) return false;
    this.#settings.journal.clear();
    return true;
  }

  /** One run; undefined when superseded (a newer request arrived) before the analysis proper. */
  async #runOnce(generation: number): Promise<AnalysisResult | undefined> {
    const started = performance.now();
    const input = this.#settings.takeInput();
    const { memo, journal } = this.#settings;
    const parseCache = memo.parseCache;
    // The index the analysis will use (the memo hands the same one to analyze), so parsing ahead is not done twice.
    const index = memo.indexFor(input.snapshot, parseCache.limits);
    const toParse = filesToParse(input.snapshot, index, parseCache);
    let parsed = 0;
    for (const batch of batches(toParse)) {
      journal.recordParsing(batch.map(({ path, text }): JournalSuspect => (input.openDocuments.has(path) ? { path, text } : { path })));
      for (const { path, text } of batch) {
        abortIfTestMarker(text);
        index.parsed(path);
      }
      parsed += batch.length;
      this.#settings.onParseProgress?.(parsed, toParse.length);
      if (await this.#supersededAfterYield(generation)) return undefined;
    }
    journal.recordAnalysing();
    let analysis = analyze(input.snapshot, { ...input.options, memo });
    if (this.#runs === 0 && this.#settings.warmUpSnapshots) {
      const warmed = await this.#warmUp(input, analysis, generation);
      if (warmed === undefined) return undefined;
      analysis = warmed;
    } else if (this.#runs === 0 || parsed >= BULK_PARSED_FILES) {
      // After bulk work the heap holds its garbage: collected now, not during the next edits (the warm-up collects its own).
      this.#settings.collectGarbage?.();
    }
    const findings = mergeFindings(analysis, input);
    return { input, analysis, findings, durationMs: performance.now() - started, parsedFiles: parsed };
  }
}

/** A file to parse and its text. */
interface ParseTask {
  readonly path: string;
  readonly text: string;
}

/**
 * Files the analysis will parse that the cache does not hold (the same test as `RepoIndex.parsed`): after
 * an edit that added or removed nothing, only the changed files can be new to the cache.
 */
function filesToParse(snapshot: RepoSnapshot, index: RepoIndex, parseCache: ParseCache): ParseTask[] {
  const tasks: ParseTask[] = [];
  const changes = index.changes;
  const candidates = changes !== undefined && !changes.structural ? changes.files : snapshot.files.keys();
  for (const path of candidates) {
    const file = snapshot.files.get(path);
    if (file?.kind !== 'text' || !RepoIndex.isYamlLike(path) || parseCache.has(path, file.text) || index.isHelmTemplate(path)) continue;
    tasks.push({ path, text: file.text });
  }
  return tasks;
}

function* batches(tasks: readonly ParseTask[]): Generator<ParseTask[]> {
  let batch: ParseTask[] = [];
  let characters = 0;
  for (const task of tasks) {
    if (batch.length > 0 && (batch.length >= PARSE_BATCH_FILES || characters + task.text.length > PARSE_BATCH_CHARACTERS)) {
      yield batch;
      batch = [];
      characters = 0;
    }
    batch.push(task);
    characters += task.text.length;
  }
  if (batch.length > 0) yield batch;
}

/** Lets pending messages (requests, newer edits) be handled before the run continues. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The analysis's findings plus the host's problems, the latter with the severity the analysis
 * would give them (client setting, then project config, then the rule's default).
 */
function mergeFindings(analysis: Analysis, input: AnalysisInput): readonly Finding[] {
  if (input.hostProblems.length === 0) return analysis.findings;
  const findings = [...analysis.findings];
  for (const item of input.hostProblems) {
    const configured = input.options.severities?.get(item.ruleId) ?? analysis.config.rules.get(item.ruleId);
    if (configured === 'off') continue;
    const rule = RULES_BY_ID.get(item.ruleId) ?? input.hostRules.find((candidate) => candidate.id === item.ruleId);
    const severity: Severity = configured ?? rule?.defaultSeverity ?? 'warning';
    findings.push({ ...item, severity });
  }
  return findings.sort(
    (a, b) =>
      compareText(a.location.file, b.location.file) ||
      a.location.span.start - b.location.span.start ||
      compareText(a.ruleId, b.ruleId) ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
