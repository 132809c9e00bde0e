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

/**
 * Maps that belong to one working object's body: copies made for it, or maps made for it, changed in place
 * from then on. Any other map in a body may be shared with the parse of its file (and so with every other
 * render of that file, in this analysis and later ones): it is copied before its first change.
 */
const ownedMaps = new WeakSet<object>();

/** The object's body, copied (one level) before its first change: a body starts as its parse's value. */
export function ownedBody(object: { body: Record<string, unknown> }): Record<string, unknown> {
  if (!ownedMaps.has(object.body)) {
    object.body = { ...object.body };
    ownedMaps.add(object.body);
  }
  return object.body;
}

/**
 * The map at `keys` under the object's body, ready to be changed: every map on the way that the body
 * does not own yet is copied (one level; what is beside the path stays shared), and a missing step or
 * one that is not a map is replaced by a new map, as {@link ensureMap} does.
 */
export function ownedMap(object: { body: Record<string, unknown> }, keys: readonly string[]): Record<string, unknown> {
  let current = ownedBody(object);
  for (const key of keys) {
    const next = current[key];
    if (isRecord(next) && ownedMaps.has(next)) {
      current = next;
      continue;
    }
    const owned: Record<string, unknown> = isRecord(next) ? { ...next } : {};
    ownedMaps.add(owned);
    current[key] = owned;
    current = owned;
  }
  return current;
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
