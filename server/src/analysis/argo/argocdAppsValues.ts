// Objects declared in the values of the argocd-apps Helm chart (argoproj/argo-helm `charts/argocd-apps`).
import { isRecord, objectFromBody, type KubeObject } from '../kube/kubeObject';
import type { YamlDocument } from '../yaml/yamlDocument';
import { isEmptyForHelmWith } from './plainValues';

/** The values keys the chart turns into objects, and the kind each becomes. */
const SECTIONS: readonly { readonly key: string; readonly kind: string }[] = [
  { key: 'projects', kind: 'AppProject' },
  { key: 'applications', kind: 'Application' },
  { key: 'applicationsets', kind: 'ApplicationSet' },
];

/** Entry keys the chart writes into `metadata`, not `spec`. */
const METADATA_KEYS = new Set(['name', 'namespace', 'additionalAnnotations', 'additionalLabels', 'finalizers']);

/**
 * Spec keys the chart writes even when empty (`destination` and `project` unconditionally,
 * `goTemplate` with `hasKey`); every other key is written under `{{- with }}`, which drops empty values.
 */
const ALWAYS_WRITTEN: Readonly<Record<string, readonly string[]>> = {
  Application: ['project', 'destination'],
  ApplicationSet: ['goTemplate'],
  AppProject: [],
};

/**
 * The Applications, ApplicationSets and AppProjects that the argocd-apps chart renders from
 * these values. Chart 2.x keys the entries by name (`applications: {guestbook: {...}}`); 1.x
 * lists them with a `name:` field: both are read. Each object's origin path points at its entry
 * (e.g. `['applications', 'guestbook']`), so findings about it land there. Entries that are not
 * maps (`guestbook: null`, which the chart skips) are ignored.
 */
export function objectsFromArgocdAppsValues(valuesDocument: YamlDocument): KubeObject[] {
  const values = valuesDocument.value;
  if (!isRecord(values)) return [];
  const objects: KubeObject[] = [];
  for (const section of SECTIONS) {
    const entries = values[section.key];
    const keyed: [string | number, unknown, string | undefined][] = Array.isArray(entries)
      ? entries.map((entry, position) => [position, entry, isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined])
      : isRecord(entries)
        ? Object.entries(entries).map(([name, entry]) => [name, entry, name])
        : [];
    for (const [entryKey, entry, name] of keyed) {
      if (!isRecord(entry) || name === undefined) continue;
      const object = objectFromBody(bodyOf(section.kind, name, entry), {
        file: valuesDocument.file,
        documentIndex: valuesDocument.index,
        path: [section.key, entryKey],
      });
      if (object) objects.push(object);
    }
  }
  return objects;
}

/** The object the chart's template writes for one entry. */
function bodyOf(kind: string, name: string, entry: Record<string, unknown>): Record<string, unknown> {
  const metadata: Record<string, unknown> = { name };
  if (typeof entry.namespace === 'string' && entry.namespace !== '') metadata.namespace = entry.namespace;
  if (isRecord(entry.additionalAnnotations) && !isEmptyForHelmWith(entry.additionalAnnotations)) {
    // The chart writes each annotation value with `quote`: they are always strings.
    metadata.annotations = Object.fromEntries(Object.entries(entry.additionalAnnotations).map(([key, value]) => [key, quoted(value)]));
  }
  if (isRecord(entry.additionalLabels) && !isEmptyForHelmWith(entry.additionalLabels)) metadata.labels = entry.additionalLabels;
  if (!isEmptyForHelmWith(entry.finalizers)) metadata.finalizers = entry.finalizers;
  const alwaysWritten = ALWAYS_WRITTEN[kind] ?? [];
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (METADATA_KEYS.has(key)) continue;
    if (alwaysWritten.includes(key) || !isEmptyForHelmWith(value)) spec[key] = value;
  }
  return { apiVersion: 'argoproj.io/v1alpha1', kind, metadata, spec };
}

/** What Helm's `quote` makes of a value: nil becomes `""`, scalars their text. */
function quoted(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}
