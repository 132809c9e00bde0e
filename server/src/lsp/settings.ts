// The client's settings for GitOps Waves (section `gitopsWaves`), validated into analysis options.
import type { ConfiguredSeverity } from '../analysis/config/projectConfig';
import { SEVERITIES } from '../analysis/rules/rule';

/** The settings section the server reads (`workspace/configuration`, `didChangeConfiguration`). */
export const SETTINGS_SECTION = 'gitopsWaves';

/** The client settings the server understands. */
export interface ClientSettings {
  /** `gitopsWaves.rules`: rule id → `error` | `warning` | `info` | `hint` | `off`; wins over `.gitops-waves.yaml`. */
  readonly severities: ReadonlyMap<string, ConfiguredSeverity>;
}

/** Settings when the client sends none. */
export const DEFAULT_CLIENT_SETTINGS: ClientSettings = { severities: new Map() };

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
  return { settings: { severities }, problems };
}

/** True when two settings would give the same analysis. */
export function sameSettings(a: ClientSettings, b: ClientSettings): boolean {
  if (a.severities.size !== b.severities.size) return false;
  for (const [ruleId, severity] of a.severities) if (b.severities.get(ruleId) !== severity) return false;
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
