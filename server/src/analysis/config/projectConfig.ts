// The project config file (`.gitops-waves.yaml` at the repository root), read from the snapshot.
import type { RepoIndex } from '../repoIndex';
import { isRecord } from '../kube/kubeObject';
import { problem, SEVERITIES, type Problem, type Severity } from '../rules/rule';
import { locate } from '../yaml/yamlDocument';
import { invalidConfig } from '../rules/model/invalid-config';

/** File names the config may have, first found wins. */
export const PROJECT_CONFIG_FILES = ['.gitops-waves.yaml', '.gitops-waves.yml'] as const;

/** A rule's configured severity, or `off`. */
export type ConfiguredSeverity = Severity | 'off';

/** What the project config file says. */
export interface ProjectConfig {
  /** The file it came from, if any. */
  readonly file: string | undefined;
  /** `repoURL` (or each of `repoURLs`): the URLs that designate this repository. */
  readonly repoUrls: readonly string[];
  /** Per-rule severities. */
  readonly rules: ReadonlyMap<string, ConfiguredSeverity>;
  /** Raw `catalogue` additions (read by the dependency catalogue). */
  readonly catalogue: readonly unknown[];
  /** `exclude`: globs of repository paths to leave out of the analysis. */
  readonly exclude: readonly string[];
}

/** The config of a repository without a config file. */
export const EMPTY_PROJECT_CONFIG: ProjectConfig = { file: undefined, repoUrls: [], rules: new Map(), catalogue: [], exclude: [] };

/** Reads the project config file, reporting (never throwing on) malformed entries. */
export function readProjectConfig(index: RepoIndex): { config: ProjectConfig; problems: Problem[] } {
  const file = PROJECT_CONFIG_FILES.find((name) => index.file(name) !== undefined);
  if (!file) return { config: EMPTY_PROJECT_CONFIG, problems: [] };
  const document = index.parsed(file)?.documents[0];
  const problems: Problem[] = [];
  const value = document?.value;
  if (!document || (!isRecord(value) && value !== null)) {
    if (document) problems.push(problem(invalidConfig, 'The project config must be a map.', { file, span: document.span }));
    return { config: { ...EMPTY_PROJECT_CONFIG, file }, problems };
  }
  const record = isRecord(value) ? value : {};
  const at = (path: (string | number)[]): { file: string; span: { start: number; end: number } } => ({
    file,
    span: locate(document, path, true)?.value ?? document.span,
  });
  const repoUrls: string[] = [];
  if (typeof record.repoURL === 'string') repoUrls.push(record.repoURL);
  else if (record.repoURL !== undefined) problems.push(problem(invalidConfig, '`repoURL` must be a string.', at(['repoURL'])));
  if (Array.isArray(record.repoURLs)) {
    record.repoURLs.forEach((url, position) => {
      if (typeof url === 'string') repoUrls.push(url);
      else problems.push(problem(invalidConfig, '`repoURLs` entries must be strings.', at(['repoURLs', position])));
    });
  }
  const rules = new Map<string, ConfiguredSeverity>();
  if (isRecord(record.rules)) {
    for (const [ruleId, severity] of Object.entries(record.rules)) {
      if (severity === 'off' || (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity))) {
        rules.set(ruleId, severity as ConfiguredSeverity);
      } else {
        problems.push(problem(invalidConfig, `Severity of ${ruleId} must be one of error, warning, info, hint, off.`, at(['rules', ruleId])));
      }
    }
  } else if (record.rules !== undefined) {
    problems.push(problem(invalidConfig, '`rules` must be a map of rule id to severity.', at(['rules'])));
  }
  const catalogue = Array.isArray(record.catalogue) ? record.catalogue : [];
  const exclude: string[] = [];
  if (Array.isArray(record.exclude)) {
    record.exclude.forEach((pattern, position) => {
      if (typeof pattern === 'string') exclude.push(pattern);
      else problems.push(problem(invalidConfig, '`exclude` entries must be strings (globs of repository paths).', at(['exclude', position])));
    });
  } else if (record.exclude !== undefined) {
    problems.push(problem(invalidConfig, '`exclude` must be a list of globs.', at(['exclude'])));
  }
  return { config: { file, repoUrls, rules, catalogue, exclude }, problems };
}
