// The built-in Kubernetes kinds that are cluster-scoped, as kustomize's bundled OpenAPI schema knows them.

/**
 * `group/kind` of the built-in cluster-scoped kinds. Kustomize only knows built-in schemas: every
 * other kind (custom resources, even a real cluster-scoped one such as cert-manager's
 * ClusterIssuer) is treated as namespaced, so its namespace is set by `namespace:`.
 */
const CLUSTER_SCOPED = new Set<string>([
  '/Namespace',
  '/Node',
  '/PersistentVolume',
  '/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/CSIDriver',
  'storage.k8s.io/CSINode',
  'storage.k8s.io/VolumeAttachment',
  'scheduling.k8s.io/PriorityClass',
  'node.k8s.io/RuntimeClass',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicy',
  'admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding',
  'certificates.k8s.io/CertificateSigningRequest',
  'networking.k8s.io/IngressClass',
  'policy/PodSecurityPolicy',
  'flowcontrol.apiserver.k8s.io/FlowSchema',
  'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
]);

/** True when kustomize treats the kind as cluster-scoped (never given a namespace). */
export function isClusterScopedForKustomize(group: string, kind: string): boolean {
  // Looked up for every object of every render: by kind first, without building a key string.
  return GROUPS_BY_CLUSTER_SCOPED_KIND.get(kind)?.has(group) ?? false;
}

const GROUPS_BY_CLUSTER_SCOPED_KIND = new Map<string, Set<string>>();
for (const groupAndKind of CLUSTER_SCOPED) {
  const slash = groupAndKind.lastIndexOf('/');
  const kind = groupAndKind.slice(slash + 1);
  let groups = GROUPS_BY_CLUSTER_SCOPED_KIND.get(kind);
  if (!groups) GROUPS_BY_CLUSTER_SCOPED_KIND.set(kind, (groups = new Set()));
  groups.add(groupAndKind.slice(0, slash));
}
