// Finds every provider in the model: objects the Applications deploy, CreateNamespace, and what their charts install (catalogue).
import { getPath, stringField, type KubeObject } from '../kube/kubeObject';
import { locateField } from '../kube/locateObject';
import type { AppNode, RepositoryModel } from '../model/types';
import type { RepoIndex } from '../repoIndex';
import type { SourceLocation } from '../text/span';
import { chartString, evaluateCondition, type ChartCatalogue, type ConditionOutcome } from './catalogueLookup';
import type { CatalogueEntry, CatalogueObject, ValuesCondition } from './catalogueTypes';
import { chartsInstalledBy, type InstalledChart } from './installedCharts';
import { DEFAULT_CLASS_KEY, ProviderIndex, type Provider } from './providerIndex';
import type { DependencyKind } from './types';
import { PerRenderMemo } from './perRender';
import { isDeployedResource } from '../model/declaredObjects';
import type { SourceRender } from '../sources/sourceRender';
import { graphOrder } from './graphOrder';

/** Everything that satisfies needs, and the scopes of custom kinds learnt on the way. */
export interface CollectedProviders {
  readonly providers: ProviderIndex;
  /** `group/Kind` → scope, from CRD manifests and the catalogue. */
  readonly knownScopes: ReadonlyMap<string, 'Cluster' | 'Namespaced'>;
}

const DEFAULT_STORAGE_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];
const DEFAULT_SNAPSHOT_CLASS_ANNOTATION = 'snapshot.storage.kubernetes.io/is-default-class';

/** Where the providers of the model are kept (a language server's memo keeps each node's list). */
export interface ProviderMemo {
  /** The findings of one node object (kept while its inputs are) and catalogue (`context`), besides the files read. */
  get(index: RepoIndex, node: AppNode, compute: () => readonly ProviderFinding[], context: string): readonly ProviderFinding[];
}


/**
 * Indexes the providers of every Application node (one pass over nodes, objects and charts). Each
 * node's findings are listed first (kept per node by `memo` when given), then replayed in order.
 */
export function collectProviders(index: RepoIndex, model: RepositoryModel, catalogue: ChartCatalogue, memo?: ProviderMemo): CollectedProviders {
  return indexProviders(graphOrder(model).filter((node) => node.kind === 'Application').map((node) => providerFindingsOf(index, node, catalogue, memo)));
}

/** One Application node's findings (kept by `memo` when given). */
export function providerFindingsOf(index: RepoIndex, node: AppNode, catalogue: ChartCatalogue, memo?: ProviderMemo): readonly ProviderFinding[] {
  const compute = (): readonly ProviderFinding[] => nodeProviders(index, node, catalogue);
  return memo ? memo.get(index, node, compute, catalogue.key) : compute();
}

/** Replays the findings of each Application node, in model order, into an index of providers and a scope table. */
export function indexProviders(findingsByNode: readonly (readonly ProviderFinding[])[]): CollectedProviders {
  const providers = new ProviderIndex();
  const knownScopes = new Map<string, 'Cluster' | 'Namespaced'>();
  for (const findings of findingsByNode) {
    for (const found of findings) {
      if (found.provider) providers.add(found.kind, found.key, found.provider);
      else if (found.onlyIfUnknown !== true || !knownScopes.has(found.key)) knownScopes.set(found.key, found.scope);
    }
  }
  return { providers, knownScopes };
}

/** What one node provides, in the order the index receives it. */
function nodeProviders(index: RepoIndex, node: AppNode, catalogue: ChartCatalogue): readonly ProviderFinding[] {
  const found: ProviderFinding[] = [];
  const sink = listingSink(found);
  // The node's resources, render by render (each render's providers are kept with it).
  for (const render of node.renders) found.push(...renderProviders(index, node, render));
  addCreateNamespaceProvider(index, node, sink);
  for (const chart of chartsInstalledBy(index, node)) {
    for (const entry of catalogue.forChart(chart.name, chart.repo)) addChartProvider(index, node, chart, entry, sink);
  }
  for (const render of node.renders) {
    for (const remote of render.remoteResources) {
      for (const entry of catalogue.forRemoteResource(remote.url)) {
        addCatalogueCrds(node, entry, { location: remote.location, label: `remote resource ${remote.url}`, outcome: () => ({ holds: 'yes', explanation: '' }) }, sink);
      }
    }
  }
  return found;
}

/** A sink that lists what it receives. */
function listingSink(found: ProviderFinding[]): ProviderSink {
  return {
    add: (kind, key, provider) => found.push({ kind, key, provider }),
    setScope: (key, scope) => found.push({ key, scope }),
    setScopeIfUnknown: (key, scope) => found.push({ key, scope, onlyIfUnknown: true }),
  };
}

/** What one node adds while providers are collected: a provider, or the scope of a custom kind. */
export type ProviderFinding =
  | { readonly kind: DependencyKind; readonly key: string; readonly provider: Provider; readonly scope?: undefined; readonly onlyIfUnknown?: undefined }
  /** With `onlyIfUnknown`, the scope counts only when nothing earlier set one (catalogue CRDs defer to manifests). */
  | { readonly key: string; readonly scope: 'Cluster' | 'Namespaced'; readonly provider?: undefined; readonly onlyIfUnknown?: boolean };

