// Tests of the repository model: roots, orphans, generated apps, waves and what they gate.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/analysis/analyze';
import { fixtureSnapshot, parseFixture, renderProblems } from '../../support/fixture';
import { listModel } from '../../support/modelListing';

const REPO = 'https://github.com/example/lab.git';

const APP_OF_APPS = `
#- bootstrap/root.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: root
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: apps
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd
#- apps/kustomization.yaml
resources:
  - cilium.yaml
  - storage.yaml
  - services-set.yaml
#- apps/cilium.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: cilium
  annotations:
    argocd.argoproj.io/sync-wave: "0"
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: infra/cilium
  destination:
    server: https://kubernetes.default.svc
    namespace: kube-system
  syncPolicy:
    automated: {}
#- apps/storage.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: storage
  annotations:
    argocd.argoproj.io/sync-wave: "1"
spec:
  project: default
  source:
    repoURL: https://charts.example.com
    chart: longhorn
    targetRevision: 1.7.0
  destination:
    server: https://kubernetes.default.svc
    namespace: longhorn-system
#- apps/forgotten.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: forgotten
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: infra/missing
  destination:
    server: https://kubernetes.default.svc
    namespace: nowhere
#- apps/services-set.yaml
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: services
  annotations:
    argocd.argoproj.io/sync-wave: "4"
spec:
  generators:
    - git:
        repoURL: ${REPO}
        revision: HEAD
        directories:
          - path: services/*
  template:
    metadata:
      name: '{{path.basename}}'
      annotations:
        argocd.argoproj.io/sync-wave: "9"
    spec:
      project: default
      source:
        repoURL: ${REPO}
        path: '{{path}}'
      destination:
        server: https://kubernetes.default.svc
        namespace: '{{path.basename}}'
#- infra/cilium/namespace.yaml
apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
#- infra/cilium/config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: cilium-config
  namespace: kube-system
  annotations:
    argocd.argoproj.io/sync-wave: "-1"
#- services/web/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
#- services/cilium/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cilium-ui
`;

const ARGOCD_CM = `
#- bootstrap/argocd-cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: argocd-cm
  namespace: argocd
data:
  resource.customizations.health.argoproj.io_Application: |
    hs = {}
    hs.status = "Progressing"
    if obj.status ~= nil and obj.status.health ~= nil then
      hs.status = obj.status.health.status
    end
    return hs
`;

describe('buildModel', () => {
  it('finds the root, what each sync creates, generated apps and the orphan', () => {
    const analysis = analyze(fixtureSnapshot(APP_OF_APPS));
    expect(listModel(analysis, { resources: true })).toMatchInlineSnapshot(`
      "Application root  wave 0  unordered  → argocd  (bootstrap/root.yaml)
        Application cilium  wave 0  none  → kube-system  (apps/cilium.yaml)
          - ConfigMap/cilium-config wave -1
          - Namespace/kube-system wave 0
        Application storage  wave 1  none  → longhorn-system  (apps/storage.yaml)
        ApplicationSet services  wave 4  generation  (apps/services-set.yaml)
          Application cilium  wave 9  unordered  → cilium  (apps/services-set.yaml)
            - Deployment/cilium-ui wave 0
          Application web  wave 9  unordered  → web  (apps/services-set.yaml)
            - Deployment/web wave 0
      orphan Application forgotten (apps/forgotten.yaml)"
    `);
    expect(analysis.model.repository).toEqual({ urls: ['https://github.com/example/lab'], how: 'inferred' });
  });

  it('says Application waves gate only when the Application health check is configured', () => {
    const without = analyze(fixtureSnapshot(APP_OF_APPS));
    const withHealth = analyze(fixtureSnapshot(APP_OF_APPS + ARGOCD_CM));
    const cilium = (analysis: typeof without) => analysis.model.nodes.find((node) => node.name === 'cilium' && !node.generatedById)!;
    expect(cilium(without).ordering.gating).toBe('none');
    expect(cilium(withHealth).ordering.gating).toBe('health');
    expect(cilium(withHealth).ordering.explanation).toContain('bootstrap/argocd-cm.yaml');
  });

  it('reports the orphan, the duplicate name and nothing about external sources', () => {
    const files = parseFixture(APP_OF_APPS);
    const analysis = analyze(fixtureSnapshot(APP_OF_APPS));
    const modelFindings = analysis.findings.filter((finding) => finding.ruleId.startsWith('model/'));
    expect(renderProblems(modelFindings, files)).toMatchInlineSnapshot(`
      "apps/cilium.yaml:4:9 model/duplicate-application-name Application name 'cilium' is also used by an Application generated by ApplicationSet services (apps/services-set.yaml): Argo CD keeps one Application per name and namespace, so they overwrite each other.
        |   name: cilium
        |         ^^^^^^
      apps/forgotten.yaml:4:3 model/orphaned-application Application forgotten is in apps, which an Application renders, but that source does not include this file: Argo CD never creates it.
        |   name: forgotten
        |   ^^^^
      apps/services-set.yaml:16:13 model/duplicate-application-name Application name 'cilium' is also used by the Application in apps/cilium.yaml: Argo CD keeps one Application per name and namespace, so they overwrite each other.
        |       name: '{{path.basename}}'
        |             ^^^^^^^^^^^^^^^^^^^"
    `);
  });

  it('gives generated Applications unique ids even when names collide', () => {
    const analysis = analyze(fixtureSnapshot(APP_OF_APPS));
    const ids = analysis.model.nodes.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reports a creation loop once and still builds a model', () => {
    const loop = `
#- a/app.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: a
spec:
  source: { repoURL: ${REPO}, path: b }
  destination: { namespace: x }
#- b/app.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: b
spec:
  source: { repoURL: ${REPO}, path: a }
  destination: { namespace: x }
`;
    const analysis = analyze(fixtureSnapshot(loop));
    expect(analysis.findings.filter((finding) => finding.ruleId === 'model/creation-cycle')).toHaveLength(1);
    expect(analysis.model.nodes.map((node) => node.name).sort()).toEqual(['a', 'b']);
  });

  it('uses --repo-url over inference, so a path in an unknown repository is external', () => {
    const analysis = analyze(fixtureSnapshot(APP_OF_APPS), { repoUrls: ['https://github.com/example/other.git'] });
    expect(analysis.model.nodes.find((node) => node.name === 'root')?.externalSources).toEqual([`${REPO} path apps`]);
  });
});
