// Fixture pieces for the dependency rules: a root Application over apps/, child Applications deploying infra/<name>, CRDs and custom resources.

import { applicationText as application } from '../../../support/applicationText';

/** The URL every fixture Application uses for the fixture repository. */
export const REPO = 'https://github.com/example/deps.git';

/** The config naming REPO, argocd-cm with the Application health check (so waves gate), and the root Application over apps/. */
export function labRoot(): string {
  return `#- .gitops-waves.yaml
repoURL: ${REPO}
#- argocd/argocd-cm.yaml
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
`;
}

/** Options of a child Application. */
export interface ChildOptions {
  /** The sync-wave annotation; none when undefined. */
  readonly wave?: number;
  /** Destination namespace (default: the name). */
  readonly namespace?: string;
  /** Lines appended under `spec:` (4 spaces in for syncPolicy content), e.g. a syncPolicy block. */
  readonly specExtra?: string;
}

/** A child Application apps/<name>.yaml deploying the folder infra/<name>; CreateNamespace=true unless `specExtra` says otherwise. */
export function child(name: string, options: ChildOptions = {}): string {
  const annotations = options.wave === undefined ? '' : `\n  annotations:\n    argocd.argoproj.io/sync-wave: "${options.wave}"`;
  const syncPolicy = options.specExtra ?? '  syncPolicy:\n    syncOptions:\n      - CreateNamespace=true\n';
  return `#- apps/${name}.yaml
# ${name}: one component of the lab
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd${annotations}
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: infra/${name}
  destination:
    server: https://kubernetes.default.svc
    namespace: ${options.namespace ?? name}
${syncPolicy}`;
}

/** The CRD of `Widget` (group widgets.example.com) in infra/<app>/crd.yaml. */
export function widgetCrd(app: string): string {
  return `#- infra/${app}/crd.yaml
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.widgets.example.com
spec:
  group: widgets.example.com
  scope: Namespaced
  names:
    kind: Widget
    plural: widgets
  versions:
    - name: v1
      served: true
      storage: true
`;
}

/** A `Widget` custom resource in infra/<app>/widget.yaml, with optional annotation lines (4 spaces in). */
export function widget(app: string, name: string, annotationLines = ''): string {
  return `#- infra/${app}/widget.yaml
apiVersion: widgets.example.com/v1
kind: Widget
metadata:
  name: ${name}
${annotationLines ? `  annotations:\n${annotationLines}\n` : ''}spec:
  size: 3
`;
}

/** A ConfigMap in infra/<app>/<file> with one data entry. */
export function configMap(app: string, file: string, name: string, value: string): string {
  return `#- infra/${app}/${file}
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  endpoint: ${value}
`;
}

/** A Service `name` in infra/<app>/service.yaml. */
export function service(app: string, name: string): string {
  return `#- infra/${app}/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
    - port: 8080
`;
}

/** A fixture file's text without its `#- path` line. */
export const withoutPathLine = (fixture: string): string => fixture.slice(fixture.indexOf('\n') + 1);

/**
 * The files of the memo tests: a root over apps/, crds (wave 1) deploying the Widget CRD, user (wave 1) a Widget of
 * it, other (wave 2) a ConfigMap.
 */
export function crdUserOtherTexts(): Record<string, string> {
  return {
    'root.yaml': application('root', 'apps', 0),
    'apps/kustomization.yaml': 'resources:\n  - crds.yaml\n  - user.yaml\n  - other.yaml\n',
    'apps/crds.yaml': application('crds', 'platform/crds', 1),
    'apps/user.yaml': application('user', 'platform/user', 1),
    'apps/other.yaml': application('other', 'platform/other', 2),
    'platform/crds/widget.yaml': withoutPathLine(widgetCrd('crds')),
    'platform/user/widget.yaml': withoutPathLine(widget('user', 'first')),
    'platform/other/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n',
  };
}
