// A small App-of-Apps fixture for the editor queries: a root, two ordered apps with a StorageClass dependency, a project, a set.
import { analyze, type Analysis } from '../../../server/src/analysis/analyze';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { parseFixture } from '../../support/fixture';

/** The fixture's files: `web` (wave 0) claims StorageClass `fast` from `storage` (wave 1), and names it in depends-on. */
export const QUERY_FILES = parseFixture(`
  #- .gitops-waves.yaml
  repoURL: https://github.com/example/fixture.git
  #- root.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata:
    name: root
    namespace: argocd
  spec:
    project: default
    source:
      repoURL: https://github.com/example/fixture.git
      path: apps
    destination:
      server: https://kubernetes.default.svc
      namespace: argocd
  #- apps/kustomization.yaml
  resources:
    - project.yaml
    - storage.yaml
    - web.yaml
    - api.yaml
    - set.yaml
  #- apps/project.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: AppProject
  metadata:
    name: platform
    namespace: argocd
  spec:
    sourceRepos: ['*']
    destinations:
      - server: '*'
        namespace: '*'
    clusterResourceWhitelist:
      - group: '*'
        kind: '*'
  #- apps/storage.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata:
    name: storage
    namespace: argocd
    annotations:
      argocd.argoproj.io/sync-wave: "1"
  spec:
    project: platform
    source:
      repoURL: https://github.com/example/fixture.git
      path: storage
    destination:
      server: https://kubernetes.default.svc
      namespace: storage
    syncPolicy:
      syncOptions:
        - CreateNamespace=true
  #- apps/web.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata:
    name: web
    namespace: argocd
    annotations:
      argocd.argoproj.io/sync-wave: "0"
      gitops-waves.io/depends-on: storage
  spec:
    project: platform
    source:
      repoURL: https://github.com/example/fixture.git
      path: web
    destination:
      server: https://kubernetes.default.svc
      namespace: web
    syncPolicy:
      syncOptions: [CreateNamespace=true]
  #- apps/api.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata:
    name: api
    namespace: argocd
  spec:
    project: platform
    source:
      repoURL: https://github.com/example/fixture.git
      path: api
      helm:
        valueFiles:
          - values-prod.yaml
    destination:
      server: https://kubernetes.default.svc
      namespace: api
  #- apps/set.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: ApplicationSet
  metadata:
    name: teams
    namespace: argocd
    annotations:
      argocd.argoproj.io/sync-wave: "2"
  spec:
    generators:
      - list:
          elements:
            - team: red
            - team: blue
    template:
      metadata:
        name: 'team-{{team}}'
      spec:
        project: platform
        source:
          repoURL: https://github.com/example/fixture.git
          path: teams
        destination:
          server: https://kubernetes.default.svc
          namespace: 'team-{{team}}'
        syncPolicy:
          syncOptions: [CreateNamespace=true]
  #- storage/storageclass.yaml
  apiVersion: storage.k8s.io/v1
  kind: StorageClass
  metadata:
    name: fast
  provisioner: example.com/fast
  #- teams/configmap.yaml
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: team
  #- api/Chart.yaml
  apiVersion: v2
  name: api
  version: 1.0.0
  #- api/values-prod.yaml
  replicas: 2
  #- web/pvc.yaml
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: data
    namespace: web
  spec:
    storageClassName: fast
    resources:
      requests:
        storage: 1Gi
  ---
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
    namespace: web
`);

/** The fixture analysed. */
export function analyseQueryFixture(files: Readonly<Record<string, string>> = QUERY_FILES): Analysis {
  return analyze(snapshotFromTexts(files));
}

/** The offset of the `occurrence`-th (0-based) match of `needle` in a file, plus `delta`. */
export function offsetOf(files: Readonly<Record<string, string>>, file: string, needle: string, delta = 0, occurrence = 0): number {
  const text = files[file] ?? '';
  let at = -1;
  for (let count = 0; count <= occurrence; count++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not in ${file}`);
  }
  return at + delta;
}
