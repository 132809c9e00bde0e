// Runs renderSource over every kustomization folder of the shared corpus, and checks Kustomize facts of its README.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { renderSource } from '../../../server/src/analysis/sources/renderSource';
import { renderKustomization } from '../../../server/src/analysis/kustomize/renderKustomization';

const CORPUS = resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');
const corpusPresent = existsSync(CORPUS);
if (!corpusPresent) console.warn(`corpus absent at ${CORPUS}: Kustomize corpus tests skipped`);

const indexes = new Map<string, RepoIndex>();

/** A RepoIndex of one corpus repository, read once (text files only; the corpus holds data files). */
function corpusIndex(repository: string): RepoIndex {
  let index = indexes.get(repository);
  if (!index) {
    const root = join(CORPUS, repository);
    const texts: Record<string, string> = {};
    const walk = (folder: string, prefix: string): void => {
      for (const name of readdirSync(folder)) {
        const full = join(folder, name);
        const path = prefix === '' ? name : `${prefix}/${name}`;
        if (statSync(full).isDirectory()) walk(full, path);
        else texts[path] = readFileSync(full, 'utf8');
      }
    };
    walk(root, '');
    index = new RepoIndex(snapshotFromTexts(texts));
    indexes.set(repository, index);
  }
  return index;
}

const MITCHROSS = 'mitchross__talos-argocd-proxmox@981779b';
const RICSANFRE = 'ricsanfre__pi-cluster@7ff5ad6';

describe.skipIf(!corpusPresent)('Kustomize over the corpus', () => {
  it('renders every kustomization folder of every corpus repository without throwing', () => {
    let folders = 0;
    for (const repository of readdirSync(CORPUS).filter((name) => statSync(join(CORPUS, name)).isDirectory())) {
      const index = corpusIndex(repository);
      for (const file of index.allFiles()) {
        const match = /^(?:(.*)\/)?(kustomization\.ya?ml|Kustomization)$/.exec(file);
        if (!match) continue;
        folders++;
        const render = renderSource(index, { path: match[1] ?? '' });
        expect(render.tool).toBe('kustomize');
        for (const item of render.problems) expect(item.location.file).not.toBe('');
      }
    }
    expect(folders).toBeGreaterThan(200);
  });

  it('ricsanfre: the dev infra overlay patches an Application named istio that the base calls istio-config; prod is fine', () => {
    const index = corpusIndex(RICSANFRE);
    const dev = renderSource(index, { path: 'kubernetes/bootstrap/infra/overlays/dev' });
    const devTargets = dev.problems.filter((item) => item.ruleId === 'kustomize/patch-target-not-found');
    expect(devTargets.map((item) => `${item.location.file}: ${item.message}`)).toEqual([
      'kubernetes/bootstrap/infra/overlays/dev/apps/istio-config-app.yaml: No object of this build is Application.v1alpha1.argoproj.io/istio.argocd; kustomize build fails ("no matches for Id … failed to find unique target for patch").',
    ]);
    const prod = renderSource(index, { path: 'kubernetes/bootstrap/infra/overlays/prod' });
    expect(prod.problems).toEqual([]);
    // The dev overlay's other patches did apply: cilium points at its dev overlay.
    const cilium = dev.objects.find((object) => object.kind === 'Application' && object.name === 'cilium');
    expect((cilium?.body.spec as { source: { path: string } }).source.path).toBe('kubernetes/infrastructure/cilium/overlays/dev');
    expect(cilium?.origin.file).toBe('kubernetes/bootstrap/infra/base/apps/cilium-app.yaml');
  });

  it('mitchross: the argocd apps folder renders the listed Applications, ApplicationSets and AppProjects, not argocd.yaml', () => {
    const index = corpusIndex(MITCHROSS);
    const render = renderSource(index, { path: 'infrastructure/controllers/argocd/apps' });
    expect(render.problems).toEqual([]);
    const listing = render.objects.map((object) => `${object.kind}/${object.name}`);
    for (const name of ['cilium', '1passwordconnect', 'external-secrets', 'longhorn', 'snapshot-controller', 'volsync', 'pvc-plumber']) {
      expect(listing).toContain(`Application/${name}`);
    }
    expect(listing.filter((entry) => entry.startsWith('ApplicationSet/'))).toEqual(['ApplicationSet/infrastructure', 'ApplicationSet/monitoring', 'ApplicationSet/my-apps']);
    expect(listing.some((entry) => entry.startsWith('AppProject/'))).toBe(true);
    expect(render.objects.some((object) => object.origin.file.endsWith('/argocd.yaml'))).toBe(false);
  });

  it('mitchross: the argocd folder pulls the argo-cd chart with values.yaml', () => {
    const index = corpusIndex(MITCHROSS);
    const render = renderKustomization(index, 'infrastructure/controllers/argocd');
    expect(render.helmCharts.map((chart) => ({ name: chart.name, repo: chart.repo, version: chart.version, valuesFiles: chart.valuesFiles, includeCRDs: chart.includeCRDs }))).toEqual([
      { name: 'argo-cd', repo: 'https://argoproj.github.io/argo-helm', version: '9.4.1', valuesFiles: ['infrastructure/controllers/argocd/values.yaml'], includeCRDs: true },
    ]);
    expect(render.complete).toBe(false);
    expect(render.objects.every((object) => object.namespace === 'argocd' || object.kind === 'Namespace')).toBe(true);
  });
});
