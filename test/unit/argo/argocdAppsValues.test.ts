// Tests of the argocd-apps chart values reader: map (chart 2.x) and list (1.x) forms, and where findings land.
import { describe, expect, it } from 'vitest';
import { objectsFromArgocdAppsValues } from '../../../server/src/analysis/argo/argocdAppsValues';
import { readApplication } from '../../../server/src/analysis/argo/readApplication';
import { locateField } from '../../../server/src/analysis/kube/locateObject';
import { renderProblems } from '../../support/fixture';
import { fixtureRepository } from './argoFixture';

describe('objectsFromArgocdAppsValues', () => {
  it('reads applications, applicationsets and projects keyed by name (chart 2.x)', () => {
    const repository = fixtureRepository(`
      #- values.yaml
      applications:
        guestbook:
          namespace: argocd
          additionalAnnotations:
            argocd.argoproj.io/sync-wave: 3
          additionalLabels: {team: web}
          finalizers: [resources-finalizer.argocd.argoproj.io]
          project: guestbook
          source:
            repoURL: https://github.com/org/repo.git
            path: guestbook
          destination: {server: https://kubernetes.default.svc, namespace: guestbook}
          ignoreDifferences: []
        skipped: null
      applicationsets:
        clusters:
          goTemplate: false
          generators: [{clusters: {}}]
          template: {metadata: {name: '{{name}}'}, spec: {project: default}}
      projects:
        guestbook:
          sourceRepos: ['*']
          namespaceResourceWhitelist: []
    `);
    const document = repository.index.parsed('values.yaml')!.documents[0]!;
    const objects = objectsFromArgocdAppsValues(document);
    expect(objects.map((object) => [object.kind, object.name, object.namespace, object.origin.path])).toEqual([
      ['AppProject', 'guestbook', undefined, ['projects', 'guestbook']],
      ['Application', 'guestbook', 'argocd', ['applications', 'guestbook']],
      ['ApplicationSet', 'clusters', undefined, ['applicationsets', 'clusters']],
    ]);
    const application = objects[1]!;
    // The chart quotes annotation values, so an unquoted 3 becomes the string "3".
    expect(application.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '3' });
    expect(application.labels).toEqual({ team: 'web' });
    expect(application.body.spec).toEqual({
      project: 'guestbook',
      source: { repoURL: 'https://github.com/org/repo.git', path: 'guestbook' },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'guestbook' },
    });
    // `{{- with }}` drops the empty whitelist: the rendered project has none (which allows everything).
    expect(objects[0]!.body.spec).toEqual({ sourceRepos: ['*'] });
    expect((objects[2]!.body.spec as Record<string, unknown>).goTemplate).toBe(false);
    // Findings about the object land on its entry.
    const location = locateField(repository.index, application.origin, ['spec', 'source', 'path']);
    expect(renderProblems([{ ruleId: 'x/y', message: 'here', location }], repository.files)).toMatchInlineSnapshot(`
      "values.yaml:2:3 x/y here
        |   guestbook:
        |   ^^^^^^^^^"
    `);
  });

  it('reads the list form with name fields (chart 1.x) and feeds readApplication', () => {
    const repository = fixtureRepository(`
      #- values.yaml
      applications:
      - name: one
        project: default
        sources:
        - {repoURL: https://github.com/org/repo, ref: values}
        - {repoURL: https://charts.example.com, chart: one, helm: {valueFiles: [$values/one.yaml]}}
        destination: {name: in-cluster, namespace: one}
      - project: default
      - 7
    `);
    const objects = objectsFromArgocdAppsValues(repository.index.parsed('values.yaml')!.documents[0]!);
    expect(objects.map((object) => [object.name, object.origin.path])).toEqual([['one', ['applications', 0]]]);
    const { application, problems } = readApplication(objects[0]!, repository.index);
    expect(problems).toEqual([]);
    expect(application.sources.map((source) => source.ref ?? source.chart)).toEqual(['values', 'one']);
  });

  it('returns nothing for values that are not argocd-apps values', () => {
    const repository = fixtureRepository(`
      #- values.yaml
      replicaCount: 2
      applications: a string
    `);
    expect(objectsFromArgocdAppsValues(repository.index.parsed('values.yaml')!.documents[0]!)).toEqual([]);
  });
});
