// Tests of readApplicationSet and readAppProject.
import { describe, expect, it } from 'vitest';
import { readApplicationSet } from '../../../server/src/analysis/argo/readApplicationSet';
import { readAppProject } from '../../../server/src/analysis/argo/readAppProject';
import { fixtureRepository } from './argoFixture';

describe('readApplicationSet', () => {
  it('reads the fields the expander and the model use', () => {
    const repository = fixtureRepository(`
      #- set.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: ApplicationSet
      metadata: {name: apps}
      spec:
        goTemplate: true
        goTemplateOptions: [missingkey=error]
        generators:
        - git: {repoURL: https://github.com/org/repo, revision: HEAD, directories: [{path: apps/*}]}
        strategy: {type: RollingSync}
        syncPolicy: {applicationsSync: create-only, preserveResourcesOnDeletion: true}
        template:
          metadata: {name: '{{.path.basename}}'}
          spec: {project: default}
        templatePatch: |
          spec: {}
    `);
    const { applicationSet, problems } = readApplicationSet(repository.objects('set.yaml')[0]!, repository.index);
    expect(problems).toEqual([]);
    expect(applicationSet).toMatchObject({
      name: 'apps',
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      strategyType: 'RollingSync',
      applicationsSync: 'create-only',
      preserveResourcesOnDeletion: true,
      templatePatch: 'spec: {}\n',
    });
    expect(applicationSet.generators).toHaveLength(1);
    expect(applicationSet.template).toEqual({ metadata: { name: '{{.path.basename}}' }, spec: { project: 'default' } });
  });

  it('reads a bare ApplicationSet with defaults', () => {
    const repository = fixtureRepository(`
      #- set.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: ApplicationSet
      metadata: {name: bare}
    `);
    expect(readApplicationSet(repository.objects('set.yaml')[0]!, repository.index).applicationSet).toMatchObject({
      goTemplate: false,
      goTemplateOptions: [],
      generators: [],
      template: undefined,
      templatePatch: undefined,
      strategyType: undefined,
      applicationsSync: undefined,
      preserveResourcesOnDeletion: false,
    });
  });
});

describe('readAppProject', () => {
  it('keeps absent resource lists undefined and empty ones empty', () => {
    const repository = fixtureRepository(`
      #- project.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: AppProject
      metadata: {name: team}
      spec:
        sourceRepos: ['https://github.com/org/*', '!https://github.com/org/secret']
        destinations:
        - {server: https://kubernetes.default.svc, namespace: 'team-*'}
        - {name: in-cluster, namespace: '*'}
        clusterResourceWhitelist:
        - {group: '', kind: Namespace, name: 'team-*'}
        - {kind: ClusterRole}
        namespaceResourceWhitelist: []
        sourceNamespaces: [argocd, team]
    `);
    const { project, problems } = readAppProject(repository.objects('project.yaml')[0]!, repository.index);
    expect(problems).toEqual([]);
    expect(project).toMatchObject({
      name: 'team',
      sourceRepos: ['https://github.com/org/*', '!https://github.com/org/secret'],
      destinations: [
        { server: 'https://kubernetes.default.svc', name: undefined, namespace: 'team-*' },
        { server: undefined, name: 'in-cluster', namespace: '*' },
      ],
      clusterResourceWhitelist: [
        { group: '', kind: 'Namespace', name: 'team-*' },
        { group: '', kind: 'ClusterRole' },
      ],
      clusterResourceBlacklist: undefined,
      namespaceResourceWhitelist: [],
      namespaceResourceBlacklist: undefined,
      sourceNamespaces: ['argocd', 'team'],
    });
  });
});
