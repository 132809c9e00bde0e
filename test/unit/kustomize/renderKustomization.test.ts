// Tests of the static Kustomize render: each feature, each problem, on inline fixture repositories.
import { describe, expect, it } from 'vitest';
import { renderKustomization } from '../../../server/src/analysis/kustomize/renderKustomization';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { parseFixture, renderProblems } from '../../support/fixture';
import { listObjects } from './kustomizeListing';

function render(fixture: string, directory: string, ...rest: Parameters<typeof renderKustomization> extends [unknown, unknown, ...infer Tail] ? Tail : never) {
  // Each part is dedented on its own, so the shared BASE can be indented differently.
  const files: Record<string, string> = Object.assign({}, ...fixture.split(SPLIT).map(parseFixture));
  const result = renderKustomization(new RepoIndex(snapshotFromTexts(files)), directory, ...rest);
  return { result, objects: listObjects(result.objects), problems: renderProblems(result.problems, files) };
}

/** Separates fixture parts that are dedented separately. */
const SPLIT = '\u0000';

const BASE = `
  #- base/kustomization.yaml
  resources:
    - deploy.yaml
    - svc.yaml
  #- base/deploy.yaml
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    annotations:
      argocd.argoproj.io/sync-wave: "1"
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
          - name: web
            image: web:1
          - name: sidecar
            image: side:1
  #- base/svc.yaml
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector: {app: web}
`;

