// Tests of readApplication: sources, tool blocks, sync policy, patch fragments, and what it reports.
import { describe, expect, it } from 'vitest';
import { readApplication } from '../../../server/src/analysis/argo/readApplication';
import { renderProblems } from '../../support/fixture';
import { fixtureRepository } from './argoFixture';

function readOnly(text: string, file = 'app.yaml') {
  const repository = fixtureRepository(text);
  const [object] = repository.objects(file);
  const result = readApplication(object!, repository.index);
  return { ...result, rendered: renderProblems(result.problems, repository.files) };
}

describe('readApplication', () => {
  it('reads a single-source Application with every block the model uses', () => {
    const { application, problems } = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: web
      spec:
        project: apps
        source:
          repoURL: https://github.com/org/repo.git
          path: apps/web
          targetRevision: main
          directory:
            recurse: true
            include: '{*.yaml,*.yml}'
        destination:
          server: https://kubernetes.default.svc
          namespace: web
        syncPolicy:
          automated:
            prune: true
            selfHeal: true
          managedNamespaceMetadata:
            labels: {team: web}
          syncOptions:
          - CreateNamespace=true
          - ServerSideApply=true
          - Validate
    `);
    expect(problems).toEqual([]);
    expect(application.name).toBe('web');
    expect(application.project).toBe('apps');
    expect(application.looksLikePatch).toBe(false);
    expect(application.destination).toEqual({ server: 'https://kubernetes.default.svc', name: undefined, namespace: 'web' });
    expect(application.sources).toHaveLength(1);
    const [source] = application.sources;
    expect(source).toMatchObject({
      sourceIndex: undefined,
      fieldPath: ['spec', 'source'],
      repoURL: 'https://github.com/org/repo.git',
      path: 'apps/web',
      targetRevision: 'main',
      chart: undefined,
      helm: undefined,
      kustomize: undefined,
      plugin: false,
      directory: { recurse: true, include: '{*.yaml,*.yml}', exclude: undefined },
    });
    expect(application.syncPolicy.automated).toBe(true);
    expect(application.syncPolicy.prune).toBe(true);
    expect(application.syncPolicy.selfHeal).toBe(true);
    expect(application.syncPolicy.managedNamespaceMetadata).toBe(true);
    expect([...application.syncPolicy.syncOptions]).toEqual([
      ['CreateNamespace', 'true'],
      ['ServerSideApply', 'true'],
      ['Validate', ''],
    ]);
  });

  it('uses spec.sources and ignores spec.source, keeping $values value files as written', () => {
    const { application, rendered } = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: cert-manager}
      spec:
        project: default
        destination: {name: in-cluster, namespace: cert-manager}
        source:
          repoURL: https://github.com/org/old.git
          path: old
        sources:
        - repoURL: https://github.com/org/repo.git
          targetRevision: main
          ref: values
        - chart: cert-manager
          repoURL: https://charts.jetstack.io
          targetRevision: v1.15.0
          helm:
            releaseName: cm
            ignoreMissingValueFiles: true
            skipCrds: true
            valueFiles:
            - $values/envs/prod/cert-manager.yaml
            values: |
              installCRDs: true
    `);
    expect(application.sources.map((source) => [source.sourceIndex, source.ref, source.chart, source.repoURL])).toEqual([
      [0, 'values', undefined, 'https://github.com/org/repo.git'],
      [1, undefined, 'cert-manager', 'https://charts.jetstack.io'],
    ]);
    expect(application.sources[1]?.fieldPath).toEqual(['spec', 'sources', 1]);
    expect(application.sources[1]?.helm).toEqual({
      valueFiles: ['$values/envs/prod/cert-manager.yaml'],
      values: { installCRDs: true },
      releaseName: 'cm',
      ignoreMissingValueFiles: true,
      skipCrds: true,
    });
    expect(rendered).toMatchInlineSnapshot(`
      "app.yaml:7:3 app/source-ignored Argo CD ignores \`spec.source\` when \`spec.sources\` is set; move this source into \`spec.sources\` or delete it.
        |   source:
        |   ^^^^^^"
    `);
  });

  it('lets valuesObject replace the values string (Argo CD does not merge them)', () => {
    const { application } = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        destination: {name: in-cluster}
        source:
          repoURL: https://charts.example.com
          chart: a
          helm:
            values: |
              fromString: 1
            valuesObject:
              fromObject: 2
    `);
    expect(application.sources[0]?.helm?.values).toEqual({ fromObject: 2 });
  });

  it('reads kustomize overrides and plugin blocks', () => {
    const { application } = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        destination: {name: in-cluster}
        sources:
        - repoURL: https://github.com/org/repo
          path: k
          kustomize:
            namePrefix: dev-
            namespace: dev
            commonLabels: {env: dev, replicas: 3}
            components: [../components/x]
            patches:
            - target: {kind: Deployment}
              patch: '[]'
        - repoURL: https://github.com/org/repo
          path: p
          plugin: {}
    `);
    expect(application.sources[0]?.kustomize).toEqual({
      namePrefix: 'dev-',
      namespace: 'dev',
      commonLabels: { env: 'dev' },
      components: ['../components/x'],
      patches: [{ target: { kind: 'Deployment' }, patch: '[]' }],
    });
    expect(application.sources[1]?.plugin).toBe(true);
    expect(application.project).toBeUndefined();
  });

  it('treats automated.enabled: false and a missing automated block as manual sync', () => {
    const disabled = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        syncPolicy:
          automated: {enabled: false, prune: true}
    `).application.syncPolicy;
    expect(disabled.automated).toBe(false);
    expect(disabled.prune).toBe(true);
    const emptyBlock = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        syncPolicy:
          automated: {}
    `).application.syncPolicy;
    expect(emptyBlock.automated).toBe(true);
    const none = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec: {}
    `).application.syncPolicy;
    expect(none).toMatchObject({ automated: false, prune: false, selfHeal: false, managedNamespaceMetadata: false });
  });

  it('reports a source with two non-empty tool blocks, and ignores empty ones as Argo CD normalises them away', () => {
    const { rendered, problems } = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        project: default
        destination: {name: in-cluster, namespace: a}
        sources:
        - repoURL: https://github.com/org/repo
          path: a
          helm:
            releaseName: a
          kustomize:
            namePrefix: a-
        - repoURL: https://github.com/org/repo
          path: b
          helm: {}
          directory: {recurse: false}
          kustomize:
            namePrefix: b-
    `);
    expect(problems).toHaveLength(1);
    expect(rendered).toMatchInlineSnapshot(`
      "app.yaml:10:5 app/multiple-source-types Argo CD refuses this source ("multiple application sources defined: Kustomize,Helm"): keep only one of kustomize, helm.
        |     helm:
        |     ^^^^"
    `);
  });

  it('reports $ref value files that name no ref source, refs in single-source apps, and ref sources with a chart', () => {
    const multi = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        project: default
        destination: {name: in-cluster, namespace: a}
        sources:
        - repoURL: https://charts.example.com
          chart: base
          ref: config
        - repoURL: https://charts.example.com
          chart: app
          helm:
            valueFiles:
            - $values/a.yaml
            - $config/b.yaml
            - plain.yaml
    `);
    expect(multi.rendered).toMatchInlineSnapshot(`
      "app.yaml:9:5 app/ref-source-with-chart Source \`ref: config\` also has \`chart: base\`: Argo CD does not support charts in \`ref\` sources, so \`$config/b.yaml\` fails.
        |     chart: base
        |     ^^^^^
      app.yaml:15:9 app/unknown-value-file-ref Manifest generation fails: source referenced "$values", which is not one of the available sources ($config).
        |       - $values/a.yaml
        |         ^^^^^^^^^^^^^^"
    `);
    const single = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        project: default
        destination: {name: in-cluster, namespace: a}
        source:
          repoURL: https://github.com/org/repo
          path: chart
          helm:
            valueFiles: [$values/a.yaml]
    `);
    expect(single.rendered).toMatchInlineSnapshot(`
      "app.yaml:11:20 app/value-file-ref-without-sources \`$values\` refs are resolved only in Applications with \`spec.sources\`; here \`$values/a.yaml\` is read as a path inside the source.
        |       valueFiles: [$values/a.yaml]
        |                    ^^^^^^^^^^^^^^"
    `);
  });

  it('reports a helm.values string that is not a YAML map, never throwing', () => {
    const { rendered, application } = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        project: default
        destination: {name: in-cluster, namespace: a}
        sources:
        - repoURL: https://charts.example.com
          chart: a
          helm:
            values: "key: [unclosed"
        - repoURL: https://charts.example.com
          chart: b
          helm:
            values: |
              - a list
        - repoURL: https://charts.example.com
          chart: c
          helm:
            values: |
              {{- if .Values.enabled }}
              image: [x
              {{- end }}
    `);
    expect(application.sources.map((source) => source.helm?.values)).toEqual([undefined, undefined, undefined]);
    expect(rendered).toMatchInlineSnapshot(`
      "app.yaml:11:7 app/helm-values-not-yaml Helm cannot read \`helm.values\`: Flow sequence in block collection must be sufficiently indented and end with a ].
        |       values: "key: [unclosed"
        |       ^^^^^^
      app.yaml:15:7 app/helm-values-not-yaml Helm cannot read \`helm.values\`: it is a YAML list, not a map.
        |       values: |
        |       ^^^^^^"
    `);
  });

  it('recognises patch fragments by shape and by a kustomization using the file, and reports nothing about them', () => {
    const repository = fixtureRepository(`
      #- overlays/dev/kustomization.yaml
      resources: [../../base]
      patches:
      - path: patches/app.yaml
      #- overlays/dev/patches/app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: web}
      spec:
        project: dev
        source:
          repoURL: https://github.com/org/repo
          path: dev
          helm: {releaseName: x}
          kustomize: {namePrefix: y}
      #- overlays/prod/app-branch.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: web}
      spec:
        source:
          repoURL: https://github.com/org/repo
          targetRevision: prod
      #- base/app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: web}
      spec:
        source:
          repoURL: https://github.com/org/repo
          path: base
        destination: {name: in-cluster, namespace: web}
    `);
    const read = (file: string) => readApplication(repository.objects(file)[0]!, repository.index);
    expect(read('overlays/dev/patches/app.yaml').application.looksLikePatch).toBe(true);
    expect(read('overlays/dev/patches/app.yaml').problems).toEqual([]);
    expect(read('overlays/prod/app-branch.yaml').application.looksLikePatch).toBe(true);
    // A whole Application may omit only its project (it then runs in `default`).
    expect(read('base/app.yaml').application.looksLikePatch).toBe(false);
  });

  it('reads an Application with a broken spec as empty instead of throwing', () => {
    const { application, problems } = readOnly(`
      #- app.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: a}
      spec:
        source: [1, 2]
        sources: nope
        destination: 7
        syncPolicy: {syncOptions: [1, CreateNamespace=true], automated: true}
    `);
    expect(application.sources).toEqual([]);
    expect(application.destination).toEqual({ server: undefined, name: undefined, namespace: undefined });
    expect(application.syncPolicy.automated).toBe(false);
    expect(application.syncPolicy.syncOptions.get('CreateNamespace')).toBe('true');
    expect(application.looksLikePatch).toBe(true);
    expect(problems).toEqual([]);
  });
});
