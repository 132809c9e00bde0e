// Kustomize's metadata transformers: namespace, name prefix/suffix, labels and annotations.
import { isRecord } from '../kube/kubeObject';
import { isClusterScopedForKustomize } from './clusterScopedKinds';
import type { WorkingObject } from './kustomizeTypes';
import { existingMap, ownedMap } from './plainData';
import { idOfBody, type ResourceId } from './resourceId';

/** Kinds whose pod template is at `spec.template` (labels/annotations reach the pods). */
const POD_TEMPLATE_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'ReplicationController']);
/** Kinds with `spec.selector.matchLabels` that commonLabels extends. */
const MATCH_LABELS_KINDS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet']);

/**
 * Records the current id as a previous one before a name/namespace change (kustomize's StorePreviousId);
 * `current` is that id when the caller has it already.
 */
export function storePreviousId(object: WorkingObject, current: ResourceId = idOfBody(object.body)): void {
  object.previousIds.push(current);
}

/** The kind of a body (`''` when unset): what the label and annotation transformers ask. */
function kindOfBody(body: Readonly<Record<string, unknown>>): string {
  return typeof body.kind === 'string' ? body.kind : '';
}

/**
 * `namespace:` sets (overriding) `metadata.namespace` of every object except the built-in
 * cluster-scoped kinds. Role-binding subjects are not rewritten here (a simplification).
 */
export function setNamespace(objects: readonly WorkingObject[], namespace: string): void {
  for (const object of objects) {
    const id = idOfBody(object.body);
    if (isClusterScopedForKustomize(id.group, id.kind)) continue;
    storePreviousId(object, id);
    ownedMap(object, ['metadata']).namespace = namespace;
  }
}

/**
 * `namePrefix`/`nameSuffix` change `metadata.name` of every object except CustomResourceDefinition,
 * APIService and Namespace, exactly kustomize's skip list (ClusterRoles etc. are renamed).
 * References to renamed objects (a Deployment's ConfigMap volume…) are not rewritten here.
 */
export function addNamePrefixSuffix(objects: readonly WorkingObject[], prefix: string, suffix: string): void {
  if (prefix === '' && suffix === '') return;
  for (const object of objects) {
    const id = idOfBody(object.body);
    if (id.kind === 'CustomResourceDefinition' || id.kind === 'Namespace' || (id.kind === 'APIService' && id.group === 'apiregistration.k8s.io')) continue;
    storePreviousId(object, id);
    ownedMap(object, ['metadata']).name = `${prefix}${id.name}${suffix}`;
  }
}

/** Where a label transformer writes. */
export interface LabelTargets {
  /** Also the pod templates' labels. */
  readonly templates: boolean;
  /** Also the selectors (Service `spec.selector`, workloads' `spec.selector.matchLabels`). */
  readonly selectors: boolean;
}

/** Adds labels to `metadata.labels` and, as asked, to pod templates and selectors. */
export function addLabels(objects: readonly WorkingObject[], labels: Readonly<Record<string, string>>, targets: LabelTargets): void {
  if (Object.keys(labels).length === 0) return;
  for (const object of objects) {
    Object.assign(ownedMap(object, ['metadata', 'labels']), labels);
    const kind = kindOfBody(object.body);
    if (targets.templates) {
      for (const path of templateMetadataPaths(kind)) if (existingMap(object.body, path.slice(0, -1))) Object.assign(ownedMap(object, [...path, 'labels']), labels);
    }
    if (targets.selectors) {
      if (kind === 'Service' && isRecord(object.body.spec)) Object.assign(ownedMap(object, ['spec', 'selector']), labels);
      if (MATCH_LABELS_KINDS.has(kind) && isRecord(object.body.spec)) Object.assign(ownedMap(object, ['spec', 'selector', 'matchLabels']), labels);
    }
  }
}

/** Adds annotations to `metadata.annotations` and to pod templates (as kustomize's commonAnnotations does). */
export function addAnnotations(objects: readonly WorkingObject[], annotations: Readonly<Record<string, string>>): void {
  if (Object.keys(annotations).length === 0) return;
  for (const object of objects) {
    Object.assign(ownedMap(object, ['metadata', 'annotations']), annotations);
    for (const path of templateMetadataPaths(kindOfBody(object.body))) {
      if (existingMap(object.body, path.slice(0, -1))) Object.assign(ownedMap(object, [...path, 'annotations']), annotations);
    }
  }
}

function templateMetadataPaths(kind: string): string[][] {
  if (POD_TEMPLATE_KINDS.has(kind)) return [['spec', 'template', 'metadata']];
  if (kind === 'CronJob') return [['spec', 'jobTemplate', 'metadata'], ['spec', 'jobTemplate', 'spec', 'template', 'metadata']];
  return [];
}
