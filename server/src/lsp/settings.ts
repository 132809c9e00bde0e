// The client's settings for GitOps Waves (section `gitopsWaves`), validated into analysis options.
import type { ConfiguredSeverity } from '../analysis/config/projectConfig';
import { SEVERITIES } from '../analysis/rules/rule';

/** The settings section the server reads (`workspace/configuration`, `didChangeConfiguration`). */
export const SETTINGS_SECTION = 'gitopsWaves';

/** The client settings the server understands. */
export interface ClientSettings {
  /** `gitopsWaves.rules`: rule id → `error` | `warning` | `info` | `hint` | `off`; wins over `.gitops-waves.yaml`. */
  readonly severities: ReadonlyMap<string, ConfiguredSeverity>;
  /** `gitopsWaves.repoURL`: the repoURL that designates this repository (wins over the config file and git remotes). */
  readonly repoUrl: string | undefined;
  /** `gitopsWaves.exclude`: globs of repository paths to leave out. */
  readonly exclude: readonly string[];
  /** `gitopsWaves.maxFileSize`: files larger than this many bytes are skipped (read when the folder is indexed). */
  readonly maxFileBytes: number | undefined;
}

/** Settings when the client sends none. */
export const DEFAULT_CLIENT_SETTINGS: ClientSettings = { severities: new Map(), repoUrl: undefined, exclude: [], maxFileBytes: undefined };

/**
 * Reads the `gitopsWaves` section as the client sent it (any JSON). Invalid entries are left out
 * and described in `problems` for the log; never throws.
 */
export function readClientSettings(section: unknown): { settings: ClientSettings; problems: string[] } {
  const problems: string[] = [];
  const severities = new Map<string, ConfiguredSeverity>();
  const rules = isPlainObject(section) ? section.rules : undefined;
  if (isPlainObject(rules)) {
    for (const [ruleId, severity] of Object.entries(rules)) {
      if (severity === 'off' || (typeof severity === 'string' && (SEVERITIES as readonly string[]).includes(severity))) {
        severities.set(ruleId, severity as ConfiguredSeverity);
      } else {
        problems.push(`gitopsWaves.rules: the severity of ${ruleId} must be one of error, warning, info, hint, off (got ${JSON.stringify(severity)}); ignored`);
      }
    }
  } else if (rules !== undefined && rules !== null) {
    problems.push('gitopsWaves.rules must be an object mapping rule ids to severities; ignored');
  }
  const record = isPlainObject(section) ? section : {};
  let repoUrl: string | undefined;
  if (typeof record.repoURL === 'string' && record.repoURL.trim() !== '') repoUrl = record.repoURL.trim();
  else if (record.repoURL !== undefined && record.repoURL !== null && record.repoURL !== '') problems.push('gitopsWaves.repoURL must be a string; ignored');
  const exclude: string[] = [];
  if (Array.isArray(record.exclude)) {
    for (const pattern of record.exclude) {
      if (typeof pattern === 'string' && pattern !== '') exclude.push(pattern);
      else problems.push(`gitopsWaves.exclude entries must be globs (strings); ${JSON.stringify(pattern)} ignored`);
    }
  } else if (record.exclude !== undefined && record.exclude !== null) {
    problems.push('gitopsWaves.exclude must be a list of globs; ignored');
  }
  let maxFileBytes: number | undefined;
  if (typeof record.maxFileSize === 'number' && Number.isInteger(record.maxFileSize) && record.maxFileSize > 0) maxFileBytes = record.maxFileSize;
  else if (record.maxFileSize !== undefined && record.maxFileSize !== null) problems.push('gitopsWaves.maxFileSize must be a positive number of bytes; ignored');
  return { settings: { severities, repoUrl, exclude, maxFileBytes }, problems };
}

/** True when two settings would give the same analysis. */
export function sameSettings(a: ClientSettings, b: ClientSettings): boolean {
  if (a.repoUrl !== b.repoUrl || a.maxFileBytes !== b.maxFileBytes || a.exclude.join('\u0000') !== b.exclude.join('\u0000')) return false;
  if (a.severities.size !== b.severities.size) return false;
  for (const [ruleId, severity] of a.severities) if (b.severities.get(ruleId) !== severity) return false;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
