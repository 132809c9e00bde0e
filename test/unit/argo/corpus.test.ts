// The Argo CD readers on the five real repositories of the shared corpus (skipped when it is absent).
import { describe, expect, it } from 'vitest';
import { findHealthCustomization } from '../../../server/src/analysis/argo/healthCustomization';
import { readApplication } from '../../../server/src/analysis/argo/readApplication';
import { identifyRepository } from '../../../server/src/analysis/argo/repositoryIdentity';
import type { ApplicationSpec } from '../../../server/src/analysis/argo/types';
import { isRecord, objectFromBody, objectFromDocument, type KubeObject } from '../../../server/src/analysis/kube/kubeObject';
import type { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { normalizeRepoPath } from '../../../server/src/analysis/text/repoPath';
import { corpusIndex, corpusPresent, CORPUS_ROOT } from './corpusRepository';

const MITCHROSS = 'mitchross__talos-argocd-proxmox@981779b';
const RICSANFRE = 'ricsanfre__pi-cluster@7ff5ad6';
const VEHAGN = 'vehagn__homelab';
const EXAMPLE_APPS = 'argoproj__argocd-example-apps';
const GITOPS_BRIDGE = 'gitops-bridge-dev__gitops-bridge-argocd-control-plane-template';

if (!corpusPresent) console.warn(`Corpus tests of the Argo CD readers skipped: ${CORPUS_ROOT} is absent.`);

function objectsOfKind(index: RepoIndex, kind: string): KubeObject[] {
  return index
    .allFiles()
    .flatMap((file) => index.parsed(file)?.documents ?? [])
    .flatMap((document) => objectFromDocument(document) ?? [])
    .filter((object) => object.kind === kind && object.group === 'argoproj.io');
}

function inferredUrl(index: RepoIndex): { how: string; urls: string[] } {
  const applications: ApplicationSpec[] = objectsOfKind(index, 'Application')
    .map((object) => readApplication(object, index).application)
    .filter((application) => !application.looksLikePatch);
  const identity = identifyRepository({
    gitRemoteUrls: [],
    applications,
    directoryExists: (path) => {
      const folder = normalizeRepoPath(path);
      return folder !== undefined && index.isDirectory(folder);
    },
  });
  return { how: identity.how, urls: [...identity.urls] };
}

describe.skipIf(!corpusPresent)('Argo CD readers on the corpus', () => {
  it('mitchross: the health Lua is in the argo-cd values used by the kustomization helmCharts entry', () => {
    const index = corpusIndex(MITCHROSS);
    const { health, configLocations } = findHealthCustomization(index);
    expect(health.map((item) => [item.location.file, item.format, item.container, item.readsChildHealth])).toEqual([
      ['infrastructure/controllers/argocd/values.yaml', 'split-key', 'helm-values', true],
    ]);
    expect(configLocations.map((location) => [location.file, location.mapPath.join('.')])).toEqual([['infrastructure/controllers/argocd/values.yaml', 'configs.cm']]);
    expect(inferredUrl(index)).toEqual({ how: 'inferred', urls: ['https://github.com/mitchross/talos-argocd-proxmox'] });
  });

  it('ricsanfre: the health Lua is in the base values both overlays feed to argo-cd; 29 of 60 Applications are patches', () => {
    const index = corpusIndex(RICSANFRE);
    const { health, configLocations } = findHealthCustomization(index);
    expect(health.map((item) => [item.location.file, item.format, item.container, item.readsChildHealth])).toEqual([
      ['kubernetes/infrastructure/argocd/base/values.yaml', 'split-key', 'helm-values', true],
    ]);
    // The overlays' additional values files hold only a comment: no document to edit.
    expect(configLocations.map((location) => location.file)).toEqual(['kubernetes/infrastructure/argocd/base/values.yaml']);
    const read = objectsOfKind(index, 'Application').map((object) => readApplication(object, index));
    expect(read).toHaveLength(60);
    expect(read.filter(({ application }) => application.looksLikePatch)).toHaveLength(29);
    expect(read.flatMap(({ problems }) => problems)).toEqual([]);
    expect(inferredUrl(index)).toEqual({ how: 'inferred', urls: ['https://github.com/ricsanfre/pi-cluster'] });
  });

  it('vehagn: argo-cd is configured but has no Application health check', () => {
    const index = corpusIndex(VEHAGN);
    const { health, configLocations } = findHealthCustomization(index);
    expect(health).toEqual([]);
    expect(configLocations.map((location) => [location.file, location.mapPath.join('.')])).toEqual([['k8s/infra/controllers/argocd/values.yaml', 'configs.cm']]);
    expect(inferredUrl(index)).toEqual({ how: 'inferred', urls: ['https://github.com/vehagn/homelab'] });
  });

  it('argocd-example-apps and gitops-bridge: no readable Application names the repository', () => {
    // example-apps declares its Applications in a Helm template; gitops-bridge only in templated ApplicationSets.
    expect(inferredUrl(corpusIndex(EXAMPLE_APPS))).toEqual({ how: 'unknown', urls: [] });
    expect(inferredUrl(corpusIndex(GITOPS_BRIDGE))).toEqual({ how: 'unknown', urls: [] });
  });

  it('gitops-bridge: multi-source ApplicationSet templates resolve $values through their ref source', () => {
    const index = corpusIndex(GITOPS_BRIDGE);
    const applications = objectsOfKind(index, 'ApplicationSet').flatMap((set) => {
      const template = isRecord(set.body.spec) ? set.body.spec.template : undefined;
      if (!isRecord(template)) return [];
      const object = objectFromBody({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', ...template }, { ...set.origin, path: ['spec', 'template'] });
      return object ? [readApplication(object, index)] : [];
    });
    const withValuesRef = applications.filter(({ application }) =>
      application.sources.some((source) => source.helm?.valueFiles.some((file) => file.startsWith('$values/'))),
    );
    expect(withValuesRef.length).toBeGreaterThanOrEqual(49);
    for (const { application, problems } of withValuesRef) {
      expect(application.sources.map((source) => source.ref)).toContain('values');
      expect(problems).toEqual([]);
    }
  });
});
