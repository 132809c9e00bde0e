// Scans plain YAML values for references by key (storageClassName, priorityClassName…) and for in-cluster Service URLs.
import { isRecord } from '../kube/kubeObject';
import type { ValuePath } from '../yaml/yamlDocument';
import type { DependencyKind } from './types';

/** Keys whose string value names a class another Application may provide. */
const CLASS_KEYS: ReadonlyMap<string, DependencyKind> = new Map([
  ['storageClassName', 'storage-class'],
  ['storageClass', 'storage-class'],
  ['volumeSnapshotClassName', 'snapshot-class'],
  ['priorityClassName', 'priority-class'],
]);

/** A reference found while scanning: a class by key, or a Service by URL. */
export type ScannedReference =
  | { readonly type: 'class'; readonly kind: DependencyKind; readonly name: string; readonly key: string; readonly path: ValuePath }
  | { readonly type: 'service'; readonly name: string; readonly namespace: string; readonly url: string; readonly path: ValuePath };

/**
 * `name.namespace.svc` or `name.namespace.svc.cluster.local`, with optional scheme and port. The
 * name must not follow a dot (so `a.b.c.svc`, a pod or SRV name, is not read as Service `b` in `c`).
 */
const SERVICE_URL = /(?<![a-z0-9.-])(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)\.([a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?)\.svc(?:\.cluster\.local)?(?::\d+)?(?![a-z0-9-])/g;

/** In-cluster Service URLs in a string. */
export function serviceUrlsIn(text: string): { name: string; namespace: string; url: string }[] {
  if (!text.includes('.svc')) return [];
  const found: { name: string; namespace: string; url: string }[] = [];
  for (const match of text.matchAll(SERVICE_URL)) {
    const name = match[1];
    const namespace = match[2];
    if (name !== undefined && namespace !== undefined) found.push({ name, namespace, url: match[0] });
  }
  return found;
}

/**
 * Walks a value and reports class references by key and Service URLs in strings. `skipKeys` are
 * not entered at the top level (e.g. `status`). Templated strings (`{{ … }}`) name nothing.
 */
export function scanValue(value: unknown, report: (reference: ScannedReference) => void, skipTopKeys: ReadonlySet<string> = NO_KEYS): void {
  for (const reference of referencesIn(value, skipTopKeys)) report(reference);
}

const NO_KEYS: ReadonlySet<string> = new Set();
/** What most scanned values hold: one shared list, so the scans kept per value cost no list of their own. */
const NO_REFERENCES: readonly ScannedReference[] = Object.freeze([]);
/** Scans already made, per skip set, by value identity: values are never mutated, and kept renders and parses keep theirs. */
const scansBySkipSet = new WeakMap<ReadonlySet<string>, WeakMap<object, readonly ScannedReference[]>>();

/** The references in a value (see {@link scanValue}); a value already scanned is not walked again. */
function referencesIn(value: unknown, skipTopKeys: ReadonlySet<string>): readonly ScannedReference[] {
  if (typeof value !== 'object' || value === null) return collectReferences(value, skipTopKeys);
  let scans = scansBySkipSet.get(skipTopKeys);
  if (!scans) scansBySkipSet.set(skipTopKeys, (scans = new WeakMap()));
  let references = scans.get(value);
  if (!references) {
    const found = collectReferences(value, skipTopKeys);
    scans.set(value, (references = found.length === 0 ? NO_REFERENCES : found));
  }
  return references;
}

function collectReferences(value: unknown, skipTopKeys: ReadonlySet<string>): ScannedReference[] {
  const references: ScannedReference[] = [];
  // One path, extended and cut back as the walk goes down and up: copied only into a reference found.
  const path: (string | number)[] = [];
  const visitString = (current: string): void => {
    if (current.includes('{{')) return;
    const key = path[path.length - 1];
    const kind = typeof key === 'string' ? CLASS_KEYS.get(key) : undefined;
    if (kind !== undefined && typeof key === 'string' && current !== '' && current !== '-' && /^[a-z0-9][a-z0-9.-]*$/.test(current)) {
      references.push({ type: 'class', kind, name: current, key, path: [...path] });
    }
    if (!current.includes('.svc')) return;
    for (const service of serviceUrlsIn(current)) references.push({ type: 'service', ...service, path: [...path] });
  };
  const visit = (current: unknown, depth: number): void => {
    if (depth > 200) return;
    if (typeof current === 'string') {
      visitString(current);
      return;
    }
    if (typeof current !== 'object' || current === null) return;
    if (Array.isArray(current)) {
      for (let position = 0; position < current.length; position++) {
        path.push(position);
        visit(current[position], depth + 1);
        path.pop();
      }
      return;
    }
    if (!isRecord(current)) return;
    for (const key of Object.keys(current)) {
      if (depth === 0 && skipTopKeys.has(key)) continue;
      path.push(key);
      visit(current[key], depth + 1);
      path.pop();
    }
  };
  visit(value, 0);
  return references;
}
