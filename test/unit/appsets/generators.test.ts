// Each generator on inline repositories: list, git directories and files, clusters, matrix, merge, selectors, live ones.
import { describe, expect, it } from 'vitest';
import { expandFixture, summarize } from './expandSupport';

/** The usual template block, indented to sit under `spec:` in a fixture whose lines start at `indent` spaces. */
const template = (name: string, path = '{{path}}', namespace = '{{path.basename}}', indent = 8): string =>
  [
    'template:',
    '  metadata:',
    `    name: '${name}'`,
    '  spec:',
    '    project: default',
    '    source:',
    '      repoURL: https://github.com/example/gitops',
    `      path: '${path}'`,
    '    destination:',
    '      name: in-cluster',
    `      namespace: '${namespace}'`,
  ]
    .map((line, index) => (index === 0 ? `  ${line}` : `${' '.repeat(indent + 2)}${line}`))
    .join('\n');

describe('git directory generator', () => {
  it('matches folders with Go path.Match, excludes win, reports patterns that match nothing', () => {
    expect(
      summarize(`
        #- apps/web/kustomization.yaml
        resources: []
        #- apps/api/v1/kustomization.yaml
        resources: []
        #- apps/legacy/kustomization.yaml
        resources: []
        #- sets/apps.yaml
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: apps
          namespace: argocd
          annotations:
            argocd.argoproj.io/sync-wave: "5"
        spec:
          generators:
          - git:
              repoURL: https://github.com/example/gitops
              revision: HEAD
              directories:
              - path: apps/*
              - path: apps/legacy
                exclude: true
              - path: /apps/*
              - path: apps/[z
              - path: nothing/*
        ${template('{{path.basename}}-{{path[0]}}')}
      `),
    ).toMatchInlineSnapshot(`
      "api-apps dest=in-cluster/api path=apps/api
      web-apps dest=in-cluster/web path=apps/web
      sets/apps.yaml:17:15 appset/generator-path-matches-nothing "/apps/*" starts with "/": Argo CD matches it against repo-relative folders without a leading "/", so it matches nothing (remove the "/").
        |       - path: /apps/*
        |               ^^^^^^^
      sets/apps.yaml:18:15 appset/invalid-path-pattern "apps/[z" is not a valid Go path.Match pattern (syntax error in pattern); Argo CD logs the error and matches nothing with it.
        |       - path: apps/[z
        |               ^^^^^^^
      sets/apps.yaml:19:15 appset/generator-path-matches-nothing "nothing/*" matches no folder of this repository; it generates no Application.
        |       - path: nothing/*
        |               ^^^^^^^^^"
    `);
  });

  it('gives goTemplate parameters, pathParamPrefix and templated values', () => {
    const { result } = expandFixture(`
      #- apps/My_Web/kustomization.yaml
      resources: []
      #- set.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: ApplicationSet
      metadata:
        name: apps
      spec:
        goTemplate: true
        goTemplateOptions: ["missingkey=error"]
        generators:
        - git:
            repoURL: https://github.com/example/gitops
            revision: HEAD
            pathParamPrefix: app
            directories:
            - path: apps/*
            values:
              ns: 'ns-{{ .app.path.basenameNormalized }}'
        template:
          metadata:
            name: '{{ .app.path.basename | lower }}'
            namespace: ignored
          spec:
            project: default
            source:
              path: '{{ .app.path.path }}'
            destination:
              namespace: '{{ .values.ns }}-{{ index .app.path.segments 0 }}'
    `);
    expect(result.problems).toEqual([]);
    expect(result.applications.map((application) => application.body)).toEqual([
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'my_web', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
        spec: { project: 'default', source: { path: 'apps/My_Web' }, destination: { namespace: 'ns-my-web-apps' } },
      },
    ]);
    expect(result.applications[0]?.generatorPath).toEqual(['spec', 'generators', 0, 'git']);
  });

  it('treats another repository as incomplete', () => {
    expect(
      summarize(`
        #- set.yaml
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: other
        spec:
          generators:
          - git:
              repoURL: https://github.com/someone/else
              directories:
              - path: '*'
        ${template('{{path.basename}}')}
      `),
    ).toMatchInlineSnapshot(`
      "(incomplete)
      set.yaml:8:16 appset/external-repository Reads https://github.com/someone/else, which is not the repository analysed here: its Applications are not listed.
        |       repoURL: https://github.com/someone/else
        |                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    `);
  });
});

