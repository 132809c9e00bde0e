// Tests of "which repoURL is this repository": URL normalisation and the precedence of evidence.
import { describe, expect, it } from 'vitest';
import { identifyRepository, normalizeGitUrl } from '../../../server/src/analysis/argo/repositoryIdentity';
import { readApplication } from '../../../server/src/analysis/argo/readApplication';
import type { ApplicationSpec } from '../../../server/src/analysis/argo/types';
import { fixtureRepository } from './argoFixture';

describe('normalizeGitUrl', () => {
  it('gives every spelling of one repository the same key', () => {
    const spellings = [
      'https://github.com/Org/Repo',
      'https://github.com/org/repo.git',
      'https://github.com/org/repo/',
      'https://github.com/org/repo.git/',
      'http://GitHub.com/org/repo',
      'git@github.com:org/repo.git',
      'ssh://git@github.com/org/repo.git',
      'ssh://git@github.com:22/org/repo',
      'git+ssh://git@github.com/org/repo',
      'https://user:token@github.com/org/repo.git',
      '  https://github.com/org/repo?ref=main  ',
    ];
    expect(new Set(spellings.map(normalizeGitUrl))).toEqual(new Set(['https://github.com/org/repo']));
  });

  it('keeps other repositories and non-git URLs apart', () => {
    expect(normalizeGitUrl('https://github.com/org/other')).toBe('https://github.com/org/other');
    expect(normalizeGitUrl('https://gitlab.com/org/repo')).toBe('https://gitlab.com/org/repo');
    expect(normalizeGitUrl('oci://ghcr.io/org/charts/')).toBe('oci://ghcr.io/org/charts');
    expect(normalizeGitUrl('registry-1.docker.io/bitnamicharts')).toBe('registry-1.docker.io/bitnamicharts');
  });
});

function applicationsOf(text: string): ApplicationSpec[] {
  const repository = fixtureRepository(text);
  return repository.index
    .allFiles()
    .flatMap((file) => repository.objects(file))
    .map((object) => readApplication(object, repository.index).application);
}

const REPOSITORY = `
  #- apps/a.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata: {name: a}
  spec:
    destination: {name: in-cluster}
    source: {repoURL: 'https://github.com/me/gitops.git', path: workloads/a}
  #- apps/b.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata: {name: b}
  spec:
    destination: {name: in-cluster}
    sources:
    - {repoURL: 'git@github.com:me/gitops.git', path: workloads/b}
    - {repoURL: 'https://charts.example.com', chart: workloads, targetRevision: 1.0.0}
  #- apps/c.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata: {name: c}
  spec:
    destination: {name: in-cluster}
    source: {repoURL: 'https://github.com/someone/else', path: workloads/c}
  #- apps/d.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata: {name: d}
  spec:
    destination: {name: in-cluster}
    source: {repoURL: 'https://github.com/upstream/thing', path: deploy/missing}
  #- workloads/a/x.yaml
  kind: ConfigMap
  #- workloads/b/x.yaml
  kind: ConfigMap
  #- workloads/c/x.yaml
  kind: ConfigMap
`;

describe('identifyRepository', () => {
  const applications = applicationsOf(REPOSITORY);
  const folders = new Set(['', 'apps', 'workloads', 'workloads/a', 'workloads/b', 'workloads/c']);
  const directoryExists = (path: string) => folders.has(path);

  it('infers the repoURL whose paths exist here and that most Applications use', () => {
    const identity = identifyRepository({ gitRemoteUrls: [], applications, directoryExists });
    expect(identity.how).toBe('inferred');
    expect([...identity.urls]).toEqual(['https://github.com/me/gitops']);
    expect(identity.isThisRepository('git@github.com:me/gitops')).toBe(true);
    expect(identity.isThisRepository('https://github.com/someone/else')).toBe(false);
    expect(identity.isThisRepository('oci://github.com/me/gitops')).toBe(false);
  });

  it('prefers git remotes to inference, and the explicit option to both', () => {
    const remote = identifyRepository({ gitRemoteUrls: ['git@github.com:someone/else.git'], applications, directoryExists });
    expect(remote.how).toBe('git-remote');
    expect(remote.isThisRepository('https://github.com/someone/else')).toBe(true);
    expect(remote.isThisRepository('https://github.com/me/gitops')).toBe(false);
    const option = identifyRepository({ gitRemoteUrls: ['git@github.com:someone/else.git'], explicitUrl: 'https://example.com/x/y', applications, directoryExists });
    expect(option.how).toBe('option');
    expect([...option.urls]).toEqual(['https://example.com/x/y']);
  });

  it('breaks ties deterministically and says unknown without evidence', () => {
    const tied = applicationsOf(`
      #- b.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: b}
      spec:
        source: {repoURL: 'https://github.com/z/repo', path: shared}
      #- a.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        source: {repoURL: 'https://github.com/a/repo', path: shared}
    `);
    const identity = identifyRepository({ gitRemoteUrls: [], applications: tied, directoryExists: () => true });
    expect([...identity.urls]).toEqual(['https://github.com/a/repo']);
    expect([...identifyRepository({ gitRemoteUrls: [], applications: [...tied].reverse(), directoryExists: () => true }).urls]).toEqual(['https://github.com/a/repo']);
    const unknown = identifyRepository({ gitRemoteUrls: [], applications, directoryExists: () => false });
    expect(unknown.how).toBe('unknown');
    expect(unknown.isThisRepository('https://github.com/me/gitops')).toBe(false);
  });

  it('counts sources at the repository root only when nothing else matches', () => {
    const rootOnly = applicationsOf(`
      #- a.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        source: {repoURL: 'https://github.com/upstream/x', path: .}
      #- b.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: b}
      spec:
        source: {repoURL: 'https://github.com/upstream/x', path: .}
      #- c.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: c}
      spec:
        source: {repoURL: 'https://github.com/me/here', path: apps}
    `);
    const exists = (path: string) => path === '' || path === 'apps';
    expect([...identifyRepository({ gitRemoteUrls: [], applications: rootOnly, directoryExists: exists }).urls]).toEqual(['https://github.com/me/here']);
    expect([...identifyRepository({ gitRemoteUrls: [], applications: rootOnly.slice(0, 2), directoryExists: exists }).urls]).toEqual(['https://github.com/upstream/x']);
  });
});
