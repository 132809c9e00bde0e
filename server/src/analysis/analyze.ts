// The analysis façade: a snapshot in, the repository model and the findings out. Pure and deterministic.
import { RepoIndex } from './repoIndex';
import { excludeFiles } from './excludeFiles';
import type { ParseCache } from './parseCache';
import type { AnalysisMemo } from './incremental/analysisMemo';
import type { RepoSnapshot } from './snapshot';
import { readProjectConfig, type ConfiguredSeverity, type ProjectConfig } from './config/projectConfig';
import { buildModel } from './model/buildModel';
import type { RepositoryModel } from './model/types';
import { RULES } from './rules/catalogue';
import { isCheckedRule, type CheckContext } from './rules/check';
import { buildDependencyGraph } from './dependencies/buildDependencyGraph';
import type { DependencyGraph } from './dependencies/types';
import type { Finding, Problem } from './rules/rule';
import { toFindings } from './findings';
import { snapshotProblems } from './snapshotProblems';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './yaml/parseYamlFile';
import { findDuplicateApplicationNames } from './model/duplicateNames';

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
  /**
   * Called as each phase ends, with its name (`snapshot diff and config`, `parse problems`, `model`, `dependency graph`,
   * `check <rule id>` for each check that runs, `findings`): a benchmark times the phases of the very analysis it runs.
   */
  readonly onPhase?: (name: string) => void;
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
  options.onPhase?.('snapshot diff and config');
  // The problems, and the lists they come from (the findings' follower compares those list by list).
  const problems: Problem[] = [];
  const segments: (readonly Problem[])[] = [];
  const add = (found: readonly Problem[]): void => {
    segments.push(found);
    for (const item of found) problems.push(item);
  };
  add(snapshotProblems(snapshot));
  add(configProblems);
  // File by file, so an index that follows the previous one gathers only the changed files' problems again.
  add(index.scanEveryFile('parse/problems', (current, path) => current.parsed(path)?.problems ?? NO_PROBLEMS));
  options.onPhase?.('parse problems');
  const { model, problems: modelProblems } = buildModel(index, {
    explicitRepoUrls: options.repoUrls && options.repoUrls.length > 0 ? options.repoUrls : config.repoUrls,
    memo: options.memo,
  });
  add(modelProblems);
  add(options.memo ? options.memo.duplicateNames.find(index, model) : findDuplicateApplicationNames(index, model));
  options.onPhase?.('model');
  const graph = buildDependencyGraph(index, model, config, options.memo);
  options.onPhase?.('dependency graph');
  options.memo?.checkTracker.begin(index);
  const context: CheckContext = { index, model, graph, config, memo: options.memo?.checks, tracker: options.memo?.checkTracker, recent: options.memo?.recentCheckResults };
  for (const rule of RULES) {
    if (!isCheckedRule(rule) || config.rules.get(rule.id) === 'off' || options.severities?.get(rule.id) === 'off') continue;
    add(rule.check(context));
    options.onPhase?.(`check ${rule.id}`);
  }
  if (options.memo && (!options.memo.modelPatched || options.memo.nodesRemovedByPatch)) options.memo.retainNodesOf(model);
  const findings = toFindings(problems, config, options.severities, options.memo?.findings, segments);
  options.onPhase?.('findings');
  return { index, config, model, graph, findings };
}

const NO_PROBLEMS: readonly Problem[] = [];
