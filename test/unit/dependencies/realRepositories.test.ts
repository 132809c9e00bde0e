// Facts about the dependency graph of examples/homelab and of the corpus repositories (skipped, saying so, when the corpus is absent).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../server/src/analysis/analyze';
import { analyzeCorpusRepository, corpusRepository } from '../../support/corpus';
import { listEdges, listUnsatisfied } from './graphListing';

/** Edge lines `dependent --kind--> provider: reason` (without locations), deduplicated. */
function edgeLines(analysis: Analysis): string[] {
  const lines = listEdges(analysis.graph, analysis.model, analysis.index).split('\n');
  return [...new Set(lines.map((line) => line.replace(/ \([^()]*:\d+ ← [^()]*:\d+\) \[.*\]$/, '')))];
}

describe('examples/homelab', () => {
  const load = (): Promise<Analysis> => analyzeCorpusRepository(join(__dirname, '..', '..', '..', 'examples', 'homelab'));

  it('has the edges its README describes (deliberate mistakes 1, 2, 9, 10 and the correct-on-purpose links)', async () => {
    const analysis = await load();
    const lines = edgeLines(analysis);
    const expected = [
      // 1: volsync's VolumeSnapshotClass needs the CRD that snapshot-controller ships (same wave).
      'volsync --crd--> snapshot-controller: VolumeSnapshotClass longhorn-snapshot uses CRD volumesnapshotclasses.snapshot.storage.k8s.io',
      // 2: 1password-connect's Certificate needs cert-manager's CRD (chart catalogue) and ClusterIssuer.
      'expect-prefix:1password-connect --crd--> cert-manager: Certificate onepassword-connect-tls uses CRD cert-manager.io/Certificate from chart cert-manager',
      '1password-connect --issuer--> cert-manager: Certificate onepassword-connect-tls issued by ClusterIssuer homelab-ca',
      // 9: gateway's Certificate needs cert-manager's CRD.
      'expect-prefix:gateway --crd--> cert-manager: Certificate wildcard-homelab uses CRD cert-manager.io/Certificate',
      // Correct on purpose: ExternalSecrets and the store, StorageClass longhorn, routes on gateway/internal, the Connect URL.
      'minio --secret-store--> external-secrets: ExternalSecret minio-root uses ClusterSecretStore onepassword',
      'minio --storage-class--> longhorn: PersistentVolumeClaim minio-data on StorageClass longhorn',
      'my-apps-jellyfin --gateway--> gateway: HTTPRoute jellyfin attaches to Gateway gateway/internal',
      'expect-prefix:external-secrets --service--> 1password-connect: ClusterSecretStore onepassword refers to https://onepassword-connect.1password.svc.cluster.local:8443',
      // Inside one Application: cert-manager's ClusterIssuers use its own chart's CRDs.
      'expect-prefix:cert-manager --crd--> cert-manager: ClusterIssuer homelab-ca uses CRD cert-manager.io/ClusterIssuer',
    ];
    for (const line of expected) {
      const prefix = line.replace(/^expect-prefix:/, '');
      expect(lines.some((candidate) => (line.startsWith('expect-prefix:') ? candidate.startsWith(prefix) : candidate === prefix)), prefix).toBe(true);
    }
    // 10: minio's destination namespace is created by nothing.
    expect(listUnsatisfied(analysis.graph, analysis.model, analysis.index)).toContain('minio needs Namespace minio');
    // kube-system needs nothing (cilium, metrics-server).
    expect(lines.some((line) => line.includes('Namespace kube-system'))).toBe(false);
  });
});

const mitchross = corpusRepository('mitchross__talos-argocd-proxmox@981779b');

describe.skipIf(!mitchross)('corpus: mitchross dependency graph', () => {
  const load = (): Promise<Analysis> => analyzeCorpusRepository(mitchross!);

  it('longhorn and volsync (wave 1) need snapshot-controller (wave 1) through the VolumeSnapshotClass CRD', async () => {
    const lines = edgeLines(await load());
    expect(lines).toContain('longhorn --crd--> snapshot-controller: VolumeSnapshotClass longhorn uses CRD snapshot.storage.k8s.io/VolumeSnapshotClass from chart snapshot-controller');
    expect(lines).toContain('volsync --crd--> snapshot-controller: VolumeSnapshotClass longhorn-snapclass uses CRD snapshot.storage.k8s.io/VolumeSnapshotClass from chart snapshot-controller');
  });

  it('pvc-plumber deploys into volsync-system, which volsync creates', async () => {
    expect(edgeLines(await load())).toContain('pvc-plumber --namespace--> volsync: destination in Namespace volsync-system');
  });

  it('the ClusterSecretStore 1password needs the app deploying onepassword-connect (service URL)', async () => {
    expect(edgeLines(await load())).toContain(
      'external-secrets --service--> 1passwordconnect: ClusterSecretStore 1password refers to http://onepassword-connect.1passwordconnect.svc.cluster.local:8080, served by Service 1passwordconnect/onepassword-connect from chart connect',
    );
  });

  it('wave-6 apps on StorageClass nfs-comfyui-10g need csi-driver-nfs (generated at wave 4)', async () => {
    const lines = edgeLines(await load());
    expect(lines).toContain('my-apps-comfyui --storage-class--> csi-driver-nfs: PersistentVolumeClaim comfyui-storage on StorageClass nfs-comfyui-10g');
  });
});

const ricsanfre = corpusRepository('ricsanfre__pi-cluster@7ff5ad6');

describe.skipIf(!ricsanfre)('corpus: ricsanfre dependency graph', () => {
  const load = (): Promise<Analysis> => analyzeCorpusRepository(ricsanfre!);

  it("keycloak's postgresql.cnpg.io Cluster needs databases (CloudNativePG chart)", async () => {
    expect(edgeLines(await load())).toContain('keycloak --crd--> databases: Cluster keycloak-db uses CRD postgresql.cnpg.io/Cluster from chart cloudnative-pg (crds.create is true)');
  });

  it('minio needs longhorn through storageClass longhorn in its Helm values', async () => {
    expect(edgeLines(await load())).toContain(
      'minio --storage-class--> longhorn: values kubernetes/infrastructure/minio/base/values.yaml (storageClass) on StorageClass longhorn from chart longhorn (created by its controller at run time)',
    );
  });
});