describe('renderKustomization: resources and transformers', () => {
  it('renders files, nested bases, namespace, prefix/suffix, labels and annotations, keeping origins', () => {
    const { objects, problems, result } = render(
      `${BASE}${SPLIT}
      #- overlays/prod/kustomization.yaml
      namespace: prod
      namePrefix: prod-
      nameSuffix: -v1
      commonLabels:
        team: a
      labels:
        - pairs: {tier: front}
      commonAnnotations:
        argocd.argoproj.io/sync-wave: "3"
      resources:
        - ../../base
        - ns.yaml
        - crd.yaml
      #- overlays/prod/ns.yaml
      apiVersion: v1
      kind: Namespace
      metadata:
        name: prod
      #- overlays/prod/crd.yaml
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.com
      `,
      'overlays/prod',
    );
    expect(problems).toBe('');
    expect(objects).toMatchInlineSnapshot(`
      "Deployment/prod-web-v1 ns=prod wave-annotation=3 labels=tier=front,team=a (from base/deploy.yaml#0)
      Service/prod-web-v1 ns=prod wave-annotation=3 labels=tier=front,team=a (from base/svc.yaml#0)
      Namespace/prod wave-annotation=3 labels=tier=front,team=a (from overlays/prod/ns.yaml#0)
      CustomResourceDefinition/widgets.example.com wave-annotation=3 labels=tier=front,team=a (from overlays/prod/crd.yaml#0)"
    `);
    const deployment = result.objects[0]!.body as { spec: { selector: { matchLabels: object }; template: { metadata: { labels: object; annotations: object } } } };
    expect(deployment.spec.selector.matchLabels).toEqual({ app: 'web', team: 'a' });
    expect(deployment.spec.template.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '3' });
    expect(result.complete).toBe(true);
    expect(result.filesRead).toEqual(['base/deploy.yaml', 'base/kustomization.yaml', 'base/svc.yaml', 'overlays/prod/crd.yaml', 'overlays/prod/kustomization.yaml', 'overlays/prod/ns.yaml']);
  });

  it('reads the legacy bases, the Kustomization file name, List documents, and drops local-config objects', () => {
    const { objects, problems } = render(
      `${BASE}${SPLIT}
      #- app/Kustomization
      bases:
        - ../base
      resources:
        - list.yaml
      #- app/list.yaml
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: ConfigMap
          metadata: {name: one}
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: local
            annotations: {config.kubernetes.io/local-config: "true"}
      `,
      'app',
    );
    expect(problems).toBe('');
    expect(objects).toMatchInlineSnapshot(`
      "ConfigMap/one (from app/list.yaml#0:items.0)
      Deployment/web wave-annotation=1 (from base/deploy.yaml#0)
      Service/web (from base/svc.yaml#0)"
    `);
  });

  it('applies components after resources and generators, to the parent objects', () => {
    const { objects, problems } = render(
      `${BASE}${SPLIT}
      #- app/kustomization.yaml
      resources: [../base]
      components: [../wave]
      #- wave/kustomization.yaml
      apiVersion: kustomize.config.k8s.io/v1alpha1
      kind: Component
      commonAnnotations:
        argocd.argoproj.io/sync-wave: "7"
      resources: [extra.yaml]
      #- wave/extra.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: extra}
      `,
      'app',
    );
    expect(problems).toBe('');
    expect(objects).toMatchInlineSnapshot(`
      "Deployment/web wave-annotation=7 (from base/deploy.yaml#0)
      Service/web wave-annotation=7 (from base/svc.yaml#0)
      ConfigMap/extra wave-annotation=7 (from wave/extra.yaml#0)"
    `);
  });

  it('generates ConfigMaps and Secrets without the hash suffix, and notes the hash', () => {
    const { objects, problems, result } = render(
      `
      #- app/kustomization.yaml
      namespace: apps
      generatorOptions:
        labels: {generated: "yes"}
      configMapGenerator:
        - name: settings
          literals: [MODE=fast]
          files: [conf/app.ini, custom=conf/app.ini]
      secretGenerator:
        - name: creds
          literals: [password=hunter2]
          options: {disableNameSuffixHash: true}
      #- app/conf/app.ini
      x=1
      `,
      'app',
    );
    expect(problems).toBe('');
    expect(objects).toMatchInlineSnapshot(`
      "ConfigMap/settings ns=apps labels=generated=yes (from app/kustomization.yaml#0:configMapGenerator.0)
      Secret/creds ns=apps labels=generated=yes (from app/kustomization.yaml#0:secretGenerator.0)"
    `);
    expect(result.objects[0]!.body.data).toEqual({ MODE: 'fast', 'app.ini': 'x=1\n', custom: 'x=1\n' });
    expect(result.objects[1]!.body.data).toEqual({ password: '' });
    expect(result.generated.map((note) => `${note.kind}/${note.name} hashed=${note.nameHashSuffixed}`)).toEqual(['ConfigMap/settings hashed=true', 'Secret/creds hashed=false']);
  });

  it('records helmCharts (values files resolved, local chartHome chart first) and remote resources, never as errors', () => {
    const { result, problems } = render(
      `
      #- app/kustomization.yaml
      resources:
        - https://github.com/example/repo//deploy?ref=v1
        - github.com/example/other/base?ref=main
      helmGlobals:
        chartHome: vendor
      helmCharts:
        - name: argo-cd
          repo: https://argoproj.github.io/argo-helm
          version: 9.4.1
          releaseName: argocd
          namespace: argocd
          valuesFile: values.yaml
          valuesInline: {server: {replicas: 2}}
          includeCRDs: true
        - name: local
          additionalValuesFiles: [more.yaml]
      #- app/values.yaml
      a: 1
      #- app/more.yaml
      b: 1
      #- app/vendor/local/Chart.yaml
      name: local
      #- app/vendor/local/values.yaml
      c: 1
      `,
      'app',
    );
    expect(problems).toBe('');
    expect(result.remoteResources.map((remote) => remote.url)).toEqual(['https://github.com/example/repo//deploy?ref=v1', 'github.com/example/other/base?ref=main']);
    expect(result.helmCharts.map(({ location: _location, ...chart }) => chart)).toEqual([
      { name: 'argo-cd', repo: 'https://argoproj.github.io/argo-helm', version: '9.4.1', releaseName: 'argocd', namespace: 'argocd', valuesFiles: ['app/values.yaml'], valuesInline: { server: { replicas: 2 } }, includeCRDs: true },
      { name: 'local', repo: undefined, version: undefined, releaseName: undefined, namespace: undefined, valuesFiles: ['app/vendor/local/values.yaml', 'app/more.yaml'], valuesInline: undefined, includeCRDs: undefined },
    ]);
    expect(result.complete).toBe(false);
  });

  it('applies the Application overrides like Argo CD: prefix, namespace, labels, annotations, patches, components', () => {
    const { objects, problems } = render(
      `${BASE}${SPLIT}
      #- comp/kustomization.yaml
      kind: Component
      commonLabels: {from: component}
      `,
      'base',
      {
        namePrefix: 'argo-',
        namespace: 'team',
        commonAnnotations: { 'argocd.argoproj.io/sync-wave': '9' },
        commonLabels: { owner: 'argo' },
        patches: [{ target: { kind: 'Service' }, patch: '- op: add\n  path: /metadata/labels/patched\n  value: "yes"\n' }],
        components: ['../comp'],
      },
    );
    expect(problems).toBe('');
    expect(objects).toMatchInlineSnapshot(`
      "Deployment/argo-web ns=team wave-annotation=9 labels=from=component,owner=argo (from base/deploy.yaml#0)
      Service/argo-web ns=team wave-annotation=9 labels=from=component,patched=yes,owner=argo (from base/svc.yaml#0)"
    `);
  });
});

