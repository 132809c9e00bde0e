// Contract of the dependency graph: who needs what from whom, each edge with its evidence on both sides.
import type { SourceLocation } from '../text/span';

/** What kind of need an edge records. */
export type DependencyKind =
  | 'crd' // a custom resource needs its CustomResourceDefinition (group/kind)
  | 'namespace' // an object or a destination needs its Namespace
  | 'storage-class' // a PVC or volumeClaimTemplate needs its StorageClass
  | 'secret-store' // an ExternalSecret needs its (Cluster)SecretStore
  | 'issuer' // a Certificate or a cert-manager ingress annotation needs its (Cluster)Issuer
  | 'ingress-class' // an Ingress needs its IngressClass
  | 'gateway-class' // a Gateway needs its GatewayClass
  | 'gateway' // a route needs its parent Gateway
  | 'priority-class' // a pod spec needs its PriorityClass
  | 'snapshot-class' // a VolumeSnapshot needs its VolumeSnapshotClass
  | 'service' // an in-cluster Service URL (`name.namespace.svc…`) needs the app that deploys the Service
  | 'explicit'; // the project's annotation `gitops-waves.io/depends-on`

/** One side of an edge: the Application (or ApplicationSet) node, and the object and location that show it. */
export interface DependencyEnd {
  /** Id of the model node (`AppNode.id`). */
  readonly nodeId: string;
  /** `Kind/name` (or `group/Kind` for a CRD) of the object involved, when there is one. */
  readonly object: string | undefined;
  /** Where the evidence is written (the field that names the need, or the object that satisfies it). */
  readonly location: SourceLocation;
}

/** "`dependent` needs `provider`", with the reason a person reads. */
export interface DependencyEdge {
  readonly kind: DependencyKind;
  readonly dependent: DependencyEnd;
  readonly provider: DependencyEnd;
  /** E.g. "uses CRD certificates.cert-manager.io", "PVC on StorageClass longhorn". */
  readonly reason: string;
  /**
   * How the provider was found: `manifest` (an object in the provider's rendered manifests),
   * `chart-catalogue` (a well-known Helm chart the provider installs), `create-namespace`
   * (CreateNamespace=true), `annotation` (explicit).
   */
  readonly evidence: 'manifest' | 'chart-catalogue' | 'create-namespace' | 'annotation';
  /**
   * Set when the provider satisfies the need only under a condition the analysis could not
   * decide, e.g. "installs CRDs only when crds.enabled is true; its values are not all in this
   * repository". Rules should be milder on such edges.
   */
  readonly condition?: string;
  /**
   * True when the provider's controller creates the object at run time (Cilium's operator
   * registers its CRDs, Longhorn's manager creates its StorageClass), so it is not part of the
   * provider's sync: Argo CD cannot hoist it and does not skip the dry run for it.
   */
  readonly providedAtRuntime?: boolean;
}

/** Every edge, between Applications (dependent ≠ provider) and inside one Application (same node). */
export interface DependencyGraph {
  readonly edges: readonly DependencyEdge[];
  /** Edges by dependent node id. */
  readonly byDependent: ReadonlyMap<string, readonly DependencyEdge[]>;
  /** Edges by provider node id. */
  readonly byProvider: ReadonlyMap<string, readonly DependencyEdge[]>;
  /** Needs nothing in the repository satisfies (e.g. a CR whose CRD no app provides): reported by rules when relevant. */
  readonly unsatisfied: readonly { readonly kind: DependencyKind; readonly dependent: DependencyEnd; readonly need: string }[];
}
