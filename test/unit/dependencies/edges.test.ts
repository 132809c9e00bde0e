// One test per edge kind of the dependency graph, on inline fixture repositories (readable edge listings).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/analysis/analyze';
import type { DependencyEdge } from '../../../server/src/analysis/dependencies/types';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { parseFixture } from '../../support/fixture';
import { application, graphOf, ROOT } from './graphFixture';

describe('dependency edges', () => {
  it('crd: a custom resource needs the Application that ships its CRD manifest; built-in groups need nothing', () => {
    const { edges, unsatisfied } = graphOf(
      application('snapshots', { wave: 0 }),
      `
      #- snapshots/crd.yaml
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: volumesnapshotclasses.snapshot.storage.k8s.io
      spec:
        group: snapshot.storage.k8s.io
        scope: Cluster
        names:
          kind: VolumeSnapshotClass
          plural: volumesnapshotclasses
      `,
      application('storage', { wave: 0 }),
      `
      #- storage/class.yaml
      apiVersion: snapshot.storage.k8s.io/v1
      kind: VolumeSnapshotClass
      metadata:
        name: fast
      driver: example.csi
      deletionPolicy: Delete
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: web
      `,
    );
    expect(edges).toMatchInlineSnapshot(`
      "storage --crd--> snapshots: VolumeSnapshotClass fast uses CRD volumesnapshotclasses.snapshot.storage.k8s.io (storage/class.yaml:2 ← snapshots/crd.yaml:4) [manifest]"
    `);
    expect(unsatisfied).toMatchInlineSnapshot(`
      "snapshots needs Namespace snapshots (apps/snapshots.yaml:14)
      storage needs Namespace storage (apps/storage.yaml:14)
      storage needs CRD gateway.networking.k8s.io/HTTPRoute (storage/class.yaml:14)"
    `);
  });

  it('namespace: destinations and objects in a namespace need the app with its Namespace manifest or CreateNamespace; system namespaces need nothing', () => {
    const { edges, unsatisfied } = graphOf(
      application('volsync', { namespace: 'volsync-system', createNamespace: true }),
      `
      #- volsync/ns.yaml
      apiVersion: v1
      kind: Namespace
      metadata:
        name: volsync-system
      `,
      application('plumber', { namespace: 'volsync-system' }),
      `
      #- plumber/deploy.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: plumber
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: elsewhere
        namespace: monitoring
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: system
        namespace: kube-system
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: plumber
        namespace: ignored-for-cluster-scoped
      `,
    );
    expect(edges).toMatchInlineSnapshot(`
      "plumber --namespace--> volsync: destination in Namespace volsync-system (apps/plumber.yaml:12 ← volsync/ns.yaml:4) [manifest]
      plumber --namespace--> volsync: destination in Namespace volsync-system (CreateNamespace=true of volsync) (apps/plumber.yaml:12 ← apps/volsync.yaml:15) [create-namespace]
      volsync --namespace--> volsync: destination in Namespace volsync-system (apps/volsync.yaml:12 ← volsync/ns.yaml:4) [manifest]
      volsync --namespace--> volsync: destination in Namespace volsync-system (CreateNamespace=true of volsync) (apps/volsync.yaml:12 ← apps/volsync.yaml:15) [create-namespace]"
    `);
    expect(unsatisfied).toMatchInlineSnapshot(`"plumber needs Namespace monitoring (plumber/deploy.yaml:10)"`);
  });

  it('storage-class: PVCs, volumeClaimTemplates and Helm values name a class; without a name they need the default class', () => {
    const { edges, unsatisfied } = graphOf(
      application('longhorn', { namespace: 'kube-system' }),
      `
      #- longhorn/classes.yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: longhorn
        annotations:
          storageclass.kubernetes.io/is-default-class: "true"
      provisioner: driver.longhorn.io
      `,
      application('db', { namespace: 'kube-system' }),
      `
      #- db/kustomization.yaml
      resources:
        - pvc.yaml
      helmCharts:
        - name: postgresql
          repo: https://charts.example.com
          valuesFile: values.yaml
      #- db/values.yaml
      primary:
        persistence:
          storageClass: longhorn
      #- db/pvc.yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: named
      spec:
        storageClassName: longhorn
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: unnamed
      spec:
        accessModes: [ReadWriteOnce]
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: static
      spec:
        storageClassName: ""
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: cache
      spec:
        volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              storageClassName: nfs
          - metadata:
              name: scratch
            spec: {}
      `,
    );
    expect(edges).toMatchInlineSnapshot(`
      "db --storage-class--> longhorn: PersistentVolumeClaim named on StorageClass longhorn (db/pvc.yaml:6 ← longhorn/classes.yaml:4) [manifest]
      db --storage-class--> longhorn: PersistentVolumeClaim unnamed (no storageClassName) on the default StorageClass longhorn (db/pvc.yaml:12 ← longhorn/classes.yaml:4) [manifest]
      db --storage-class--> longhorn: StatefulSet cache volumeClaimTemplate scratch (no storageClassName) on the default StorageClass longhorn (db/pvc.yaml:32 ← longhorn/classes.yaml:4) [manifest]
      db --storage-class--> longhorn: values db/values.yaml (storageClass) on StorageClass longhorn (db/values.yaml:3 ← longhorn/classes.yaml:4) [manifest]"
    `);
    expect(unsatisfied).toMatchInlineSnapshot(`"db needs StorageClass nfs (db/pvc.yaml:31)"`);
  });

  it('secret-store: ExternalSecrets need their ClusterSecretStore anywhere, or their SecretStore in their own namespace', () => {
    const { edges, unsatisfied } = graphOf(
      application('stores', { namespace: 'kube-system' }),
      `
      #- stores/stores.yaml
      apiVersion: external-secrets.io/v1
      kind: ClusterSecretStore
      metadata:
        name: vault
      ---
      apiVersion: external-secrets.io/v1
      kind: SecretStore
      metadata:
        name: local
        namespace: kube-system
      `,
      application('web', { namespace: 'kube-system' }),
      `
      #- web/secrets.yaml
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: cluster-wide
      spec:
        secretStoreRef:
          kind: ClusterSecretStore
          name: vault
      ---
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: same-namespace
      spec:
        secretStoreRef:
          name: local
      ---
      apiVersion: external-secrets.io/v1
      kind: ExternalSecret
      metadata:
        name: other-namespace
        namespace: default
      spec:
        secretStoreRef:
          name: local
      `,
    );
    expect(edges).toContain('web --secret-store--> stores: ExternalSecret cluster-wide uses ClusterSecretStore vault (web/secrets.yaml:8 ← stores/stores.yaml:4) [manifest]');
    expect(edges).toContain('web --secret-store--> stores: ExternalSecret same-namespace uses SecretStore kube-system/local (web/secrets.yaml:16 ← stores/stores.yaml:9) [manifest]');
    expect(unsatisfied).toContain('web needs SecretStore default/local (web/secrets.yaml:25)');
  });

  it('issuer, ingress-class, gateway-class and gateway: certificates, ingress and gateway annotations, class names and route parents', () => {
    const { edges, unsatisfied } = graphOf(
      application('platform', { namespace: 'gateway' }),
      `
      #- platform/objects.yaml
      apiVersion: v1
      kind: Namespace
      metadata:
        name: gateway
      ---
      apiVersion: cert-manager.io/v1
      kind: ClusterIssuer
      metadata:
        name: letsencrypt
      ---
      apiVersion: networking.k8s.io/v1
      kind: IngressClass
      metadata:
        name: nginx
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: GatewayClass
      metadata:
        name: cilium
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: internal
        annotations:
          cert-manager.io/cluster-issuer: letsencrypt
      spec:
        gatewayClassName: cilium
      `,
      application('web', { namespace: 'gateway' }),
      `
      #- web/objects.yaml
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata:
        name: web-tls
      spec:
        issuerRef:
          kind: ClusterIssuer
          name: letsencrypt
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: web
        annotations:
          cert-manager.io/issuer: local-ca
      spec:
        ingressClassName: nginx
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: web
      spec:
        parentRefs:
          - name: internal
          - name: external
            namespace: edge
          - name: some-service
            kind: Service
            group: ""
      `,
    );
    const between = edges.split('\n').filter((line) => line.startsWith('web') && !line.includes('--crd-->'));
    expect(between).toMatchInlineSnapshot(`
      [
        "web --namespace--> platform: destination in Namespace gateway (apps/web.yaml:12 ← platform/objects.yaml:4) [manifest]",
        "web --issuer--> platform: Certificate web-tls issued by ClusterIssuer letsencrypt (web/objects.yaml:8 ← platform/objects.yaml:9) [manifest]",
        "web --ingress-class--> platform: Ingress web of IngressClass nginx (web/objects.yaml:17 ← platform/objects.yaml:14) [manifest]",
        "web --gateway--> platform: HTTPRoute web attaches to Gateway gateway/internal (web/objects.yaml:25 ← platform/objects.yaml:24) [manifest]",
      ]
    `);
    expect(edges).toContain('platform --gateway-class--> platform: Gateway internal of GatewayClass cilium');
    expect(edges).toContain('platform --issuer--> platform: Gateway internal issued (annotation) by ClusterIssuer letsencrypt');
    expect(unsatisfied).toContain('web needs Issuer gateway/local-ca');
    expect(unsatisfied).toContain('web needs Gateway edge/external');
    expect(unsatisfied).not.toContain('some-service');
  });

  it('priority-class and snapshot-class: pod specs and VolumeSnapshots; built-in priority classes need nothing', () => {
    const { edges, unsatisfied } = graphOf(
      application('classes', { namespace: 'kube-system' }),
      `
      #- classes/classes.yaml
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high
      value: 1000
      ---
      apiVersion: snapshot.storage.k8s.io/v1
      kind: VolumeSnapshotClass
      metadata:
        name: longhorn
        annotations:
          snapshot.storage.kubernetes.io/is-default-class: "true"
      driver: driver.longhorn.io
      deletionPolicy: Delete
      `,
      application('jobs', { namespace: 'kube-system' }),
      `
      #- jobs/objects.yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: backup
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                priorityClassName: high
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        template:
          spec:
            priorityClassName: system-node-critical
      ---
      apiVersion: snapshot.storage.k8s.io/v1
      kind: VolumeSnapshot
      metadata:
        name: named
      spec:
        volumeSnapshotClassName: longhorn
      ---
      apiVersion: snapshot.storage.k8s.io/v1
      kind: VolumeSnapshot
      metadata:
        name: defaulted
      spec:
        source:
          persistentVolumeClaimName: data
      `,
    );
    expect(edges.split('\n').filter((line) => !line.includes('--crd-->'))).toMatchInlineSnapshot(`
      [
        "jobs --priority-class--> classes: CronJob backup uses PriorityClass high (jobs/objects.yaml:10 ← classes/classes.yaml:4) [manifest]",
        "jobs --snapshot-class--> classes: VolumeSnapshot named of VolumeSnapshotClass longhorn (jobs/objects.yaml:26 ← classes/classes.yaml:10) [manifest]",
        "jobs --snapshot-class--> classes: VolumeSnapshot defaulted (no volumeSnapshotClassName) of the default VolumeSnapshotClass longhorn (jobs/objects.yaml:32 ← classes/classes.yaml:10) [manifest]",
      ]
    `);
    expect(unsatisfied).not.toContain('system-node-critical');
  });

  it('service: in-cluster URLs in manifests and Helm values need the app deploying that Service; a.b.c.svc and kubernetes.default are not read', () => {
    const { edges, unsatisfied } = graphOf(
      application('connect', { namespace: 'onepassword' }),
      `
      #- connect/service.yaml
      apiVersion: v1
      kind: Namespace
      metadata:
        name: onepassword
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: onepassword-connect
      `,
      application('secrets', { namespace: 'onepassword' }),
      `
      #- secrets/kustomization.yaml
      resources:
        - store.yaml
      helmCharts:
        - name: app
          repo: https://charts.example.com
          valuesInline:
            api: http://kubernetes.default.svc:443
          valuesFile: values.yaml
      #- secrets/values.yaml
      backend:
        url: onepassword-connect.onepassword.svc:8080
      srv: _http._tcp.pod.onepassword-connect.onepassword.svc
      #- secrets/store.yaml
      apiVersion: external-secrets.io/v1
      kind: ClusterSecretStore
      metadata:
        name: onepassword
      spec:
        provider:
          onepassword:
            connectHost: https://onepassword-connect.onepassword.svc.cluster.local:8443
      `,
    );
    expect(edges.split('\n').filter((line) => line.includes('--service-->'))).toMatchInlineSnapshot(`
      [
        "secrets --service--> connect: ClusterSecretStore onepassword refers to https://onepassword-connect.onepassword.svc.cluster.local:8443, served by Service onepassword/onepassword-connect (secrets/store.yaml:8 ← connect/service.yaml:9) [manifest]",
        "secrets --service--> connect: values secrets/values.yaml refers to onepassword-connect.onepassword.svc:8080, served by Service onepassword/onepassword-connect (secrets/values.yaml:2 ← connect/service.yaml:9) [manifest]",
      ]
    `);
    expect(unsatisfied).not.toContain('Service');
  });

  it('explicit: the gitops-waves.io/depends-on annotation names Applications; unknown names are unsatisfied', () => {
    const { edges, unsatisfied } = graphOf(
      application('database', { namespace: 'kube-system' }),
      application('web', { namespace: 'kube-system', annotations: { 'gitops-waves.io/depends-on': 'database, ghost' } }),
    );
    expect(edges).toMatchInlineSnapshot(`"web --explicit--> database: annotation gitops-waves.io/depends-on names Application database (apps/web.yaml:6 ← apps/database.yaml:4) [annotation]"`);
    expect(unsatisfied).toContain('web needs Application ghost (apps/web.yaml:6)');
  });
});