describe('git files generator', () => {
  it('reads maps and lists, flattens for fasttemplate, adds path parameters, matches greedily', () => {
    expect(
      summarize(`
        #- clusters/prod/eu/config.json
        {"cluster": {"name": "prod-eu", "address": "https://eu"}, "replicas": 1000000}
        #- clusters/dev/config.json
        [{"cluster": {"name": "dev-a"}}, {"cluster": {"name": "dev-b"}}]
        #- clusters/old/config.json
        {"cluster": {"name": "old"}}
        #- set.yaml
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: clusters
        spec:
          generators:
          - git:
              repoURL: https://github.com/example/gitops
              files:
              - path: clusters/*/config.json
              - path: clusters/old/*
                exclude: true
              - path: missing/*.yaml
        ${template('{{cluster.name}}-{{path.basename}}-{{replicas}}', '{{path}}/{{path.filename}}', '{{path[1]}}')}
      `),
    ).toMatchInlineSnapshot(`
      "dev-a-dev-{{replicas}} dest=in-cluster/dev path=clusters/dev/config.json
      dev-b-dev-{{replicas}} dest=in-cluster/dev path=clusters/dev/config.json
      prod-eu-eu-1e+06 dest=in-cluster/prod path=clusters/prod/eu/config.json
      set.yaml:13:15 appset/generator-path-matches-nothing "missing/*.yaml" matches no file of this repository; it generates no Application.
        |       - path: missing/*.yaml
        |               ^^^^^^^^^^^^^^"
    `);
  });

  it('keeps nested values for goTemplate', () => {
    const { result } = expandFixture(`
      #- envs/prod.yaml
      env: {name: prod, replicas: 2}
      #- set.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: ApplicationSet
      metadata:
        name: envs
      spec:
        goTemplate: true
        generators:
        - git:
            repoURL: https://github.com/example/gitops
            files:
            - path: envs/*.yaml
        template:
          metadata:
            name: '{{ .env.name }}-{{ .path.filenameNormalized }}-{{ .env.replicas }}'
          spec:
            project: default
    `);
    expect(result.problems).toEqual([]);
    expect(result.applications.map((application) => (application.body.metadata as { name: string }).name)).toEqual(['prod-prod.yaml-2']);
    expect(result.applications[0]?.parameters).toMatchObject({ env: { name: 'prod', replicas: 2 }, path: { path: 'envs', basename: 'envs', segments: ['envs'] } });
  });
});

describe('list generator', () => {
  it('uses elements and elementsYaml; non-string values fail without goTemplate', () => {
    expect(
      summarize(`
        #- set.yaml
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: list
        spec:
          generators:
          - list:
              elements:
              - path: a
                values: {env: prod}
              elementsYaml: |
                - path: b
          - list:
              elements:
              - path: c
                port: 8080
        ${template('{{path}}-{{values.env}}', '{{path}}', 'ns')}
      `),
    ).toMatchInlineSnapshot(`
      "a-prod dest=in-cluster/ns path=a
      b-{{values.env}} dest=in-cluster/ns path=b
      set.yaml:16:9 appset/invalid-generator "port" is not a string; without goTemplate Argo CD only accepts string element values and fails the generator (quote it, or use goTemplate: true).
        |         port: 8080
        |         ^^^^"
    `);
  });
});

describe('clusters generator', () => {
  it('lists the local cluster and Secrets; a non-empty selector leaves the local cluster out', () => {
    const fixture = (selector: string): string => `
      #- clusters/prod.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: prod
        labels:
          argocd.argoproj.io/secret-type: cluster
          env: prod
        annotations:
          team: blue
      stringData:
        name: prod-cluster
        server: https://prod.example
      #- clusters/dev.yaml
      apiVersion: v1
      kind: Secret
      metadata:
        name: dev
        labels:
          argocd.argoproj.io/secret-type: cluster
          env: dev
      data:
        name: ZGV2
        server: aHR0cHM6Ly9kZXYuZXhhbXBsZQ==
      #- set.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: ApplicationSet
      metadata:
        name: clusters
      spec:
        generators:
        - clusters:
            values:
              team: '{{metadata.annotations.team}}'${selector}
        template:
          metadata:
            name: 'app-{{name}}-{{values.team}}'
          spec:
            project: default
            destination:
              server: '{{server}}'
              namespace: '{{metadata.labels.env}}'
    `;
    expect(summarize(fixture(''))).toMatchInlineSnapshot(`
      "app-in-cluster-{{metadata.annotations.team}} dest=https://kubernetes.default.svc/{{metadata.labels.env}} path=
      app-dev-{{metadata.annotations.team}} dest=https://dev.example/dev path=
      app-prod-cluster-blue dest=https://prod.example/prod path="
    `);
    expect(summarize(fixture('\n            selector:\n              matchExpressions:\n              - {key: env, operator: NotIn, values: [dev]}'))).toMatchInlineSnapshot(`
      "app-prod-cluster-blue dest=https://prod.example/prod path="
    `);
  });
});