const providersByRender = new PerRenderMemo<readonly ProviderFinding[]>();

/** The providers and scopes of a render's deployed objects for one node, in object order. */
function renderProviders(index: RepoIndex, node: AppNode, render: SourceRender): readonly ProviderFinding[] {
  return providersByRender.get(render, `${node.id}\u0000${node.destinationNamespace ?? ''}`, () => {
    const found: ProviderFinding[] = [];
    const sink = listingSink(found);
    for (const object of render.objects) if (isDeployedResource(object)) addObjectProvider(index, node, object, sink);
    return found;
  });
}

/** Where `addObjectProvider` puts what it finds. */
interface ProviderSink {
  add(kind: DependencyKind, key: string, provider: Provider): void;
  setScope(key: string, scope: 'Cluster' | 'Namespaced'): void;
  setScopeIfUnknown(key: string, scope: 'Cluster' | 'Namespaced'): void;
}

/** The namespace a namespaced object lands in: its own, else the Application's destination. */
export function objectNamespace(node: AppNode, object: KubeObject): string | undefined {
  return object.namespace ?? node.destinationNamespace;
}

function addObjectProvider(index: RepoIndex, node: AppNode, object: KubeObject, providers: ProviderSink): void {
  const at = (describe: string, objectLabel: string): Provider => ({
    end: { nodeId: node.id, object: objectLabel, location: locateField(index, object.origin, ['metadata', 'name'], 'value') },
    evidence: 'manifest',
    describe,
  });
  const named = (kind: DependencyKind, key: string, describe: string): void => providers.add(kind, key, at(describe, `${object.kind}/${object.name}`));
  const { group, kind, name } = object;
  if (name === '') return;
  if (group === 'apiextensions.k8s.io' && kind === 'CustomResourceDefinition') {
    const crdGroup = stringField(getPath(object.body, ['spec']), 'group');
    const crdKind = stringField(getPath(object.body, ['spec', 'names']), 'kind');
    if (crdGroup === undefined || crdKind === undefined) return;
    const scope = stringField(getPath(object.body, ['spec']), 'scope');
    if (scope === 'Cluster' || scope === 'Namespaced') providers.setScope(`${crdGroup}/${crdKind}`, scope);
    providers.add('crd', `${crdGroup}/${crdKind}`, at(`CRD ${name}`, `${crdGroup}/${crdKind}`));
    return;
  }
  const namespace = objectNamespace(node, object);
  switch (`${group}/${kind}`) {
    case '/Namespace':
      named('namespace', name, `Namespace ${name}`);
      break;
    case 'storage.k8s.io/StorageClass':
      named('storage-class', name, `StorageClass ${name}`);
      if (DEFAULT_STORAGE_CLASS_ANNOTATIONS.some((key) => object.annotations[key] === 'true')) named('storage-class', DEFAULT_CLASS_KEY, `StorageClass ${name}`);
      break;
    case 'snapshot.storage.k8s.io/VolumeSnapshotClass':
      named('snapshot-class', name, `VolumeSnapshotClass ${name}`);
      if (object.annotations[DEFAULT_SNAPSHOT_CLASS_ANNOTATION] === 'true') named('snapshot-class', DEFAULT_CLASS_KEY, `VolumeSnapshotClass ${name}`);
      break;
    case 'external-secrets.io/ClusterSecretStore':
      named('secret-store', `ClusterSecretStore/${name}`, `ClusterSecretStore ${name}`);
      break;
    case 'external-secrets.io/SecretStore':
      if (namespace) named('secret-store', `SecretStore/${namespace}/${name}`, `SecretStore ${namespace}/${name}`);
      break;
    case 'cert-manager.io/ClusterIssuer':
      named('issuer', `ClusterIssuer/${name}`, `ClusterIssuer ${name}`);
      break;
    case 'cert-manager.io/Issuer':
      if (namespace) named('issuer', `Issuer/${namespace}/${name}`, `Issuer ${namespace}/${name}`);
      break;
    case 'networking.k8s.io/IngressClass':
      named('ingress-class', name, `IngressClass ${name}`);
      break;
    case 'gateway.networking.k8s.io/GatewayClass':
      named('gateway-class', name, `GatewayClass ${name}`);
      break;
    case 'gateway.networking.k8s.io/Gateway':
      if (namespace) named('gateway', `${namespace}/${name}`, `Gateway ${namespace}/${name}`);
      break;
    case 'scheduling.k8s.io/PriorityClass':
      named('priority-class', name, `PriorityClass ${name}`);
      break;
    case '/Service':
      if (namespace) named('service', `${namespace}/${name}`, `Service ${namespace}/${name}`);
      break;
  }
}

