// A fixture repository with every ordering situation, and hand-built dependency graphs over it (by app name).
import { analyze, type Analysis } from '../../../server/src/analysis/analyze';
import type { DependencyEdge, DependencyGraph, DependencyKind } from '../../../server/src/analysis/dependencies/types';
import { fixtureSnapshot } from '../../support/fixture';

/** The repoURL of the fixture's Applications. */
export const REPO = 'https://github.com/example/waves.git';

const app = (name: string, path: string, wave: string | undefined, namespace = name): string => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
${wave === undefined ? '' : `  annotations:\n    argocd.argoproj.io/sync-wave: "${wave}"\n`}spec:
  project: default
  source:
    repoURL: ${REPO}
    path: ${path}
  destination:
    server: https://kubernetes.default.svc
    namespace: ${namespace}`;

/**
 * Two roots. `root` creates, wave by wave: early (-1); crds, nested (0); operator, peer (1);
 * ApplicationSet platform (2, generating alpha and beta with a template wave 3); late (3).
 * `nested` creates child (5) and has its own ConfigMap at wave 1. `other-root` creates nothing.
 */
export const WAVES_FIXTURE = `
#- bootstrap/root.yaml
${app('root', 'apps', undefined, 'argocd')}
#- bootstrap/other-root.yaml
${app('other-root', 'infra/other', undefined)}
#- apps/early.yaml
${app('early', 'infra/early', '-1')}
#- apps/crds.yaml
${app('crds', 'infra/crds', '0')}
#- apps/nested.yaml
${app('nested', 'nested', '0')}
#- apps/operator.yaml
${app('operator', 'infra/operator', '1')}
#- apps/peer.yaml
${app('peer', 'infra/peer', '1')}
#- apps/late.yaml
${app('late', 'infra/late', '3')}
#- apps/platform.yaml
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: platform
  annotations:
    argocd.argoproj.io/sync-wave: "2"
spec:
  generators:
    - list:
        elements:
          - name: alpha
          - name: beta
  template:
    metadata:
      name: '{{name}}'
      annotations:
        argocd.argoproj.io/sync-wave: "3"
    spec:
      project: default
      source:
        repoURL: ${REPO}
        path: 'services/{{name}}'
      destination:
        server: https://kubernetes.default.svc
        namespace: '{{name}}'
#- nested/child.yaml
${app('child', 'infra/child', '5')}
#- nested/config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: nested-config
  annotations:
    argocd.argoproj.io/sync-wave: "1"
#- infra/crds/crd.yaml
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
    plural: widgets
  scope: Namespaced
#- infra/crds/namespace.yaml
apiVersion: v1
kind: Namespace
metadata:
  name: crds
#- infra/crds/late-config.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: late-config
  annotations:
    argocd.argoproj.io/sync-wave: "2"
#- infra/operator/widget.yaml
apiVersion: example.com/v1
kind: Widget
metadata:
  name: main
#- infra/peer/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: peer
#- infra/early/widget.yaml
apiVersion: example.com/v1
kind: Widget
metadata:
  name: early
#- infra/late/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: late
#- infra/child/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: child
#- infra/other/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: other
#- services/alpha/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: alpha
#- services/beta/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: beta
`;

/** The Application health check, which makes Application waves gate on health. */
export const HEALTH_CHECK = `
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

/** Analyses the fixture, with or without the Application health check. */
export function analyseWaves(options: { health: boolean }): Analysis {
  return analyze(fixtureSnapshot(WAVES_FIXTURE + (options.health ? HEALTH_CHECK : '')), { repoUrls: [REPO] });
}

/** One edge to build: `dependent` needs `provider` (app names), with optional objects. */
export interface EdgeSpec {
  readonly dependent: string;
  readonly provider: string;
  readonly kind?: DependencyKind;
  readonly reason?: string;
  readonly dependentObject?: string;
  readonly providerObject?: string;
  readonly evidence?: DependencyEdge['evidence'];
}

/** Builds a dependency edge between two apps of the analysis, named by their (unique) names. */
export function edgeBetween(analysis: Analysis, spec: EdgeSpec): DependencyEdge {
  const nodeNamed = (name: string) => {
    const matches = analysis.model.nodes.filter((node) => node.name === name);
    if (matches.length !== 1) throw new Error(`expected one app named ${name}, found ${matches.length}`);
    return matches[0]!;
  };
  const dependent = nodeNamed(spec.dependent);
  const provider = nodeNamed(spec.provider);
  return {
    kind: spec.kind ?? 'explicit',
    dependent: { nodeId: dependent.id, object: spec.dependentObject, location: { file: dependent.origin.file, span: { start: 0, end: 0 } } },
    provider: { nodeId: provider.id, object: spec.providerObject, location: { file: provider.origin.file, span: { start: 0, end: 0 } } },
    reason: spec.reason ?? `${spec.dependent} needs ${spec.provider}`,
    evidence: spec.evidence ?? 'manifest',
  };
}

/** A dependency graph made of the given edges, with its indexes. */
export function graphOf(edges: readonly DependencyEdge[]): DependencyGraph {
  const byDependent = new Map<string, DependencyEdge[]>();
  const byProvider = new Map<string, DependencyEdge[]>();
  for (const edge of edges) {
    byDependent.set(edge.dependent.nodeId, [...(byDependent.get(edge.dependent.nodeId) ?? []), edge]);
    byProvider.set(edge.provider.nodeId, [...(byProvider.get(edge.provider.nodeId) ?? []), edge]);
  }
  return { edges, byDependent, byProvider, unsatisfied: [] };
}
