// Small tolerant readers of plain YAML values (wrong types read as absent, never throw).
import { isRecord } from '../kube/kubeObject';

/** The value as a string, or undefined when it is not one. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value as a non-empty string, or undefined (Argo CD treats `''` like an absent field). */
export function asNonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** True only for the boolean `true` (Kubernetes rejects `"true"` for a boolean field). */
export function isTrue(value: unknown): boolean {
  return value === true;
}

/** The string items of a list; non-strings are skipped, a non-list reads as empty. */
export function stringItems(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A map of string values; non-string values are skipped, a non-map reads as undefined. */
export function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') result[key] = item;
  return result;
}

/**
 * True for a Go zero value as Argo CD's `IsZero` helpers and Helm's `with` see it: null, `false`,
 * `0`, `''`, an empty list, or a map whose entries are all zero.
 */
export function isZeroValue(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.values(value).every(isZeroValue);
  return false;
}

/** True for what a Helm template's `with`/`if` skips: null, `false`, `0`, `''`, an empty list or map. */
export function isEmptyForHelmWith(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

/** True when a string still holds template actions (`{{ … }}`): its value is not known statically. */
export function isTemplated(value: string): boolean {
  return value.includes('{{');
}
