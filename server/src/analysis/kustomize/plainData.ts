// Deep copies and small accessors for plain YAML data (maps, lists, scalars).
import { isRecord } from '../kube/kubeObject';

/** A deep copy of plain YAML data (maps, arrays, scalars). */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => deepCopy(item)) as T;
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = deepCopy(item);
    return copy as T;
  }
  return value;
}

/** The map at `keys` under `root`, created (and replacing non-maps) along the way. */
export function ensureMap(root: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  let current = root;
  for (const key of keys) {
    const next = current[key];
    if (isRecord(next)) current = next;
    else {
      const created: Record<string, unknown> = {};
      current[key] = created;
      current = created;
    }
  }
  return current;
}

/** The map at `keys` under `root` if every step exists and is a map. */
export function existingMap(root: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  let current: unknown = root;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return isRecord(current) ? current : undefined;
}

/** A scalar written in YAML as a string the way kustomize would read it, or undefined for maps/lists/null. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}
