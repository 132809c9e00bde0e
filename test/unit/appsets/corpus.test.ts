// Expands the real repositories' ApplicationSets (read from ../shared/corpus) and checks the README's facts.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandApplicationSet } from '../../../server/src/analysis/appsets/expandApplicationSet';
import { findClusterSecrets } from '../../../server/src/analysis/appsets/clusterSecrets';
import type { ClusterInfo, ExpansionResult } from '../../../server/src/analysis/appsets/expansionTypes';
import { objectFromDocument, type KubeObject } from '../../../server/src/analysis/kube/kubeObject';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { readRepository } from '../../../server/src/host/readRepository';

const CORPUS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus absent at ${CORPUS}: ApplicationSet corpus tests skipped`);

interface LoadedRepository {
  readonly index: RepoIndex;
  readonly sets: KubeObject[];
}

async function load(name: string): Promise<LoadedRepository> {
  const index = new RepoIndex(await readRepository(join(CORPUS, name)));
  const sets: KubeObject[] = [];
  for (const file of index.allFiles()) {
    for (const document of index.parsed(file)?.documents ?? []) {
      const object = objectFromDocument(document);
      if (object?.kind === 'ApplicationSet') sets.push(object);
    }
  }
  return { index, sets };
}

function expand(repository: LoadedRepository, set: KubeObject, repoFragment: string, clusterSecrets: readonly ClusterInfo[] = []): ExpansionResult {
  return expandApplicationSet(set, { index: repository.index, isThisRepository: (url) => url.includes(repoFragment), clusterSecrets });
}

function names(result: ExpansionResult): string[] {
  return result.applications.map((application) => String((application.body.metadata as { name?: unknown }).name));
}

describe.skipIf(!present)('ApplicationSets of the corpus', () => {
  it('mitchross: infrastructure names apps by basename and reports the three patterns that match nothing', async () => {
    const repository = await load('mitchross__talos-argocd-proxmox@981779b');
    const set = repository.sets.find((candidate) => candidate.name === 'infrastructure')!;
    const result = expand(repository, set, 'mitchross/talos-argocd-proxmox');
    expect(result.incomplete).toBe(false);
    expect(names(result)).toEqual(expect.arrayContaining(['longhorn', 'snapshot-controller', 'volsync', 'cert-manager']));
    // The listed controllers/postgres-operator does not exist; the app of that name comes from database/*/*.
    const postgres = result.applications.filter((application) => (application.body.metadata as { name: string }).name === 'postgres-operator');
    expect(postgres.map((application) => (application.body.spec as { source: { path: string } }).source.path)).toEqual(['infrastructure/database/crunchy-postgres/postgres-operator']);
    const nothing = result.problems.filter((item) => item.ruleId === 'appset/generator-path-matches-nothing').map((item) => item.message);
    expect(nothing).toEqual([
      '"infrastructure/controllers/postgres-operator" matches no folder of this repository; it generates no Application.',
      '"infrastructure/networking/coredns" matches no folder of this repository; it generates no Application.',
      '"infrastructure/crds" matches no folder of this repository; it generates no Application.',
    ]);
    expect(result.problems.filter((item) => item.ruleId !== 'appset/generator-path-matches-nothing')).toEqual([]);
    const longhorn = result.applications.find((application) => (application.body.metadata as { name: string }).name === 'longhorn')!;
    expect(longhorn.body.metadata).toEqual({
      name: 'longhorn',
      namespace: 'argocd',
      labels: { 'app.kubernetes.io/part-of': 'infrastructure' },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    });
    expect((longhorn.body.spec as { source: { path: string } }).source.path).toBe('infrastructure/storage/longhorn');
    // The set's own sync-wave annotation is not copied to what it generates.
    expect(JSON.stringify(result.applications)).not.toContain('sync-wave');
  });

  it('mitchross: my-apps/*/* generates 38 apps named my-apps-…', async () => {
    const repository = await load('mitchross__talos-argocd-proxmox@981779b');
    const set = repository.sets.find((candidate) => candidate.name === 'my-apps')!;
    const result = expand(repository, set, 'mitchross/talos-argocd-proxmox');
    expect(result.problems).toEqual([]);
    expect(result.applications).toHaveLength(38);
    expect(names(result).every((name) => name.startsWith('my-apps-') && !name.includes('{{'))).toBe(true);
  });

  it('vehagn: every nested set expands from this repository without problems', async () => {
    const repository = await load('vehagn__homelab');
    expect(repository.sets).toHaveLength(14);
    let total = 0;
    for (const set of repository.sets) {
      const result = expand(repository, set, 'vehagn/homelab');
      expect(result.problems, set.name).toEqual([]);
      expect(result.incomplete).toBe(false);
      total += result.applications.length;
    }
    const top = repository.sets.filter((set) => set.name === 'applications' || set.name === 'infrastructure');
    expect(top.map((set) => expand(repository, set, 'vehagn/homelab').applications.length).reduce((a, b) => a + b, 0)).toBe(13);
    expect(total).toBe(13 + 32);
  });

  it('gitops-bridge: the merge sets expand without problems; hub and ingress render the same name', async () => {
    const repository = await load('gitops-bridge-dev__gitops-bridge-argocd-control-plane-template');
    expect(findClusterSecrets(repository.index)).toEqual([]);
    const mergeSets = repository.sets.filter((set) => JSON.stringify(set.body).includes('"merge"'));
    expect(mergeSets).toHaveLength(49);
    for (const set of mergeSets) {
      const result = expand(repository, set, 'gitops-bridge');
      expect(result.problems, set.name).toEqual([]);
      // No cluster Secret in the repository, and every selector is non-empty: the local cluster is left out.
      expect(result.applications, set.name).toEqual([]);
    }
    // With a registered hub cluster the two sets collide on one name.
    const hub: ClusterInfo = {
      name: 'hub',
      server: 'https://hub.example',
      project: undefined,
      labels: { 'argocd.argoproj.io/secret-type': 'cluster', enable_aws_argocd: 'true', enable_aws_argocd_ingress: 'true', environment: 'staging' },
      annotations: { addons_repo_url: 'https://github.com/example/addons', addons_repo_basepath: '', addons_repo_revision: 'main' },
      implicit: false,
    };
    const rendered = ['addons-aws-argocd-hub', 'addons-aws-argocd-ingress'].map((name) => {
      const set = mergeSets.find((candidate) => candidate.name === name)!;
      return expand(repository, set, 'gitops-bridge', [hub]);
    });
    expect(rendered.map((result) => result.problems)).toEqual([[], []]);
    expect(rendered.map(names)).toEqual([['addon-hub-aws-argo-cd'], ['addon-hub-aws-argo-cd']]);
  });
});