function addCreateNamespaceProvider(index: RepoIndex, node: AppNode, providers: ProviderSink): void {
  const application = node.application;
  const namespace = node.destinationNamespace;
  if (!application || !namespace || namespace.includes('{{') || application.syncPolicy.syncOptions.get('CreateNamespace') !== 'true') return;
  const options = getPath(application.object.body, ['spec', 'syncPolicy', 'syncOptions']);
  const position = Array.isArray(options) ? options.findIndex((option) => typeof option === 'string' && /^\s*CreateNamespace\s*=/.test(option)) : -1;
  providers.add('namespace', namespace, {
    end: {
      nodeId: node.id,
      object: `Namespace/${namespace}`,
      location: locateField(index, node.origin, position >= 0 ? ['spec', 'syncPolicy', 'syncOptions', position] : ['spec', 'syncPolicy'], 'value'),
    },
    evidence: 'create-namespace',
    describe: `Namespace ${namespace} (CreateNamespace=true of ${node.name})`,
  });
}

/** The installing side of catalogue CRDs: a chart install or a remote resource, and how its conditions are decided. */
interface ChartSide {
  readonly location: SourceLocation;
  readonly label: string;
  readonly outcome: (condition: ValuesCondition | undefined) => ConditionOutcome;
}

function addChartProvider(index: RepoIndex, node: AppNode, chart: InstalledChart, entry: CatalogueEntry, providers: ProviderSink): void {
  const side: ChartSide = { location: chart.location, label: `chart ${chart.name}`, outcome: (condition) => evaluateCondition(index, chart, condition) };
  addCatalogueCrds(node, entry, side, providers, chart);
  for (const object of entry.provides ?? []) addCatalogueObject(index, node, chart, object, providers);
}

function addCatalogueCrds(
  node: AppNode,
  entry: CatalogueEntry,
  side: ChartSide,
  providers: ProviderSink,
  chart?: InstalledChart,
): void {
  for (const crds of entry.crds ?? []) {
    for (const kind of crds.kinds) providers.setScopeIfUnknown(`${crds.group}/${kind}`, crds.clusterScoped?.includes(kind) ? 'Cluster' : 'Namespaced');
    if (crds.placement === 'crds-folder' && chart && !chart.rendersCrdsFolder) continue; // e.g. kustomize helmCharts without includeCRDs: true
    const outcome = side.outcome(crds.when);
    if (outcome.holds === 'no') continue;
    const notes = [outcome.explanation, crds.placement === 'runtime' ? 'registered by its controller at run time' : ''].filter((note) => note !== '');
    for (const kind of crds.kinds) {
      providers.add('crd', `${crds.group}/${kind}`, {
        end: { nodeId: node.id, object: `${crds.group}/${kind}`, location: side.location },
        evidence: 'chart-catalogue',
        describe: `CRD ${crds.group}/${kind} from ${side.label}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`,
        ...(outcome.holds === 'unknown' ? { condition: `${side.label} installs it ${outcome.explanation}` } : {}),
        ...(crds.placement === 'runtime' ? { providedAtRuntime: true } : {}),
      });
    }
  }
}

const OBJECT_NEED_KIND: Record<CatalogueObject['kind'], DependencyKind> = {
  StorageClass: 'storage-class',
  IngressClass: 'ingress-class',
  GatewayClass: 'gateway-class',
  VolumeSnapshotClass: 'snapshot-class',
  PriorityClass: 'priority-class',
  Service: 'service',
};

function addCatalogueObject(index: RepoIndex, node: AppNode, chart: InstalledChart, object: CatalogueObject, providers: ProviderSink): void {
  const outcome = evaluateCondition(index, chart, object.when);
  if (outcome.holds === 'no') return;
  const name = chartString(index, chart, object.nameFrom) ?? object.name;
  const needKind = OBJECT_NEED_KIND[object.kind];
  let key = name;
  let label = `${object.kind} ${name}`;
  if (object.kind === 'Service') {
    if (!chart.namespace) return;
    key = `${chart.namespace}/${name}`;
    label = `Service ${chart.namespace}/${name}`;
  }
  const notes = [outcome.explanation, object.atRuntime ? 'created by its controller at run time' : ''].filter((note) => note !== '');
  const provider: Provider = {
    end: { nodeId: node.id, object: `${object.kind}/${name}`, location: chart.location },
    evidence: 'chart-catalogue',
    describe: `${label} from chart ${chart.name}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`,
    ...(outcome.holds === 'unknown' ? { condition: `chart ${chart.name} creates it ${outcome.explanation}` } : {}),
    ...(object.atRuntime ? { providedAtRuntime: true } : {}),
  };
  providers.add(needKind, key, provider);
  if (object.isDefault !== undefined && (object.kind === 'StorageClass' || object.kind === 'VolumeSnapshotClass')) {
    const isDefault = typeof object.isDefault === 'boolean' ? (object.isDefault ? 'yes' : 'no') : evaluateCondition(index, chart, object.isDefault).holds;
    if (isDefault !== 'no') providers.add(needKind, DEFAULT_CLASS_KEY, provider);
  }
}