describe('renderKustomization: patches', () => {
  it('applies strategic merge patches (by id, with targets, with merge keys and $patch: delete) and JSON patches', () => {
    const { objects, problems, result } = render(
      `${BASE}${SPLIT}
      #- app/kustomization.yaml
      resources: [../base]
      patches:
        - path: wave.yaml
        - target: {kind: Deploy.*, labelSelector: "app notin (db)"}
          patch: |
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ignored-with-a-target
            spec:
              template:
                spec:
                  containers:
                    - name: sidecar
                      $patch: delete
                    - name: web
                      image: web:2
        - target: {version: v1, kind: Service, name: web}
          patch: |
            - op: replace
              path: /metadata/name
              value: renamed
      patchesStrategicMerge:
        - svc-delete.yaml
      patchesJson6902:
        - target: {group: apps, version: v1, kind: Deployment, name: web}
          patch: |
            - op: add
              path: /metadata/annotations/argocd.argoproj.io~1sync-wave
              value: "5"
      #- app/wave.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        annotations:
          argocd.argoproj.io/sync-wave: "2"
          team: a
      #- app/svc-delete.yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: nothing-yet
      $patch: delete
      `,
      'app',
    );
    // The strategic merge delete names a Service that does not exist: a patch-target problem.
    expect(problems).toMatchInlineSnapshot(`
      "app/svc-delete.yaml:4:9 kustomize/patch-target-not-found No object of this build is Service.v1/nothing-yet.[noNs]; kustomize build fails ("no matches for Id … failed to find unique target for patch").
        |   name: nothing-yet
        |         ^^^^^^^^^^^"
    `);
    expect(objects).toMatchInlineSnapshot(`
      "Deployment/web wave-annotation=5 (from base/deploy.yaml#0)
      Service/renamed (from base/svc.yaml#0)"
    `);
    const containers = (result.objects[0]!.body as { spec: { template: { spec: { containers: unknown[] } } } }).spec.template.spec.containers;
    expect(containers).toEqual([{ name: 'web', image: 'web:2' }]);
    expect(result.objects[0]!.annotations.team).toBe('a');
  });

  it('deletes an object with a $patch: delete strategic merge patch, and finds objects by their pre-prefix name', () => {
    const { objects, problems } = render(
      `${BASE}${SPLIT}
      #- mid/kustomization.yaml
      namePrefix: mid-
      resources: [../base]
      #- app/kustomization.yaml
      resources: [../mid]
      patches:
        - patch: |
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            $patch: delete
      `,
      'app',
    );
    expect(problems).toBe('');
    expect(objects).toBe('Deployment/mid-web wave-annotation=1 (from base/deploy.yaml#0)');
  });

  it('reports a target selector that selects nothing as a warning, and nothing when the build is incomplete', () => {
    const fixture = `${BASE}${SPLIT}
      #- app/kustomization.yaml
      resources: [../base]
      patches:
        - target: {kind: StatefulSet}
          patch: |
            - op: add
              path: /metadata/labels
              value: {}
      #- chart/kustomization.yaml
      resources: [../base]
      helmCharts:
        - name: db
      patches:
        - target: {kind: StatefulSet}
          patch: |
            - op: add
              path: /metadata/labels
              value: {}
        - path: missing-in-chart.yaml
      #- chart/missing-in-chart.yaml
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db}
      `;
    expect(render(fixture, 'app').problems).toMatchInlineSnapshot(`
      "app/kustomization.yaml:3:13 kustomize/patch-matches-nothing The patch target {kind=StatefulSet} selects no object of this build; the patch does nothing.
        |   - target: {kind: StatefulSet}
        |             ^^^^^^^^^^^^^^^^^^^"
    `);
    expect(render(fixture, 'chart').problems).toBe('');
  });

  it('reports unreadable patches and failing JSON patch operations', () => {
    const { problems } = render(
      `${BASE}${SPLIT}
      #- app/kustomization.yaml
      resources: [../base]
      patches:
        - {}
        - patch: |
            - op: replace
              path: /spec/replicas
              value: 3
        - target: {kind: Deployment}
          patch: |
            - op: replace
              path: /spec/replicas
              value: 3
        - target: {kind: "(", name: web}
          path: p.yaml
        - path: absent.yaml
      #- app/p.yaml
      - op: remove
        path: /x
      `,
      'app',
    );
    expect(problems).toMatchInlineSnapshot(`
      "app/kustomization.yaml:3:5 kustomize/invalid-patch A patch needs a path or an inline patch.
        |   - {}
        |     ^^
      app/kustomization.yaml:4:5 kustomize/invalid-patch A JSON 6902 patch needs a target; kustomize build fails.
        |   - patch: |
        |     ^^^^^^^^
      app/kustomization.yaml:8:5 kustomize/json-patch-failed JSON patch operation 1 does not apply to Deployment.v1.apps/web.[noNs]: replace: /spec/replicas is missing.
        |   - target: {kind: Deployment}
        |     ^^^^^^^^^^^^^^^^^^^^^^^^^^
      app/kustomization.yaml:13:13 kustomize/invalid-patch The patch target cannot be read: target.kind is not a valid regular expression: (.
        |   - target: {kind: "(", name: web}
        |             ^^^^^^^^^^^^^^^^^^^^^^
      app/kustomization.yaml:15:5 kustomize/missing-resource Patch file "absent.yaml" not found (app/absent.yaml); kustomize build fails.
        |   - path: absent.yaml
        |     ^^^^^^^^^^^^^^^^^"
    `);
  });
});

