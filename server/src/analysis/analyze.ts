// The analysis façade: a snapshot in, the repository model and the findings out. Pure and deterministic.
import { RepoIndex } from './repoIndex';
import { excludeFiles } from './excludeFiles';
import type { ParseCache } from './parseCache';
import type { AnalysisMemo } from './incremental/analysisMemo';
import type { RepoSnapshot } from './snapshot';
import { readProjectConfig, type ConfiguredSeverity, type ProjectConfig } from './config/projectConfig';
import { buildModel } from './model/buildModel';
import type { RepositoryModel } from './model/types';
import { RULES, RULES_BY_ID } from './rules/catalogue';
import { isCheckedRule, type CheckContext } from './rules/check';
import { buildDependencyGraph } from './dependencies/buildDependencyGraph';
import type { DependencyGraph } from './dependencies/types';
import { SEVERITIES, type Finding, type Problem, type Severity } from './rules/rule';
import { snapshotProblems } from './snapshotProblems';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './yaml/parseYamlFile';
import { findDuplicateApplicationNames } from './model/duplicateNames';
import { plainEqual } from './incremental/plainEqual';

/** What a host may set besides the files. */
export interface AnalysisOptions {
  /** URLs designating this repository (e.g. `--repo-url`); when given they replace the config file's and win over git remotes. */
  readonly repoUrls?: readonly string[];
  /** Severity overrides (e.g. editor settings); they win over the config file. */
  readonly severities?: ReadonlyMap<string, ConfiguredSeverity>;
  readonly parseLimits?: ParseLimits;
  /** Globs of repository paths to leave out (e.g. editor settings); added to the config file's `exclude`. */
  readonly exclude?: readonly string[];
  /** Parses kept from earlier analyses (a language server): unchanged files are not parsed again. */
  readonly parseCache?: ParseCache;
  /**
   * Parses, renders and expansions kept from earlier analyses of the same repository (a language
   * server): only what an edit touched is computed again. Its parse cache is used when `parseCache` is not given.
   */
  readonly memo?: AnalysisMemo;
}

/** The result of analysing one snapshot. */
export interface Analysis {
  readonly index: RepoIndex;
  readonly config: ProjectConfig;
  readonly model: RepositoryModel;
  readonly graph: DependencyGraph;
  /** Findings sorted by file, position and rule id, without duplicates. */
  readonly findings: readonly Finding[];
}

/** Analyses a snapshot. Never throws on repository content. */
export function analyze(fullSnapshot: RepoSnapshot, options: AnalysisOptions = {}): Analysis {
  options.memo?.nextGeneration();
  const parseCache = options.parseCache ?? options.memo?.parseCache;
  const limits = options.parseLimits ?? DEFAULT_PARSE_LIMITS;
  const configIndex = new RepoIndex(fullSnapshot, limits, parseCache);
  const { config, problems: configProblems } = readProjectConfig(configIndex);
  const exclude = [...(options.exclude ?? []), ...config.exclude];
  const snapshot = exclude.length > 0 ? excludeFiles(fullSnapshot, exclude) : fullSnapshot;
  // With a memo, the analysed index follows the previous analysis's (config reading needs only its own file).
  const index = options.memo
    ? options.memo.indexFor(snapshot, limits)
    : snapshot === fullSnapshot
      ? configIndex
      : new RepoIndex(snapshot, limits, parseCache);
  const problems: Problem[] = [...snapshotProblems(snapshot), ...configProblems];
  // File by file, so an index that follows the previous one gathers only the changed files' problems again.
  problems.push(...index.scanEveryFile('parse/problems', (current, path) => current.parsed(path)?.problems ?? NO_PROBLEMS));
  const { model, problems: modelProblems } = buildModel(index, {
    explicitRepoUrls: options.repoUrls && options.repoUrls.length > 0 ? options.repoUrls : config.repoUrls,
    memo: options.memo,
  });
  problems.push(...modelProblems, ...(options.memo ? options.memo.duplicateNames.find(index, model) : findDuplicateApplicationNames(index, model)));
  const graph = buildDependencyGraph(index, model, config, options.memo);
  options.memo?.checkTracker.begin(index);
  const context: CheckContext = { index, model, graph, config, memo: options.memo?.checks, tracker: options.memo?.checkTracker, recent: options.memo?.recentCheckResults };
  for (const rule of RULES) {
    if (isCheckedRule(rule) && config.rules.get(rule.id) !== 'off' && options.severities?.get(rule.id) !== 'off') problems.push(...rule.check(context));
  }
  if (options.memo && (!options.memo.modelPatched || options.memo.nodesRemovedByPatch)) options.memo.retainNodesOf(model);
  const findings = toFindings(problems, config, options.severities);
  return { index, config, model, graph, findings };
}

