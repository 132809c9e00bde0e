// Finds Argo CD cluster Secrets declared in the repository, and the implicit local cluster.
import { isRecord, objectFromDocument, type KubeObject } from '../kube/kubeObject';
import { RepoIndex } from '../repoIndex';
import { base64DecodeText } from './base64';
import type { ClusterInfo } from './expansionTypes';

/** The label that makes a Secret a cluster for Argo CD. */
export const CLUSTER_SECRET_LABEL = 'argocd.argoproj.io/secret-type';

/** The local cluster's API server address. */
export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

/** The implicit local cluster Argo CD adds when no cluster Secret declares its server. */
export const IMPLICIT_LOCAL_CLUSTER: ClusterInfo = Object.freeze({
  name: 'in-cluster',
  server: IN_CLUSTER_SERVER,
  project: undefined,
  labels: {},
  annotations: {},
  implicit: true,
});

/**
 * Every `v1` Secret labelled `argocd.argoproj.io/secret-type: cluster` in the repository's parsed
 * YAML (Helm templates are not parsed, so cluster Secrets a chart or an ExternalSecret creates
 * are not found). `name`, `server`, `project` come from `stringData` first, then base64 `data`.
 */
export function findClusterSecrets(index: RepoIndex): readonly ClusterInfo[] {
  return index.derived('appsets/cluster-secrets', scanClusterSecrets);
}

function scanClusterSecrets(index: RepoIndex): ClusterInfo[] {
  const clusters: ClusterInfo[] = [];
  // Cheap pre-filter: only parse files that mention the label.
  for (const file of index.filesMentioning(CLUSTER_SECRET_LABEL)) {
    if (!RepoIndex.isYamlLike(file)) continue;
    for (const document of index.parsed(file)?.documents ?? []) {
      const object = objectFromDocument(document);
      if (object && isClusterSecret(object)) clusters.push(clusterFromSecret(object));
    }
  }
  return clusters;
}

function isClusterSecret(object: KubeObject): boolean {
  return object.kind === 'Secret' && object.apiVersion === 'v1' && object.labels[CLUSTER_SECRET_LABEL] === 'cluster';
}

function clusterFromSecret(secret: KubeObject): ClusterInfo {
  const field = (key: string): string | undefined => {
    const stringData = secret.body.stringData;
    if (isRecord(stringData) && typeof stringData[key] === 'string') return stringData[key];
    const data = secret.body.data;
    if (isRecord(data) && typeof data[key] === 'string') return base64DecodeText(data[key]);
    return undefined;
  };
  return {
    name: field('name') ?? '',
    server: field('server') ?? '',
    project: field('project'),
    labels: secret.labels,
    annotations: secret.annotations,
    implicit: false,
  };
}

/** The clusters the clusters generator sees: the local one (unless a Secret declares its server) plus the Secrets. */
export function knownClusters(clusterSecrets: readonly ClusterInfo[]): ClusterInfo[] {
  const declaresLocal = clusterSecrets.some((cluster) => cluster.server === IN_CLUSTER_SERVER);
  return declaresLocal ? [...clusterSecrets] : [IMPLICIT_LOCAL_CLUSTER, ...clusterSecrets];
}