describe('renderKustomization: problems', () => {
  it('reports missing files and folders, folders without kustomization, escapes and files outside the root', () => {
    const { problems, result } = render(
      `${BASE}${SPLIT}
      #- plain/deploy.yaml
      kind: ConfigMap
      #- app/kustomization.yaml
      resources:
        - missing.yaml
        - ../nowhere
        - ../plain
        - ../../../outside
        - ../base/svc.yaml
      configMapGenerator:
        - name: cm
          files: [absent.conf]
      helmCharts:
        - name: x
          valuesFile: gone.yaml
      `,
      'app',
    );
    expect(problems).toMatchInlineSnapshot(`
      "app/kustomization.yaml:2:5 kustomize/missing-resource Resource "missing.yaml" not found (app/missing.yaml); kustomize build fails.
        |   - missing.yaml
        |     ^^^^^^^^^^^^
      app/kustomization.yaml:3:5 kustomize/missing-resource Resource "../nowhere" not found (nowhere); kustomize build fails.
        |   - ../nowhere
        |     ^^^^^^^^^^
      app/kustomization.yaml:4:5 kustomize/missing-resource Folder plain has no kustomization file (kustomization.yaml, kustomization.yml or Kustomization); kustomize build fails.
        |   - ../plain
        |     ^^^^^^^^
      app/kustomization.yaml:5:5 source/path-escapes-repository "../../../outside" is outside the repository; it is not analysed.
        |   - ../../../outside
        |     ^^^^^^^^^^^^^^^^
      app/kustomization.yaml:6:5 kustomize/file-outside-root base/svc.yaml is outside the kustomization folder app; kustomize refuses to load it unless the load restrictor is disabled.
        |   - ../base/svc.yaml
        |     ^^^^^^^^^^^^^^^^
      app/kustomization.yaml:9:13 kustomize/missing-generator-file Generator file "absent.conf" is not in this repository (app/absent.conf); kustomize build fails unless it exists where Argo CD checks out.
        |     files: [absent.conf]
        |             ^^^^^^^^^^^
      app/kustomization.yaml:12:17 kustomize/missing-resource Values file "gone.yaml" of chart x not found (app/gone.yaml); kustomize build fails.
        |     valuesFile: gone.yaml
        |                 ^^^^^^^^^"
    `);
    expect(result.objects.map((object) => `${object.kind}/${object.name}`)).toEqual(['Service/web', 'ConfigMap/cm']);
  });

  it('does not report files outside the root when argocd-cm disables the load restrictor', () => {
    const { problems } = render(`${BASE}${SPLIT}\n#- app/kustomization.yaml\nresources: [../base/svc.yaml]\n`, 'app', undefined, '--enable-helm --load-restrictor LoadRestrictionsNone');
    expect(problems).toBe('');
  });

  it('reports cycles, Component kind mismatches, duplicates, several kustomization files and non-string values', () => {
    const { problems } = render(
      `${BASE}${SPLIT}
      #- app/kustomization.yaml
      resources:
        - ..
        - sub
        - ../comp
        - ../base
        - ../base/deploy.yaml
      components: [../base]
      commonAnnotations:
        argocd.argoproj.io/sync-wave: 5
      #- app/sub/kustomization.yaml
      resources: [../]
      #- comp/kustomization.yaml
      kind: Component
      #- twice/kustomization.yaml
      resources: []
      #- twice/kustomization.yml
      resources: []
      #- kustomization.yaml
      resources: [twice]
      `,
      'app',
    );
    expect(problems).toMatchInlineSnapshot(`
      "app/kustomization.yaml:2:5 kustomize/cycle Cycle: the repository root contains app, which is being built; kustomize reports "cycle detected".
        |   - ..
        |     ^^
      app/kustomization.yaml:4:5 kustomize/invalid-kustomization comp is a Component; list it under components, not resources (kustomize build fails).
        |   - ../comp
        |     ^^^^^^^
      app/kustomization.yaml:6:5 kustomize/duplicate-resource Deployment.v1.apps/web.[noNs] is already in this build (from base/deploy.yaml); kustomize build fails ("may not add resource with an already registered id").
        |   - ../base/deploy.yaml
        |     ^^^^^^^^^^^^^^^^^^^
      app/kustomization.yaml:6:5 kustomize/file-outside-root base/deploy.yaml is outside the kustomization folder app; kustomize refuses to load it unless the load restrictor is disabled.
        |   - ../base/deploy.yaml
        |     ^^^^^^^^^^^^^^^^^^^
      app/kustomization.yaml:7:14 kustomize/invalid-kustomization base is listed as a component but its kustomization is not kind: Component; kustomize build fails.
        | components: [../base]
        |              ^^^^^^^
      app/kustomization.yaml:9:33 kustomize/non-string-value The value of "argocd.argoproj.io/sync-wave" is 5, not a string; kustomize rejects it. Quote it: "5".
        |   argocd.argoproj.io/sync-wave: 5
        |                                 ^
      app/sub/kustomization.yaml:1:13 kustomize/cycle Cycle: app contains app, which is being built; kustomize reports "cycle detected".
        | resources: [../]
        |             ^^^"
    `);
    expect(render(`#- kustomization.yaml\nresources: [twice]\n#- twice/kustomization.yaml\nresources: []\n#- twice/kustomization.yml\nresources: []\n`, '').problems).toMatchInlineSnapshot(`
      "twice/kustomization.yaml:1:1 kustomize/invalid-kustomization Found several kustomization files in one folder (twice/kustomization.yaml, twice/kustomization.yml); kustomize refuses to build it.
        | resources: []
        | ^"
    `);
  });

  it('reports a folder without kustomization and a kustomization that is not a map', () => {
    expect(render('#- app/deploy.yaml\nkind: A\n', 'app').problems).toMatchInlineSnapshot(`"app kustomize/missing-resource app has no kustomization file; kustomize build fails."`);
    expect(render('#- app/kustomization.yaml\n- a\n- b\n', 'app').problems).toMatchInlineSnapshot(`
      "app/kustomization.yaml:1:1 kustomize/invalid-kustomization The kustomization is not a YAML map; kustomize cannot read it.
        | - a
        | ^^^"
    `);
    expect(render('#- app/Kustomization\nresources: [a\n', 'app').problems).toMatchInlineSnapshot(`
      "app/Kustomization:2:1 parse/yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]; this document is not analysed.
        | 
        | ^"
    `);
  });
});

