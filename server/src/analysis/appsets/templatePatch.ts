// Applies a rendered `templatePatch` to a rendered Application, as a strategic merge without list merge keys.
import { isRecord } from '../kube/kubeObject';

/**
 * Merges `patch` into `target`: maps merge key by key, a `null` value deletes the key, anything
 * else (lists included: Application types declare no list merge keys) replaces the value.
 */
export function applyTemplatePatch(target: Readonly<Record<string, unknown>>, patch: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
      continue;
    }
    const existing = out[key];
    out[key] = isRecord(existing) && isRecord(value) ? applyTemplatePatch(existing, value) : value;
  }
  return out;
}
