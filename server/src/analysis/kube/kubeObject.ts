// KubeObject: a Kubernetes object as written in a document, possibly transformed by Kustomize.
import { DOCUMENT_ROOT, type ValuePath, type YamlDocument } from '../yaml/yamlDocument';

/** Where an object is written: a file, the index of its document, and where the object sits in it. */
export interface ObjectOrigin {
  readonly file: string;
  readonly documentIndex: number;
  /**
   * Path of the object's body inside the document: `[]` when the document is the object; e.g.
   * `['applications', 'guestbook']` for an Application declared in argocd-apps Helm values.
   */
  readonly path: ValuePath;
}

/** A Kubernetes object with the metadata every rule needs and its whole body. */
export interface KubeObject {
  readonly apiVersion: string;
  /** `group` part of apiVersion (`''` for the core group). */
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  /** Annotations whose values are strings (as Kubernetes requires). */
  readonly annotations: Readonly<Record<string, string>>;
  /**
   * Annotation keys whose values are not strings (an unquoted `5` or `true`). Argo CD then reads
   * none of the object's annotations; the API server rejects the object.
   */
  readonly nonStringAnnotationKeys: readonly string[];
  /** The whole object (after any Kustomize transformation). */
  readonly body: Readonly<Record<string, unknown>>;
  /** Where it is written. */
  readonly origin: ObjectOrigin;
}

/** True for a plain object (a YAML map). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a string field, or undefined when absent or not a string. */
export function stringField(record: unknown, key: string): string | undefined {
  if (!isRecord(record)) return undefined;
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a nested value along keys, or undefined. */
export function getPath(value: unknown, keys: readonly (string | number)[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isRecord(current)) current = current[String(key)];
    else return undefined;
  }
  return current;
}

/** The API group of an apiVersion (`apps/v1` → `apps`, `v1` → `''`). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * Builds an object from a document body when it has the shape of a Kubernetes object
 * (string `apiVersion` and `kind`); otherwise undefined. Names may be empty (a generateName object).
 */
export function objectFromBody(body: unknown, origin: ObjectOrigin): KubeObject | undefined {
  if (!isObjectBody(body)) return undefined;
  const apiVersion = body.apiVersion as string;
  const kind = body.kind as string;
  const metadata = isRecord(body.metadata) ? body.metadata : {};
  const labels = stringValuesOf(metadata.labels);
  const annotationMap = isRecord(metadata.annotations) ? metadata.annotations : undefined;
  const annotations = stringValuesOf(annotationMap);
  // A copy was made only when some value is not a string.
  const nonStringAnnotationKeys = annotationMap === undefined || annotations === annotationMap ? NO_KEYS : Object.keys(annotationMap).filter((key) => typeof annotationMap[key] !== 'string');
  return {
    apiVersion,
    group: apiGroup(apiVersion),
    kind,
    name: typeof metadata.name === 'string' ? metadata.name : '',
    namespace: typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : undefined,
    labels,
    annotations,
    nonStringAnnotationKeys,
    body,
    origin,
  };
}

/** True when `body` is what {@link objectFromBody} makes an object of: a map with a non-empty string apiVersion and kind. */
export function isObjectBody(body: unknown): body is Record<string, unknown> {
  if (!isRecord(body)) return false;
  const { apiVersion, kind } = body;
  return typeof apiVersion === 'string' && typeof kind === 'string' && apiVersion !== '' && kind !== '';
}

/**
 * The string-valued entries of a label or annotation map: the map itself when every value is a string
 * (nearly always; bodies are not changed once read), else a copy without the others; an empty map when
 * `value` is not a map.
 */
function stringValuesOf(value: unknown): Readonly<Record<string, string>> {
  if (!isRecord(value)) return {};
  for (const key in value) {
    if (typeof value[key] === 'string') continue;
    const strings: Record<string, string> = {};
    for (const [entryKey, entryValue] of Object.entries(value)) if (typeof entryValue === 'string') strings[entryKey] = entryValue;
    return strings;
  }
  return value as Record<string, string>;
}

/** The object of a parsed document, if it is one. */
export function objectFromDocument(document: YamlDocument): KubeObject | undefined {
  // Documents are immutable and kept across analyses by the parse cache: read each one once.
  if (objectsOfDocuments.has(document)) return objectsOfDocuments.get(document);
  const object = objectFromBody(document.value, { file: document.file, documentIndex: document.index, path: DOCUMENT_ROOT });
  objectsOfDocuments.set(document, object);
  return object;
}

const objectsOfDocuments = new WeakMap<YamlDocument, KubeObject | undefined>();

/** The annotation keys of the objects that have none that is not a string (nearly all): one shared frozen list. */
const NO_KEYS: readonly string[] = Object.freeze([]);