describe('renderKustomization: the parse stays as read', () => {
  it('changes no parsed value of the files it renders (bodies are copied on write), and renders the same twice', () => {
    const files = parseFixture(`
      #- base/kustomization.yaml
      resources: [deploy.yaml, config.yaml]
      #- base/deploy.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, labels: {tier: web}}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: web:1}]}
      #- base/config.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {mode: base}
      #- overlay/kustomization.yaml
      resources: [../base, service.yaml]
      namespace: shop
      namePrefix: eu-
      commonLabels: {team: shop}
      commonAnnotations: {owner: shop-team}
      labels:
        - pairs: {release: stable}
          includeSelectors: true
      configMapGenerator:
        - name: settings
          behavior: merge
          literals: [mode=overlay]
      patches:
        - target: {kind: Service}
          patch: |-
            - op: replace
              path: /spec/type
              value: NodePort
      #- overlay/service.yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec: {type: ClusterIP, selector: {app: web}}
    `);
    const index = new RepoIndex(snapshotFromTexts(files));
    const values = Object.keys(files).flatMap((file) => index.parsed(file)?.documents.map((document) => document.value) ?? []);
    const before = JSON.stringify(values);
    // Frozen: a change in place would throw here (modules run in strict mode), not only show in the comparison.
    values.forEach(deepFreeze);
    const first = renderKustomization(index, 'overlay').objects;
    const second = renderKustomization(index, 'overlay').objects;
    expect(JSON.stringify(values)).toBe(before);
    expect(JSON.stringify(second.map((object) => object.body))).toBe(JSON.stringify(first.map((object) => object.body)));
    expect(listObjects(first)).toMatchInlineSnapshot(`
      "Deployment/eu-web ns=shop labels=tier=web,release=stable,team=shop (from base/deploy.yaml#0)
      ConfigMap/eu-settings ns=shop labels=release=stable,team=shop (from base/config.yaml#0)
      Service/eu-web ns=shop labels=release=stable,team=shop (from overlay/service.yaml#0)"
    `);
    expect(first.map((object) => JSON.stringify(object.body))).toMatchInlineSnapshot(`
      [
        "{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"eu-web","labels":{"tier":"web","release":"stable","team":"shop"},"namespace":"shop","annotations":{"owner":"shop-team"}},"spec":{"selector":{"matchLabels":{"app":"web","release":"stable","team":"shop"}},"template":{"metadata":{"labels":{"app":"web","release":"stable","team":"shop"},"annotations":{"owner":"shop-team"}},"spec":{"containers":[{"name":"web","image":"web:1"}]}}}}",
        "{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"eu-settings","labels":{"release":"stable","team":"shop"},"annotations":{"owner":"shop-team"},"namespace":"shop"},"data":{"mode":"overlay"}}",
        "{"apiVersion":"v1","kind":"Service","metadata":{"name":"eu-web","namespace":"shop","labels":{"release":"stable","team":"shop"},"annotations":{"owner":"shop-team"}},"spec":{"type":"NodePort","selector":{"app":"web","release":"stable","team":"shop"}}}",
      ]
    `);
  });
});

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}