const NO_PROBLEMS: readonly Problem[] = [];

function toFindings(problems: readonly Problem[], config: ProjectConfig, overrides: ReadonlyMap<string, ConfiguredSeverity> | undefined): Finding[] {
  nextFindingGeneration();
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const item of problems) {
    const key = problemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    const configured = overrides?.get(item.ruleId) ?? config.rules.get(item.ruleId);
    if (configured === 'off') continue;
    const defaultSeverity = RULES_BY_ID.get(item.ruleId)?.defaultSeverity ?? 'warning';
    const severity: Severity = configured ?? milder(defaultSeverity, item.severityCap);
    findings.push(findingOf(key, item, severity));
  }
  return findings.sort(
    (a, b) =>
      compare(a.location.file, b.location.file) || a.location.span.start - b.location.span.start || compare(a.ruleId, b.ruleId) || compare(a.message, b.message),
  );
}

/** What tells two problems apart (rule, place, message), by problem: a kept problem keeps its key. */
const keysByProblem = new WeakMap<Problem, string>();

function problemKey(item: Problem): string {
  let key = keysByProblem.get(item);
  if (key === undefined) keysByProblem.set(item, (key = `${item.ruleId}\u0000${item.location.file}\u0000${item.location.span.start}\u0000${item.location.span.end}\u0000${item.message}`));
  return key;
}

/** Findings by problem: a kept problem (an untouched node's) gives the same finding object, which hosts may key conversions on. */
const findingsByProblem = new WeakMap<Problem, Finding>();
/**
 * Findings by what they say, from the last two analyses: a problem found again with the same content
 * (fixes and related places included) gives the same finding object.
 */
let recentFindings = new Map<string, Finding>();
let olderFindings = new Map<string, Finding>();

function findingOf(key: string, item: Problem, severity: Severity): Finding {
  const known = findingsByProblem.get(item);
  if (known !== undefined && known.severity === severity) return remembered(key, known);
  const { severityCap: _cap, ...rest } = item;
  const made: Finding = { ...rest, severity };
  const same = recentFindings.get(key) ?? olderFindings.get(key);
  // The key holds the rule, file, span and message: what else a finding says is compared here.
  const finding =
    same !== undefined && same.severity === made.severity && plainEqual(same.related, made.related) && plainEqual(same.fixes, made.fixes) && same.location.file === made.location.file
      ? same
      : made;
  findingsByProblem.set(item, finding);
  return remembered(key, finding);
}

function remembered(key: string, finding: Finding): Finding {
  recentFindings.set(key, finding);
  return finding;
}

/** Starts remembering a new analysis's findings (the previous analysis's stay one more). */
function nextFindingGeneration(): void {
  olderFindings = recentFindings;
  recentFindings = new Map();
}

/** The milder of a severity and an optional cap. */
function milder(severity: Severity, cap: Severity | undefined): Severity {
  if (cap === undefined) return severity;
  return SEVERITIES.indexOf(cap) > SEVERITIES.indexOf(severity) ? cap : severity;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
