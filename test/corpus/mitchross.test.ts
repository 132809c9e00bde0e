// The model of mitchross/talos-argocd-proxmox (the repository the seed design describes) matches the corpus README.
import { describe, expect, it } from 'vitest';
import type { AppNode } from '../../server/src/analysis/model/types';
import { analyzeCorpusRepository, corpusRepository } from '../support/corpus';

const folder = corpusRepository('mitchross__talos-argocd-proxmox@981779b');

describe.skipIf(!folder)('corpus: mitchross/talos-argocd-proxmox', () => {
  const load = () => analyzeCorpusRepository(folder!);

  it('has infrastructure/controllers/argocd/root.yaml as its only root', async () => {
    const { model } = await load();
    expect(model.rootIds.map((id) => model.nodesById.get(id)?.origin.file)).toEqual(['infrastructure/controllers/argocd/root.yaml']);
  });

  it('creates the wave-ordered Applications and ApplicationSets of apps/kustomization.yaml from the root', async () => {
    const { model } = await load();
    const root = model.nodesById.get(model.rootIds[0]!)!;
    const children = root.childIds.map((id) => model.nodesById.get(id)!).map((node) => `${node.kind} ${node.name} ${node.wave.wave}`);
    expect(children).toEqual([
      'Application 1passwordconnect 0',
      'Application cilium 0',
      'Application external-secrets 0',
      'Application longhorn 1',
      'Application snapshot-controller 1',
      'Application volsync 1',
      'Application pvc-plumber 2',
      'ApplicationSet infrastructure 4',
      'ApplicationSet monitoring 5',
      'ApplicationSet my-apps 6',
    ]);
  });

  it("sees that the Application health check gates the root's Application waves, and sets gate on generation only", async () => {
    const { model } = await load();
    expect(model.healthCustomizations.map((health) => health.location.file)).toContain('infrastructure/controllers/argocd/values.yaml');
    const byName = (name: string): AppNode => model.nodes.find((node) => node.name === name && !node.generatedById)!;
    expect(byName('cilium').ordering.gating).toBe('health');
    expect(byName('my-apps').ordering.gating).toBe('generation');
  });

  it('reports apps/argocd.yaml as orphaned (not listed in the kustomization)', async () => {
    const { model, findings } = await load();
    expect(model.orphans.map((object) => object.origin.file)).toEqual(['infrastructure/controllers/argocd/apps/argocd.yaml']);
    expect(findings.filter((finding) => finding.ruleId === 'model/orphaned-application').map((finding) => finding.location.file)).toEqual([
      'infrastructure/controllers/argocd/apps/argocd.yaml',
    ]);
  });

  it('generates 38 my-apps-… Applications from my-apps/*/* and monitoring-… ones from monitoring/*', async () => {
    const { model } = await load();
    const generated = (setName: string): AppNode[] => {
      const set = model.nodes.find((node) => node.kind === 'ApplicationSet' && node.name === setName)!;
      return set.childIds.map((id) => model.nodesById.get(id)!);
    };
    const myApps = generated('my-apps');
    expect(myApps).toHaveLength(38);
    expect(myApps.every((node) => node.name.startsWith('my-apps-') && node.ordering.gating === 'unordered')).toBe(true);
    expect(generated('monitoring').every((node) => node.name.startsWith('monitoring-'))).toBe(true);
    const infrastructure = generated('infrastructure').map((node) => node.name);
    expect(infrastructure).toEqual(expect.arrayContaining(['cert-manager', 'longhorn', 'snapshot-controller', 'volsync']));
    expect(infrastructure.some((name) => name.startsWith('infrastructure-'))).toBe(false);
  });

  it('reports the name collisions between explicit wave-1 Applications and the infrastructure set', async () => {
    const { findings } = await load();
    const collisions = findings.filter((finding) => finding.ruleId === 'model/duplicate-application-name').map((finding) => finding.message.match(/'([^']+)'/)?.[1]);
    expect(new Set(collisions)).toEqual(new Set(['longhorn', 'snapshot-controller', 'volsync']));
  });

  it('reports the generator paths that match nothing', async () => {
    const { findings } = await load();
    const unmatched = findings.filter((finding) => finding.ruleId === 'appset/generator-path-matches-nothing').map((finding) => finding.message);
    for (const path of ['infrastructure/controllers/postgres-operator', 'infrastructure/networking/coredns', 'infrastructure/crds']) {
      expect(unmatched.some((message) => message.includes(path)), path).toBe(true);
    }
  });

  it('reports the invalid nvidia cluster-policy.yaml as a warning at most', async () => {
    const { findings } = await load();
    const broken = findings.filter((finding) => finding.location.file === 'infrastructure/controllers/nvidia-gpu-operator/cluster-policy.yaml');
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.every((finding) => finding.severity !== 'error')).toBe(true);
  });
});
