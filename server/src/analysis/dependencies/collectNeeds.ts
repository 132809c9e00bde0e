// Lists what one Application needs from others: CRDs, namespaces, classes, stores, issuers, gateways, Services, explicit names.
import { getPath, isRecord, stringField, type KubeObject } from '../kube/kubeObject';
import { locateField } from '../kube/locateObject';
import { lazyLocation } from '../text/lazyLocation';
import type { AppNode } from '../model/types';
import type { RepoIndex } from '../repoIndex';
import type { SourceLocation } from '../text/span';
import { locate, type ValuePath, type YamlDocument } from '../yaml/yamlDocument';
import { BUILTIN_PRIORITY_CLASSES, isArgoCdOwnKind, isBuiltinApiGroup, isClusterScoped, SYSTEM_NAMESPACES } from './builtinKinds';
import { chartsInstalledBy } from './installedCharts';
import { DEFAULT_CLASS_KEY } from './providerIndex';
import type { DependencyEnd, DependencyKind } from './types';
import { scanValue, type ScannedReference } from './valueScan';
import { PerRenderMemo } from './perRender';
import { ShortKeys } from '../incremental/shortKeys';
import { isDeployedResource } from '../model/declaredObjects';
import type { SourceRender } from '../sources/sourceRender';

/** The annotation that declares dependencies the analysis cannot infer: `"app-a, app-b"`. */
export const DEPENDS_ON_ANNOTATION = 'gitops-waves.io/depends-on';

/** One need of an Application: what it wants (kind and lookup key) and where that is written. */
export interface Need {
  readonly kind: DependencyKind;
  readonly key: string;
  readonly dependent: DependencyEnd;
  /** The start of the reason, completed by the provider's description: "Certificate web uses". */
  readonly phrase: string;
  /** What is wanted, for unsatisfied needs: "CRD cert-manager.io/Certificate". */
  readonly wanted: string;
  /** True when nothing providing it is not worth recording (e.g. a Service in kube-system). */
  readonly quietWhenUnsatisfied?: boolean;
}

const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);
const GATEWAY_GROUP = 'gateway.networking.k8s.io';
const SCAN_SKIPPED_KINDS = new Set(['apiextensions.k8s.io/CustomResourceDefinition']);
const SKIP_TOP_KEYS: ReadonlySet<string> = new Set(['status']);
/**
 * Policy engines whose bodies are templates of other objects: a `storageClassName` there is applied
 * later by the engine, not by this sync, so class keys are not read (Service URLs still are).
 */
const TEMPLATE_BODY_GROUPS: ReadonlySet<string> = new Set(['kyverno.io', 'policies.kyverno.io']);
/** The object kind and the verb of the reason, per class need found by key. */
const CLASS_WORDS: Partial<Record<DependencyKind, { kind: string; verb: string }>> = {
  'storage-class': { kind: 'StorageClass', verb: 'on' },
  'snapshot-class': { kind: 'VolumeSnapshotClass', verb: 'of' },
  'priority-class': { kind: 'PriorityClass', verb: 'uses' },
};

/** Everything an Application node needs, in a stable order (objects in render order, then values files, then annotations). */
export function collectNeeds(index: RepoIndex, node: AppNode, knownScopes: ReadonlyMap<string, 'Cluster' | 'Namespaced'>): Need[] {
  const needs: Need[] = [];
  if (node.kind !== 'Application' || !node.application) return needs;
  destinationNeed(index, node, needs);
  // The node's resources, render by render (each render's needs are kept with it).
  for (const render of node.renders) needs.push(...renderNeeds(index, node, render, knownScopes));
  valuesNeeds(index, node, needs);
  explicitNeeds(index, node, needs);
  return needs;
}

const needsByRender = new PerRenderMemo<readonly Need[]>();
/** A key for the scopes table: the needs of a kept render are reused only while it is the same. */
const scopesKeys = new WeakMap<ReadonlyMap<string, 'Cluster' | 'Namespaced'>, string>();
/** Short keys for scope tables met so far, by their contents (a table can be long: one entry per CRD). */
const scopeTableKeys = new ShortKeys('scopes', 64);