describe('edges after an edit (language server)', () => {
  it('are the same objects for needs and providers the edit left alone, so what is kept per edge carries over', () => {
    const files = parseFixture(
      [
        ROOT,
        application('storage'),
        '#- storage/class.yaml\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: example.com/fast',
        application('web'),
        '#- web/pvc.yaml\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: fast',
        application('cache'),
        '#- cache/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings',
        '#- cache-b/pvc.yaml\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: cache\nspec:\n  storageClassName: fast',
      ].join('\n'),
    );
    const memo = new AnalysisMemo();
    const before = analyze(snapshotFromTexts(files), { memo }).graph;
    // The cache Application now renders another folder, whose claim needs the class too: the graph is matched again.
    const edited = { ...files, 'apps/cache.yaml': (files['apps/cache.yaml'] ?? '').replace('path: cache', 'path: cache-b') };
    const after = analyze(snapshotFromTexts(edited), { memo }).graph;
    const between = (graph: typeof before, dependent: string): DependencyEdge[] => graph.edges.filter((edge) => edge.dependent.nodeId.includes(dependent) && edge.provider.nodeId.includes('storage'));
    expect(between(before, 'cache')).toHaveLength(0);
    expect(between(after, 'cache')).toHaveLength(1);
    expect(between(after, 'web')).toHaveLength(1);
    expect(between(after, 'web')[0]).toBe(between(before, 'web')[0]);
    // Without a memo (the command line) nothing is kept between analyses.
    expect(between(analyze(snapshotFromTexts(edited)).graph, 'web')[0]).not.toBe(between(before, 'web')[0]);
  });
});
