// The built-in chart catalogue (data): well-known Helm charts and remote manifests, and the CRDs and named objects they install.
import type { CatalogueEntry } from './catalogueTypes';

const GATEWAY_API_STANDARD = ['Gateway', 'GatewayClass', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant', 'BackendTLSPolicy', 'ListenerSet'];
const GATEWAY_API_EXPERIMENTAL = ['TLSRoute', 'TCPRoute', 'UDPRoute'];
const SNAPSHOT_CRDS = [
  { group: 'snapshot.storage.k8s.io', kinds: ['VolumeSnapshot', 'VolumeSnapshotClass', 'VolumeSnapshotContent'], clusterScoped: ['VolumeSnapshotClass', 'VolumeSnapshotContent'] },
  {
    group: 'groupsnapshot.storage.k8s.io',
    kinds: ['VolumeGroupSnapshot', 'VolumeGroupSnapshotClass', 'VolumeGroupSnapshotContent'],
    clusterScoped: ['VolumeGroupSnapshotClass', 'VolumeGroupSnapshotContent'],
  },
] as const;
const PROMETHEUS_OPERATOR_KINDS = [
  'Alertmanager',
  'AlertmanagerConfig',
  'PodMonitor',
  'Probe',
  'Prometheus',
  'PrometheusAgent',
  'PrometheusRule',
  'ScrapeConfig',
  'ServiceMonitor',
  'ThanosRuler',
];
const NFD_CRDS = { group: 'nfd.k8s-sigs.io', kinds: ['NodeFeature', 'NodeFeatureGroup', 'NodeFeatureRule'], clusterScoped: ['NodeFeatureRule'] } as const;

/**
 * What well-known charts install, from the charts' own sources as of 2025 (kinds are exact
 * `kind:` values). Conditions name the chart's values flags and their defaults. Extend it per
 * project with `catalogue:` in `.gitops-waves.yaml` (see docs/dependencies.md).
 */
export const BUILTIN_CHART_CATALOGUE: readonly CatalogueEntry[] = [
  {
    charts: ['cert-manager'],
    repos: ['jetstack'],
    crds: [
      { group: 'cert-manager.io', kinds: ['Certificate', 'CertificateRequest', 'ClusterIssuer', 'Issuer'], clusterScoped: ['ClusterIssuer'], placement: 'templates', when: { anyOf: ['crds.enabled', 'installCRDs'], default: false } },
      { group: 'acme.cert-manager.io', kinds: ['Challenge', 'Order'], placement: 'templates', when: { anyOf: ['crds.enabled', 'installCRDs'], default: false } },
    ],
  },
  {
    charts: ['kyverno'],
    repos: ['kyverno'],
    crds: [
      {
        group: 'kyverno.io',
        kinds: ['ClusterCleanupPolicy', 'ClusterPolicy', 'CleanupPolicy', 'GlobalContextEntry', 'Policy', 'PolicyException', 'UpdateRequest'],
        clusterScoped: ['ClusterCleanupPolicy', 'ClusterPolicy', 'GlobalContextEntry'],
        placement: 'templates',
        when: { anyOf: ['crds.install'], default: true },
      },
      {
        group: 'policies.kyverno.io',
        kinds: ['ValidatingPolicy', 'ImageValidatingPolicy', 'MutatingPolicy', 'GeneratingPolicy', 'DeletingPolicy', 'PolicyException'],
        clusterScoped: ['ValidatingPolicy', 'ImageValidatingPolicy', 'MutatingPolicy', 'GeneratingPolicy', 'DeletingPolicy'],
        placement: 'templates',
        when: { anyOf: ['crds.install'], default: true },
      },
      { group: 'wgpolicyk8s.io', kinds: ['ClusterPolicyReport', 'PolicyReport'], clusterScoped: ['ClusterPolicyReport'], placement: 'templates', when: { anyOf: ['crds.install'], default: true } },
      { group: 'reports.kyverno.io', kinds: ['ClusterEphemeralReport', 'EphemeralReport'], clusterScoped: ['ClusterEphemeralReport'], placement: 'templates', when: { anyOf: ['crds.install'], default: true } },
    ],
  },
  {
    charts: ['kube-prometheus-stack'],
    repos: ['prometheus-community'],
    crds: [{ group: 'monitoring.coreos.com', kinds: PROMETHEUS_OPERATOR_KINDS, placement: 'crds-folder', when: { anyOf: ['crds.enabled'], default: true } }],
  },
  {
    charts: ['prometheus-operator-crds'],
    repos: ['prometheus-community'],
    crds: [{ group: 'monitoring.coreos.com', kinds: PROMETHEUS_OPERATOR_KINDS, placement: 'templates' }],
  },
  {
    charts: ['external-secrets'],
    repos: ['external-secrets'],
    crds: [
      {
        group: 'external-secrets.io',
        kinds: ['ClusterExternalSecret', 'ClusterPushSecret', 'ClusterSecretStore', 'ExternalSecret', 'PushSecret', 'SecretStore'],
        clusterScoped: ['ClusterExternalSecret', 'ClusterPushSecret', 'ClusterSecretStore'],
        placement: 'templates',
        when: { anyOf: ['installCRDs'], default: true },
      },
      {
        group: 'generators.external-secrets.io',
        kinds: [
          'ACRAccessToken',
          'CloudsmithAccessToken',
          'ClusterGenerator',
          'ECRAuthorizationToken',
          'Fake',
          'GCRAccessToken',
          'GeneratorState',
          'GithubAccessToken',
          'Grafana',
          'MFA',
          'Password',
          'QuayAccessToken',
          'SSHKey',
          'STSSessionToken',
          'UUID',
          'VaultDynamicSecret',
          'Webhook',
        ],
        clusterScoped: ['ClusterGenerator'],
        placement: 'templates',
        when: { anyOf: ['installCRDs'], default: true },
      },
    ],
  },
  {
    charts: ['longhorn'],
    repos: ['longhorn'],
    crds: [
      {
        group: 'longhorn.io',
        kinds: [
          'BackingImage',
          'BackingImageDataSource',
          'BackingImageManager',
          'Backup',
          'BackupBackingImage',
          'BackupTarget',
          'BackupVolume',
          'Engine',
          'EngineImage',
          'InstanceManager',
          'Node',
          'Orphan',
          'RecurringJob',
          'Replica',
          'Setting',
          'ShareManager',
          'Snapshot',
          'SupportBundle',
          'SystemBackup',
          'SystemRestore',
          'Volume',
          'VolumeAttachment',
        ],
        placement: 'templates',
      },
    ],
    // The chart renders a ConfigMap `longhorn-storageclass`; longhorn-manager creates the StorageClass from it.
    provides: [{ kind: 'StorageClass', name: 'longhorn', isDefault: { anyOf: ['persistence.defaultClass'], default: true }, atRuntime: true }],
  },
  {
    charts: ['cilium'],
    repos: ['cilium'],
    crds: [
      {
        group: 'cilium.io',
        kinds: [
          'CiliumBGPAdvertisement',
          'CiliumBGPClusterConfig',
          'CiliumBGPNodeConfig',
          'CiliumBGPNodeConfigOverride',
          'CiliumBGPPeerConfig',
          'CiliumBGPPeeringPolicy',
          'CiliumCIDRGroup',
          'CiliumClusterwideEnvoyConfig',
          'CiliumClusterwideNetworkPolicy',
          'CiliumEgressGatewayPolicy',
          'CiliumEndpoint',
          'CiliumEndpointSlice',
          'CiliumEnvoyConfig',
          'CiliumExternalWorkload',
          'CiliumIdentity',
          'CiliumL2AnnouncementPolicy',
          'CiliumLoadBalancerIPPool',
          'CiliumLocalRedirectPolicy',
          'CiliumNetworkPolicy',
          'CiliumNode',
          'CiliumNodeConfig',
          'CiliumPodIPPool',
        ],
        clusterScoped: [
          'CiliumBGPAdvertisement',
          'CiliumBGPClusterConfig',
          'CiliumBGPNodeConfig',
          'CiliumBGPNodeConfigOverride',
          'CiliumBGPPeerConfig',
          'CiliumBGPPeeringPolicy',
          'CiliumCIDRGroup',
          'CiliumClusterwideEnvoyConfig',
          'CiliumClusterwideNetworkPolicy',
          'CiliumEgressGatewayPolicy',
          'CiliumEndpointSlice',
          'CiliumExternalWorkload',
          'CiliumIdentity',
          'CiliumL2AnnouncementPolicy',
          'CiliumLoadBalancerIPPool',
          'CiliumNode',
          'CiliumPodIPPool',
        ],
        // The cilium-operator registers these when it starts; the chart renders none of them.
        placement: 'runtime',
      },
    ],
    provides: [
      { kind: 'GatewayClass', name: 'cilium', when: { anyOf: ['gatewayAPI.enabled'], default: false } },
      { kind: 'IngressClass', name: 'cilium', when: { anyOf: ['ingressController.enabled'], default: false } },
    ],
  },
  {
    charts: ['volsync'],
    repos: ['backube', 'volsync'],
    crds: [{ group: 'volsync.backube', kinds: ['ReplicationDestination', 'ReplicationSource'], placement: 'crds-folder' }],
  },
  { charts: ['snapshot-controller'], crds: SNAPSHOT_CRDS.map((crds) => ({ ...crds, placement: 'crds-folder' as const })) },
  { charts: [], remoteResources: ['kubernetes-csi/external-snapshotter/client/config/crd'], crds: SNAPSHOT_CRDS.map((crds) => ({ ...crds, placement: 'templates' as const })) },
  {
    charts: ['gateway-api', 'gateway-api-crds'],
    remoteResources: ['kubernetes-sigs/gateway-api/releases/download/', 'kubernetes-sigs/gateway-api/config/crd'],
    crds: [{ group: 'gateway.networking.k8s.io', kinds: GATEWAY_API_STANDARD, clusterScoped: ['GatewayClass'], placement: 'templates' }],
  },
  {
    charts: [],
    remoteResources: ['experimental-install.yaml', 'gateway-api/config/crd/experimental'],
    crds: [{ group: 'gateway.networking.k8s.io', kinds: [...GATEWAY_API_STANDARD, ...GATEWAY_API_EXPERIMENTAL], clusterScoped: ['GatewayClass'], placement: 'templates' }],
  },
  {
    charts: ['cloudnative-pg'],
    repos: ['cloudnative-pg'],
    crds: [
      {
        group: 'postgresql.cnpg.io',
        kinds: ['Backup', 'Cluster', 'ClusterImageCatalog', 'Database', 'FailoverQuorum', 'ImageCatalog', 'Pooler', 'Publication', 'ScheduledBackup', 'Subscription'],
        clusterScoped: ['ClusterImageCatalog'],
        placement: 'templates',
        when: { anyOf: ['crds.create'], default: true },
      },
    ],
  },
  {
    charts: ['connect'],
    repos: ['1password'],
    crds: [{ group: 'onepassword.com', kinds: ['OnePasswordItem'], placement: 'crds-folder' }],
    provides: [{ kind: 'Service', name: 'onepassword-connect', nameFrom: 'connect.applicationName' }],
  },
  { charts: ['onepassword-operator', 'secrets-injector'], repos: ['1password'], crds: [{ group: 'onepassword.com', kinds: ['OnePasswordItem'], placement: 'crds-folder' }] },
  {
    charts: ['gpu-operator'],
    repos: ['nvidia'],
    crds: [
      { group: 'nvidia.com', kinds: ['ClusterPolicy', 'NVIDIADriver'], clusterScoped: ['ClusterPolicy', 'NVIDIADriver'], placement: 'crds-folder' },
      { ...NFD_CRDS, placement: 'crds-folder', when: { anyOf: ['nfd.enabled'], default: true } },
    ],
  },
  { charts: ['node-feature-discovery'], repos: ['node-feature-discovery', 'kubernetes-sigs'], crds: [{ ...NFD_CRDS, placement: 'crds-folder' }] },
  {
    charts: ['traefik'],
    repos: ['traefik'],
    crds: [
      {
        group: 'traefik.io',
        kinds: ['IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'Middleware', 'MiddlewareTCP', 'ServersTransport', 'ServersTransportTCP', 'TLSOption', 'TLSStore', 'TraefikService'],
        placement: 'crds-folder',
      },
      {
        group: 'traefik.containo.us',
        kinds: ['IngressRoute', 'IngressRouteTCP', 'IngressRouteUDP', 'Middleware', 'MiddlewareTCP', 'ServersTransport', 'TLSOption', 'TLSStore', 'TraefikService'],
        placement: 'crds-folder',
      },
    ],
    provides: [
      { kind: 'IngressClass', name: 'traefik', nameFrom: 'ingressClass.name', when: { anyOf: ['ingressClass.enabled'], default: true } },
      { kind: 'GatewayClass', name: 'traefik', when: { anyOf: ['providers.kubernetesGateway.enabled'], default: false } },
    ],
  },
  {
    charts: ['ingress-nginx'],
    repos: ['ingress-nginx'],
    provides: [{ kind: 'IngressClass', name: 'nginx', nameFrom: 'controller.ingressClassResource.name', when: { anyOf: ['controller.ingressClassResource.enabled'], default: true } }],
  },
  {
    charts: ['base'],
    repos: ['istio'],
    crds: [
      {
        group: 'networking.istio.io',
        kinds: ['DestinationRule', 'EnvoyFilter', 'Gateway', 'ProxyConfig', 'ServiceEntry', 'Sidecar', 'VirtualService', 'WorkloadEntry', 'WorkloadGroup'],
        placement: 'templates',
      },
      { group: 'security.istio.io', kinds: ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication'], placement: 'templates' },
      { group: 'telemetry.istio.io', kinds: ['Telemetry'], placement: 'templates' },
      { group: 'extensions.istio.io', kinds: ['WasmPlugin'], placement: 'templates' },
    ],
  },
  {
    charts: ['istiod'],
    repos: ['istio'],
    // istiod creates its GatewayClasses when the Gateway API CRDs are present.
    provides: [
      { kind: 'GatewayClass', name: 'istio', atRuntime: true },
      { kind: 'GatewayClass', name: 'istio-remote', atRuntime: true },
      { kind: 'GatewayClass', name: 'istio-waypoint', atRuntime: true },
    ],
  },
  {
    charts: ['metallb'],
    repos: ['metallb'],
    crds: [
      {
        group: 'metallb.io',
        kinds: ['BFDProfile', 'BGPAdvertisement', 'BGPPeer', 'Community', 'ConfigurationState', 'IPAddressPool', 'L2Advertisement', 'ServiceBGPStatus', 'ServiceL2Status'],
        placement: 'templates',
        when: { anyOf: ['crds.enabled'], default: true },
      },
    ],
  },
  { charts: ['sealed-secrets'], repos: ['sealed-secrets', 'bitnami'], crds: [{ group: 'bitnami.com', kinds: ['SealedSecret'], placement: 'crds-folder' }] },
  {
    charts: ['argo-rollouts'],
    repos: ['argo'],
    crds: [
      {
        group: 'argoproj.io',
        kinds: ['AnalysisRun', 'AnalysisTemplate', 'ClusterAnalysisTemplate', 'Experiment', 'Rollout'],
        clusterScoped: ['ClusterAnalysisTemplate'],
        placement: 'templates',
        when: { anyOf: ['installCRDs'], default: true },
      },
    ],
  },
  {
    charts: ['argo-workflows'],
    repos: ['argo'],
    crds: [
      {
        group: 'argoproj.io',
        kinds: ['ClusterWorkflowTemplate', 'CronWorkflow', 'Workflow', 'WorkflowArtifactGCTask', 'WorkflowEventBinding', 'WorkflowTaskResult', 'WorkflowTaskSet', 'WorkflowTemplate'],
        clusterScoped: ['ClusterWorkflowTemplate'],
        placement: 'templates',
        when: { anyOf: ['crds.install'], default: true },
      },
    ],
  },
  {
    charts: ['argo-events'],
    repos: ['argo'],
    crds: [{ group: 'argoproj.io', kinds: ['EventBus', 'EventSource', 'Sensor'], placement: 'templates', when: { anyOf: ['crds.install'], default: true } }],
  },
  {
    charts: ['argo-cd'],
    repos: ['argo'],
    crds: [{ group: 'argoproj.io', kinds: ['AppProject', 'Application', 'ApplicationSet'], placement: 'templates', when: { anyOf: ['crds.install'], default: true } }],
  },
  {
    charts: ['keda'],
    repos: ['kedacore'],
    crds: [
      {
        group: 'keda.sh',
        kinds: ['ClusterTriggerAuthentication', 'ScaledJob', 'ScaledObject', 'TriggerAuthentication'],
        clusterScoped: ['ClusterTriggerAuthentication'],
        placement: 'templates',
        when: { anyOf: ['crds.install'], default: true },
      },
      { group: 'eventing.keda.sh', kinds: ['CloudEventSource', 'ClusterCloudEventSource'], clusterScoped: ['ClusterCloudEventSource'], placement: 'templates', when: { anyOf: ['crds.install'], default: true } },
    ],
  },
  {
    charts: ['velero'],
    repos: ['vmware-tanzu'],
    crds: [
      {
        group: 'velero.io',
        kinds: [
          'Backup',
          'BackupRepository',
          'BackupStorageLocation',
          'DataDownload',
          'DataUpload',
          'DeleteBackupRequest',
          'DownloadRequest',
          'PodVolumeBackup',
          'PodVolumeRestore',
          'Restore',
          'Schedule',
          'ServerStatusRequest',
          'VolumeSnapshotLocation',
        ],
        // The chart's pre-install hook Job applies them (upgradeCRDs, default true), else its crds/ folder.
        placement: 'templates',
      },
    ],
  },
  {
    charts: ['pgo'],
    repos: ['crunchydata'],
    crds: [{ group: 'postgres-operator.crunchydata.com', kinds: ['CrunchyBridgeCluster', 'PGAdmin', 'PGUpgrade', 'PostgresCluster'], placement: 'crds-folder' }],
  },
  {
    charts: ['openebs'],
    repos: ['openebs'],
    crds: [
      { group: 'zfs.openebs.io', kinds: ['ZFSBackup', 'ZFSNode', 'ZFSRestore', 'ZFSSnapshot', 'ZFSVolume'], placement: 'templates', when: { anyOf: ['engines.local.zfs.enabled'], default: true } },
      { group: 'local.openebs.io', kinds: ['LVMNode', 'LVMSnapshot', 'LVMVolume'], placement: 'templates', when: { anyOf: ['engines.local.lvm.enabled'], default: true } },
      { group: 'openebs.io', kinds: ['DiskPool'], placement: 'templates', when: { anyOf: ['engines.replicated.mayastor.enabled'], default: true } },
    ],
    provides: [{ kind: 'StorageClass', name: 'openebs-hostpath', nameFrom: 'localpv-provisioner.hostpathClass.name', when: { anyOf: ['localpv-provisioner.hostpathClass.enabled'], default: true } }],
  },
  {
    charts: ['strimzi-kafka-operator'],
    repos: ['strimzi'],
    crds: [
      {
        group: 'kafka.strimzi.io',
        kinds: ['Kafka', 'KafkaBridge', 'KafkaConnect', 'KafkaConnector', 'KafkaMirrorMaker', 'KafkaMirrorMaker2', 'KafkaNodePool', 'KafkaRebalance', 'KafkaTopic', 'KafkaUser'],
        placement: 'crds-folder',
      },
      { group: 'core.strimzi.io', kinds: ['StrimziPodSet'], placement: 'crds-folder' },
    ],
  },
  {
    charts: ['eck-operator'],
    repos: ['elastic'],
    crds: [
      { group: 'elasticsearch.k8s.elastic.co', kinds: ['Elasticsearch'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
      { group: 'kibana.k8s.elastic.co', kinds: ['Kibana'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
      { group: 'apm.k8s.elastic.co', kinds: ['ApmServer'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
      { group: 'beat.k8s.elastic.co', kinds: ['Beat'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
      { group: 'agent.k8s.elastic.co', kinds: ['Agent'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
      { group: 'logstash.k8s.elastic.co', kinds: ['Logstash'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
      { group: 'maps.k8s.elastic.co', kinds: ['ElasticMapsServer'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
      { group: 'enterprisesearch.k8s.elastic.co', kinds: ['EnterpriseSearch'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
      { group: 'stackconfigpolicy.k8s.elastic.co', kinds: ['StackConfigPolicy'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
      { group: 'autoscaling.k8s.elastic.co', kinds: ['ElasticsearchAutoscaler'], placement: 'templates', when: { anyOf: ['installCRDs'], default: true } },
    ],
  },
  { charts: ['community-operator'], repos: ['mongodb'], crds: [{ group: 'mongodbcommunity.mongodb.com', kinds: ['MongoDBCommunity'], placement: 'templates', when: { anyOf: ['community-operator-crds.enabled'], default: true } }] },
  { charts: ['kiali-operator'], repos: ['kiali'], crds: [{ group: 'kiali.io', kinds: ['Kiali', 'OSSMConsole'], placement: 'crds-folder' }] },
  {
    charts: ['grafana-operator'],
    repos: ['grafana'],
    crds: [
      {
        group: 'grafana.integreatly.org',
        kinds: [
          'Grafana',
          'GrafanaAlertRuleGroup',
          'GrafanaContactPoint',
          'GrafanaDashboard',
          'GrafanaDatasource',
          'GrafanaFolder',
          'GrafanaLibraryPanel',
          'GrafanaMuteTiming',
          'GrafanaNotificationPolicy',
          'GrafanaNotificationTemplate',
        ],
        placement: 'crds-folder',
      },
    ],
  },
  {
    charts: ['intel-device-plugins-operator'],
    repos: ['intel'],
    crds: [
      {
        group: 'deviceplugin.intel.com',
        kinds: ['DlbDevicePlugin', 'DsaDevicePlugin', 'FpgaDevicePlugin', 'GpuDevicePlugin', 'IaaDevicePlugin', 'QatDevicePlugin', 'SgxDevicePlugin'],
        clusterScoped: ['DlbDevicePlugin', 'DsaDevicePlugin', 'FpgaDevicePlugin', 'GpuDevicePlugin', 'IaaDevicePlugin', 'QatDevicePlugin', 'SgxDevicePlugin'],
        placement: 'crds-folder',
      },
    ],
  },
  { charts: ['external-dns'], repos: ['external-dns'], crds: [{ group: 'externaldns.k8s.io', kinds: ['DNSEndpoint'], placement: 'templates', when: { anyOf: ['crd.create'], default: false } }] },
  {
    charts: ['csi-driver-nfs'],
    repos: ['csi-driver-nfs'],
    provides: [{ kind: 'StorageClass', name: 'nfs-csi', nameFrom: 'storageClass.name', when: { anyOf: ['storageClass.create'], default: false } }],
  },
  {
    charts: ['karpenter'],
    repos: ['karpenter'],
    crds: [
      { group: 'karpenter.sh', kinds: ['NodeClaim', 'NodePool'], clusterScoped: ['NodeClaim', 'NodePool'], placement: 'crds-folder' },
      { group: 'karpenter.k8s.aws', kinds: ['EC2NodeClass'], clusterScoped: ['EC2NodeClass'], placement: 'crds-folder' },
    ],
  },
  {
    charts: ['aws-load-balancer-controller'],
    repos: ['aws', 'eks'],
    crds: [{ group: 'elbv2.k8s.aws', kinds: ['IngressClassParams', 'TargetGroupBinding'], clusterScoped: ['IngressClassParams'], placement: 'crds-folder' }],
    provides: [{ kind: 'IngressClass', name: 'alb', nameFrom: 'ingressClass', when: { anyOf: ['createIngressClassResource'], default: true } }],
  },
  {
    charts: ['system-upgrade-controller'],
    remoteResources: ['rancher/system-upgrade-controller/releases/download/'],
    crds: [{ group: 'upgrade.cattle.io', kinds: ['Plan'], placement: 'templates' }],
  },
];
