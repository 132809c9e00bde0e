// The small App-of-Apps repository the protocol tests open: one root, two Applications sharing a name, a broken file.
import { parseFixture } from '../support/fixture';

/** Files of the fixture repository (findings: two duplicate-name errors with related information, one YAML syntax warning). */
export const FIXTURE_FILES = parseFixture(`
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
  #- apps/web.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata:
    name: web
    namespace: argocd
  spec:
    project: default
    source:
      repoURL: https://github.com/example/fixture.git
      path: web
    destination:
      server: https://kubernetes.default.svc
      namespace: web
    syncPolicy:
      syncOptions: [CreateNamespace=true]
  #- apps/web-copy.yaml
  apiVersion: argoproj.io/v1alpha1
  kind: Application
  metadata:
    name: web
    namespace: argocd
  spec:
    project: default
    source:
      repoURL: https://github.com/example/fixture.git
      path: web
    destination:
      server: https://kubernetes.default.svc
      namespace: web
    syncPolicy:
      syncOptions: [CreateNamespace=true]
  #- web/config.yaml
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: web
  data:
    greeting: hello
  #- web/broken.yaml
  greeting: [hello, world
`);