/** A short key for a scopes table: equal keys, equal contents. */
export function knownScopesKey(knownScopes: ReadonlyMap<string, 'Cluster' | 'Namespaced'>): string {
  let key = scopesKeys.get(knownScopes);
  if (key === undefined) scopesKeys.set(knownScopes, (key = scopesTableKey(knownScopes)));
  return key;
}

function scopesTableKey(knownScopes: ReadonlyMap<string, 'Cluster' | 'Namespaced'>): string {
  return scopeTableKeys.keyOf(JSON.stringify([...knownScopes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** The needs of a render's deployed objects for one node, in object order. */
function renderNeeds(index: RepoIndex, node: AppNode, render: SourceRender, knownScopes: ReadonlyMap<string, 'Cluster' | 'Namespaced'>): readonly Need[] {
  const scopesKey = knownScopesKey(knownScopes);
  return needsByRender.get(render, `${node.id}\u0000${node.destinationNamespace ?? ''}\u0000${scopesKey}`, () => {
    const needs: Need[] = [];
    for (const object of render.objects) if (isDeployedResource(object)) objectNeeds(index, node, object, knownScopes, needs);
    return needs;
  });
}

function destinationNeed(index: RepoIndex, node: AppNode, needs: Need[]): void {
  const namespace = node.destinationNamespace;
  if (!namespace || namespace.includes('{{') || SYSTEM_NAMESPACES.has(namespace)) return;
  needs.push({
    kind: 'namespace',
    key: namespace,
    dependent: { nodeId: node.id, object: undefined, location: locateField(index, node.origin, ['spec', 'destination', 'namespace'], 'value') },
    phrase: 'destination in',
    wanted: `Namespace ${namespace}`,
  });
}

function objectNeeds(index: RepoIndex, node: AppNode, object: KubeObject, knownScopes: ReadonlyMap<string, 'Cluster' | 'Namespaced'>, needs: Need[]): void {
  const label = `${object.kind}/${object.name}`;
  const subject = `${object.kind} ${object.name}`;
  const at = (path: ValuePath, part: 'key' | 'value' = 'value'): DependencyEnd => ({ nodeId: node.id, object: label, location: locateField(index, object.origin, path, part) });
  // A need written as a value points at the value; a need implied by an absent field points at the key of its parent.
  const push = (kind: DependencyKind, key: string, path: ValuePath, phrase: string, wanted: string, part: 'key' | 'value' = 'value'): void => {
    needs.push({ kind, key, dependent: at(path, part), phrase: `${subject} ${phrase}`, wanted });
  };
  const { group, kind } = object;
  if (!isBuiltinApiGroup(group) && !isArgoCdOwnKind(group, kind)) push('crd', `${group}/${kind}`, ['kind'], 'uses', `CRD ${group}/${kind}`);
  const namespace = object.namespace ?? node.destinationNamespace;
  if (object.namespace !== undefined && object.namespace !== node.destinationNamespace && !SYSTEM_NAMESPACES.has(object.namespace) && !isClusterScoped(group, kind, knownScopes)) {
    push('namespace', object.namespace, ['metadata', 'namespace'], 'in', `Namespace ${object.namespace}`);
  }
  const spec = getPath(object.body, ['spec']);
  switch (`${group}/${kind}`) {
    case '/PersistentVolumeClaim':
      if (isRecord(spec) && spec.storageClassName === undefined) push('storage-class', DEFAULT_CLASS_KEY, ['spec'], '(no storageClassName) on the default', 'default StorageClass', 'key');
      break;
    case 'apps/StatefulSet': {
      const templates = getPath(spec, ['volumeClaimTemplates']);
      if (Array.isArray(templates)) {
        templates.forEach((template, position) => {
          if (getPath(template, ['spec', 'storageClassName']) === undefined) {
            push('storage-class', DEFAULT_CLASS_KEY, ['spec', 'volumeClaimTemplates', position], `volumeClaimTemplate ${stringField(getPath(template, ['metadata']), 'name') ?? position} (no storageClassName) on the default`, 'default StorageClass', 'key');
          }
        });
      }
      break;
    }
    case 'snapshot.storage.k8s.io/VolumeSnapshot':
      if (isRecord(spec) && spec.volumeSnapshotClassName === undefined) push('snapshot-class', DEFAULT_CLASS_KEY, ['spec'], '(no volumeSnapshotClassName) of the default', 'default VolumeSnapshotClass', 'key');
      break;
    case 'external-secrets.io/ExternalSecret':
      storeNeed(getPath(spec, ['secretStoreRef']), ['spec', 'secretStoreRef'], namespace, push);
      break;
    case 'external-secrets.io/ClusterExternalSecret':
      storeNeed(getPath(spec, ['externalSecretSpec', 'secretStoreRef']), ['spec', 'externalSecretSpec', 'secretStoreRef'], undefined, push);
      break;
    case 'cert-manager.io/Certificate': {
      const reference = getPath(spec, ['issuerRef']);
      const name = stringField(reference, 'name');
      const issuerKind = stringField(reference, 'kind') ?? 'Issuer';
      const issuerGroup = stringField(reference, 'group') ?? 'cert-manager.io';
      if (name && issuerGroup === 'cert-manager.io') issuerNeed(issuerKind, name, namespace, ['spec', 'issuerRef', 'name'], 'issued by', push);
      break;
    }
    case 'networking.k8s.io/Ingress':
    case 'extensions/Ingress': {
      const className = stringField(spec, 'ingressClassName');
      if (className) push('ingress-class', className, ['spec', 'ingressClassName'], 'of', `IngressClass ${className}`);
      issuerAnnotationNeeds(object, namespace, push);
      break;
    }
    case `${GATEWAY_GROUP}/Gateway`: {
      const className = stringField(spec, 'gatewayClassName');
      if (className) push('gateway-class', className, ['spec', 'gatewayClassName'], 'of', `GatewayClass ${className}`);
      issuerAnnotationNeeds(object, namespace, push);
      break;
    }
  }
  if (group === GATEWAY_GROUP && ROUTE_KINDS.has(kind)) {
    const parents = getPath(spec, ['parentRefs']);
    if (Array.isArray(parents)) {
      parents.forEach((parent, position) => {
        const name = stringField(parent, 'name');
        if (!name || (stringField(parent, 'kind') ?? 'Gateway') !== 'Gateway' || (stringField(parent, 'group') ?? GATEWAY_GROUP) !== GATEWAY_GROUP) return;
        const parentNamespace = stringField(parent, 'namespace') ?? namespace;
        if (parentNamespace) push('gateway', `${parentNamespace}/${name}`, ['spec', 'parentRefs', position, 'name'], 'attaches to', `Gateway ${parentNamespace}/${name}`);
      });
    }
  }
  if (SCAN_SKIPPED_KINDS.has(`${group}/${kind}`)) return;
  scanValue(
    object.body,
    (reference) => {
      if (reference.type === 'class' && TEMPLATE_BODY_GROUPS.has(group)) return;
      scannedNeed(reference, subject, false, (path) => at(path), needs);
    },
    SKIP_TOP_KEYS,
  );
}

type Push = (kind: DependencyKind, key: string, path: ValuePath, phrase: string, wanted: string, part?: 'key' | 'value') => void;

function storeNeed(reference: unknown, path: ValuePath, namespace: string | undefined, push: Push): void {
  const name = stringField(reference, 'name');
  if (!name) return;
  const storeKind = stringField(reference, 'kind') ?? 'SecretStore';
  if (storeKind === 'ClusterSecretStore') push('secret-store', `ClusterSecretStore/${name}`, [...path, 'name'], 'uses', `ClusterSecretStore ${name}`);
  else if (storeKind === 'SecretStore' && namespace) push('secret-store', `SecretStore/${namespace}/${name}`, [...path, 'name'], 'uses', `SecretStore ${namespace}/${name}`);
}

function issuerNeed(issuerKind: string, name: string, namespace: string | undefined, path: ValuePath, phrase: string, push: Push): void {
  if (issuerKind === 'ClusterIssuer') push('issuer', `ClusterIssuer/${name}`, path, phrase, `ClusterIssuer ${name}`);
  else if (issuerKind === 'Issuer' && namespace) push('issuer', `Issuer/${namespace}/${name}`, path, phrase, `Issuer ${namespace}/${name}`);
}

function issuerAnnotationNeeds(object: KubeObject, namespace: string | undefined, push: Push): void {
  const clusterIssuer = object.annotations['cert-manager.io/cluster-issuer'];
  if (clusterIssuer) issuerNeed('ClusterIssuer', clusterIssuer, namespace, ['metadata', 'annotations', 'cert-manager.io/cluster-issuer'], 'issued (annotation) by', push);
  const issuer = object.annotations['cert-manager.io/issuer'];
  if (issuer) issuerNeed('Issuer', issuer, namespace, ['metadata', 'annotations', 'cert-manager.io/issuer'], 'issued (annotation) by', push);
}

/** Turns a scanned reference into a need; built-in PriorityClasses and the API server's Service need nothing. */
function scannedNeed(reference: ScannedReference, subject: string, showKey: boolean, at: (path: ValuePath) => DependencyEnd, needs: Need[]): void {
  if (reference.type === 'class') {
    if (reference.kind === 'priority-class' && BUILTIN_PRIORITY_CLASSES.has(reference.name)) return;
    const words = CLASS_WORDS[reference.kind] ?? { kind: reference.kind, verb: 'uses' };
    const phrase = `${subject}${showKey ? ` (${reference.key})` : ''} ${words.verb}`;
    needs.push({ kind: reference.kind, key: reference.name, dependent: at(reference.path), phrase, wanted: `${words.kind} ${reference.name}` });
    return;
  }
  if (reference.name === 'kubernetes' && reference.namespace === 'default') return;
  needs.push({
    kind: 'service',
    key: `${reference.namespace}/${reference.name}`,
    dependent: at(reference.path),
    phrase: `${subject} refers to ${reference.url}, served by`,
    wanted: `Service ${reference.namespace}/${reference.name}`,
    ...(SYSTEM_NAMESPACES.has(reference.namespace) ? { quietWhenUnsatisfied: true } : {}),
  });
}

/** Needs written in the Helm values files (and inline values) of the charts the node installs. */
function valuesNeeds(index: RepoIndex, node: AppNode, needs: Need[]): void {
  const seenFiles = new Set<string>();
  const scanFile = (file: string): void => {
    if (seenFiles.has(file)) return;
    seenFiles.add(file);
    for (const document of index.parsed(file)?.documents ?? []) {
      scanValue(document.value, (reference) =>
        scannedNeed(reference, `values ${file}`, true, (path) => ({ nodeId: node.id, object: undefined, location: documentLocation(document, path) }), needs),
      );
    }
  };
  for (const chart of chartsInstalledBy(index, node)) {
    for (const file of chart.valuesFiles) scanFile(file);
    if (chart.valuesInline) {
      scanValue(chart.valuesInline, (reference) =>
        scannedNeed(reference, `inline values of chart ${chart.name}`, true, () => ({ nodeId: node.id, object: undefined, location: chart.location }), needs),
      );
    }
  }
  // An in-repository chart rendered by Argo CD's Helm: its own values.yaml.
  for (const render of node.renders) {
    if (render.tool !== 'helm') continue;
    for (const file of render.filesRead) if (/(^|\/)values[^/]*\.ya?ml$/.test(file)) scanFile(file);
  }
}

function documentLocation(document: YamlDocument, path: ValuePath): SourceLocation {
  // Found when first read: most needs never end in a finding (lazyLocation.ts).
  return lazyLocation(document.file, () => locate(document, path, true)?.value ?? document.span, { source: document, documentIndex: document.index, path, fieldPath: [], part: 'value' });
}

function explicitNeeds(index: RepoIndex, node: AppNode, needs: Need[]): void {
  const written = node.object.annotations[DEPENDS_ON_ANNOTATION];
  if (written === undefined) return;
  const location = locateField(index, node.origin, ['metadata', 'annotations', DEPENDS_ON_ANNOTATION], 'value');
  for (const name of written.split(',').map((part) => part.trim())) {
    if (name === '' || name === node.name) continue;
    needs.push({ kind: 'explicit', key: name, dependent: { nodeId: node.id, object: undefined, location }, phrase: `annotation ${DEPENDS_ON_ANNOTATION} names`, wanted: `Application ${name}` });
  }
}