describe('matrix and merge generators', () => {
  it('matrix: the second generator is templated with the parameters of the first one', () => {
    expect(
      summarize(`
        #- teams/a/web/kustomization.yaml
        resources: []
        #- teams/b/api/kustomization.yaml
        resources: []
        #- set.yaml
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: matrix
        spec:
          generators:
          - matrix:
              generators:
              - list:
                  elements:
                  - team: a
                  - team: b
                  - team: c
              - git:
                  repoURL: https://github.com/example/gitops
                  directories:
                  - path: 'teams/{{team}}/*'
        ${template('{{team}}-{{path.basename}}')}
      `),
    ).toMatchInlineSnapshot(`
      "a-web dest=in-cluster/web path=teams/a/web
      b-api dest=in-cluster/api path=teams/b/api
      set.yaml:17:19 appset/generator-path-matches-nothing "teams/c/*" matches no folder of this repository; it generates no Application.
        |           - path: 'teams/{{team}}/*'
        |                   ^^^^^^^^^^^^^^^^^^"
    `);
  });

  it('matrix: more than two children is a problem', () => {
    expect(
      summarize(`
        #- set.yaml
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: matrix
        spec:
          generators:
          - matrix:
              generators:
              - list: {elements: [{a: '1'}]}
              - list: {elements: [{b: '2'}]}
              - list: {elements: [{c: '3'}]}
        ${template('x')}
      `),
    ).toMatchInlineSnapshot(`
      "set.yaml:8:7 appset/invalid-generator A matrix generator needs exactly 2 child generators (found 3); Argo CD fails it.
        |       generators:
        |       ^^^^^^^^^^"
    `);
  });

  it('merge: later generators override matching sets, unmatched ones are dropped, selectors filter', () => {
    const { result } = expandFixture(`
      #- set.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: ApplicationSet
      metadata:
        name: merge
      spec:
        goTemplate: true
        generators:
        - merge:
            mergeKeys: [server]
            generators:
            - list:
                elements:
                - {server: s1, name: one, tier: base}
                - {server: s2, name: two, tier: base}
                - {server: s3, name: three, tier: base}
              selector:
                matchExpressions:
                - {key: name, operator: NotIn, values: [three]}
            - list:
                elements:
                - {server: s2, tier: override}
                - {server: s9, tier: orphan}
        template:
          metadata:
            name: '{{ .name }}-{{ .tier }}'
          spec:
            project: default
    `);
    expect(result.problems).toEqual([]);
    expect(result.applications.map((application) => (application.body.metadata as { name: string }).name)).toEqual(['one-base', 'two-override']);
  });

  it('merge: duplicate merge keys in one child fail the generator', () => {
    const { result } = expandFixture(`
      #- set.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: ApplicationSet
      metadata:
        name: merge
      spec:
        generators:
        - merge:
            mergeKeys: [server]
            generators:
            - list: {elements: [{server: s1}, {server: s1}]}
            - list: {elements: [{server: s1}]}
      ${template('x', '{{path}}', 'ns', 6)}
    `);
    expect(result.applications).toEqual([]);
    expect(result.problems.map((item) => item.message)).toEqual(['Child generator 0 yields two parameter sets with the same merge key {"server":"s1"}; Argo CD fails the generator.']);
  });
});

describe('live generators and templates', () => {
  it('reports live generators as info and marks the result incomplete', () => {
    expect(
      summarize(`
        #- set.yaml
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: prs
        spec:
          generators:
          - pullRequest:
              github: {owner: o, repo: r}
          - plugin:
              configMapRef: {name: p}
        ${template('x')}
      `),
    ).toMatchInlineSnapshot(`
      "(incomplete)
      set.yaml:7:5 appset/live-generator The pullRequest generator queries an SCM provider API for open pull requests: its Applications cannot be listed offline.
        |   - pullRequest:
        |     ^^^^^^^^^^^
      set.yaml:9:5 appset/live-generator The plugin generator calls a generator plugin service: its Applications cannot be listed offline.
        |   - plugin:
        |     ^^^^^^"
    `);
  });

  it('reports template errors at the failing field and skips only that Application; applies templatePatch', () => {
    expect(
      summarize(`
        #- set.yaml
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: go
        spec:
          goTemplate: true
          goTemplateOptions: ["missingkey=error"]
          generators:
          - list:
              elements:
              - {name: a, ns: team-a}
              - {name: b}
          template:
            metadata:
              name: '{{ .name }}'
            spec:
              project: default
              destination:
                name: in-cluster
                namespace: '{{ .ns }}'
          templatePatch: |
            spec:
              project: hacked
              source:
                path: 'apps/{{ .name }}'
      `),
    ).toMatchInlineSnapshot(`
      "a dest=in-cluster/team-a path=apps/a
      set.yaml:20:20 appset/template-error Argo CD cannot render this template: map has no entry for key "ns"
        |         namespace: '{{ .ns }}'
        |                    ^^^^^^^^^^^
      set.yaml:21:3 appset/template-patch-ignored templatePatch cannot change spec.project; that part of the patch is ignored here (set the project in template.spec.project).
        |   templatePatch: |
        |   ^^^^^^^^^^^^^"
    `);
  });
});
