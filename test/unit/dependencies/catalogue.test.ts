// The chart catalogue: charts that install CRDs and classes, their values conditions, includeCRDs, and the config extension.
import { describe, expect, it } from 'vitest';
import { invalidCatalogueEntry } from '../../../server/src/analysis/rules/deps/invalid-catalogue-entry';
import { renderProblems } from '../../support/fixture';
import { runCheck } from '../../support/checkContext';
import { application, graphOf } from './graphFixture';

const CERTIFICATE = `
  #- web/certificate.yaml
  apiVersion: cert-manager.io/v1
  kind: Certificate
  metadata:
    name: web-tls
  spec:
    issuerRef:
      kind: ClusterIssuer
      name: letsencrypt
`;

/** cert-manager installed by kustomize helmCharts with the given values (inline YAML lines, or none). */
function certManager(values: string | undefined): string {
  return `
    #- cert-manager/kustomization.yaml
    helmCharts:
      - name: cert-manager
        repo: https://charts.jetstack.io
        version: v1.16.0
        namespace: cert-manager${values === undefined ? '' : `\n        valuesInline:\n          ${values}`}
  `;
}

describe('chart catalogue', () => {
  it('cert-manager installs its CRDs only when crds.enabled (or legacy installCRDs) is true', () => {
    const crdEdges = (values: string | undefined): string[] =>
      graphOf(application('cert-manager', { wave: 0 }), certManager(values), application('web', { wave: 1 }), CERTIFICATE)
        .edges.split('\n')
        .filter((line) => line.includes('--crd-->'));
    expect(crdEdges('crds: {enabled: true}')).toMatchInlineSnapshot(`
      [
        "web --crd--> cert-manager: Certificate web-tls uses CRD cert-manager.io/Certificate from chart cert-manager (crds.enabled is true) (web/certificate.yaml:2 ← cert-manager/kustomization.yaml:2) [chart-catalogue]",
      ]
    `);
    expect(crdEdges('installCRDs: true')[0]).toContain('(installCRDs is true)');
    expect(crdEdges(undefined)).toEqual([]);
    expect(crdEdges('crds: {enabled: false}')).toEqual([]);
  });

  it('an external chart source whose values files are outside the repository gives a conditional edge', () => {
    const { analysis, edges } = graphOf(
      application('cert-manager', { chart: { name: 'cert-manager', repoURL: 'https://charts.jetstack.io', valueFiles: ['values-prod.yaml'] } }),
      application('web', {}),
      CERTIFICATE,
    );
    expect(edges.split('\n').filter((line) => line.includes('--crd-->'))).toMatchInlineSnapshot(`
      [
        "web --crd--> cert-manager: Certificate web-tls uses CRD cert-manager.io/Certificate from chart cert-manager (only when crds.enabled or installCRDs is true; some values are outside this repository, so unknown) (web/certificate.yaml:2 ← apps/cert-manager.yaml:9) [chart-catalogue; if: chart cert-manager installs it only when crds.enabled or installCRDs is true; some values are outside this repository, so unknown]",
      ]
    `);
    expect(analysis.graph.edges.find((edge) => edge.kind === 'crd')?.condition).toBeDefined();
  });

  it('valuesObject of a chart source decides the condition', () => {
    const { edges } = graphOf(
      application('cert-manager', { chart: { name: 'cert-manager', repoURL: 'https://charts.jetstack.io', values: 'crds:\n  enabled: true' } }),
      application('web', {}),
      CERTIFICATE,
    );
    expect(edges).toContain('web --crd--> cert-manager: Certificate web-tls uses CRD cert-manager.io/Certificate from chart cert-manager (crds.enabled is true)');
  });

  it("CRDs in a chart's crds/ folder come with kustomize helmCharts only when includeCRDs is true", () => {
    const volsync = (includeCRDs: string): string => `
      #- volsync/kustomization.yaml
      helmCharts:
        - name: volsync
          repo: https://backube.github.io/helm-charts/
          includeCRDs: ${includeCRDs}
    `;
    const source = `
      #- backups/source.yaml
      apiVersion: volsync.backube/v1alpha1
      kind: ReplicationSource
      metadata:
        name: data
    `;
    expect(graphOf(application('volsync', {}), volsync('true'), application('backups', {}), source).edges).toContain(
      'backups --crd--> volsync: ReplicationSource data uses CRD volsync.backube/ReplicationSource from chart volsync',
    );
    const without = graphOf(application('volsync', {}), volsync('false'), application('backups', {}), source);
    expect(without.edges).not.toContain('--crd-->');
    expect(without.unsatisfied).toContain('backups needs CRD volsync.backube/ReplicationSource');
  });

  it('charts provide named classes and Services: longhorn StorageClass (default), connect Service in the chart namespace, cilium GatewayClass when enabled', () => {
    const { edges } = graphOf(
      application('longhorn', { namespace: 'longhorn-system' }),
      `
      #- longhorn/kustomization.yaml
      helmCharts:
        - name: longhorn
          repo: https://charts.longhorn.io
      `,
      application('connect', { namespace: 'onepassword' }),
      `
      #- connect/kustomization.yaml
      helmCharts:
        - name: connect
          repo: https://1password.github.io/connect-helm-charts
      `,
      application('cilium', { namespace: 'kube-system' }),
      `
      #- cilium/kustomization.yaml
      helmCharts:
        - name: cilium
          repo: https://helm.cilium.io
          valuesInline:
            gatewayAPI:
              enabled: true
      `,
      application('web', { namespace: 'onepassword' }),
      `
      #- web/objects.yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata:
        name: data
      spec: {}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
      data:
        url: http://onepassword-connect.onepassword.svc:8080
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata:
        name: main
      spec:
        gatewayClassName: cilium
      `,
    );
    expect(edges.split('\n').filter((line) => line.startsWith('web') && !line.includes('--crd-->') && !line.includes('--namespace-->'))).toMatchInlineSnapshot(`
      [
        "web --storage-class--> longhorn: PersistentVolumeClaim data (no storageClassName) on the default StorageClass longhorn from chart longhorn (created by its controller at run time) (web/objects.yaml:5 ← longhorn/kustomization.yaml:2) [chart-catalogue; runtime]",
        "web --service--> connect: ConfigMap settings refers to http://onepassword-connect.onepassword.svc:8080, served by Service onepassword/onepassword-connect from chart connect (web/objects.yaml:12 ← connect/kustomization.yaml:2) [chart-catalogue]",
        "web --gateway-class--> cilium: Gateway main of GatewayClass cilium from chart cilium (gatewayAPI.enabled is true) (web/objects.yaml:19 ← cilium/kustomization.yaml:2) [chart-catalogue]",
      ]
    `);
  });

  it('remote resources: Gateway API CRDs from a kustomize remote URL', () => {
    const { edges } = graphOf(
      application('gateway-api', {}),
      `
      #- gateway-api/kustomization.yaml
      resources:
        - https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.2.1/standard-install.yaml
      `,
      application('web', {}),
      `
      #- web/route.yaml
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata:
        name: web
      `,
    );
    expect(edges).toContain('web --crd--> gateway-api: HTTPRoute web uses CRD gateway.networking.k8s.io/HTTPRoute from remote resource https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.2.1/standard-install.yaml');
  });

  it('the config file extends the catalogue (chart name, repository pattern, CRDs with a condition, provided objects)', () => {
    const { edges } = graphOf(
      `
      #- .gitops-waves.yaml
      catalogue:
        - charts: [widget-operator]
          repos: [charts.example.com]
          crds:
            - group: widgets.example.com
              kinds: [Widget]
              placement: templates
              when: {anyOf: [crds.install], default: true}
          provides:
            - kind: StorageClass
              name: widget-fast
      `,
      application('widgets', {}),
      `
      #- widgets/kustomization.yaml
      helmCharts:
        - name: widget-operator
          repo: https://charts.example.com/stable
      `,
      application('web', {}),
      `
      #- web/objects.yaml
      apiVersion: widgets.example.com/v1
      kind: Widget
      metadata:
        name: spinner
      spec:
        storageClassName: widget-fast
      `,
    );
    expect(edges.split('\n').filter((line) => line.startsWith('web --crd') || line.startsWith('web --storage'))).toMatchInlineSnapshot(`
      [
        "web --crd--> widgets: Widget spinner uses CRD widgets.example.com/Widget from chart widget-operator (crds.install defaults to true) (web/objects.yaml:2 ← widgets/kustomization.yaml:2) [chart-catalogue]",
        "web --storage-class--> widgets: Widget spinner on StorageClass widget-fast from chart widget-operator (web/objects.yaml:6 ← widgets/kustomization.yaml:2) [chart-catalogue]",
      ]
    `);
  });
});

describe('deps/invalid-catalogue-entry', () => {
  it('reports malformed catalogue entries at the exact key (the malformed parts are skipped)', () => {
    const { files, problems } = runCheck(
      invalidCatalogueEntry,
      `
      #- .gitops-waves.yaml
      catalogue:
        - charts: [ok-chart]
          crds:
            - group: ok.example.com
              kinds: [Thing]
        - chart: broken
          crds:
            - group: Bad_Group
              kinds: [things]
        - charts: [typo]
          provide:
            - kind: StorageClass
              name: x
        - crds: []
      `,
    );
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      ".gitops-waves.yaml:6:5 deps/invalid-catalogue-entry A catalogue entry provides nothing: add \`crds\` or \`provides\`.
        |   - chart: broken
        |     ^^^^^^^^^^^^^
      .gitops-waves.yaml:8:16 deps/invalid-catalogue-entry \`group\` must be an API group such as \`example.com\` (lowercase, no version).
        |       - group: Bad_Group
        |                ^^^^^^^^^
      .gitops-waves.yaml:10:5 deps/invalid-catalogue-entry A catalogue entry provides nothing: add \`crds\` or \`provides\`.
        |   - charts: [typo]
        |     ^^^^^^^^^^^^^^
      .gitops-waves.yaml:11:5 deps/invalid-catalogue-entry Unknown key \`provide\` in a catalogue entry (expected chart, charts, repo, repos, remoteResources, crds, provides).
        |     provide:
        |     ^^^^^^^
      .gitops-waves.yaml:14:5 deps/invalid-catalogue-entry A catalogue entry needs \`charts\` (chart names) or \`remoteResources\` (URL substrings).
        |   - crds: []
        |     ^^^^^^^^"
    `);
  });

  it('says nothing about a valid catalogue', () => {
    const { problems } = runCheck(
      invalidCatalogueEntry,
      `
      #- .gitops-waves.yaml
      catalogue:
        - chart: my-operator
          repo: example.com
          crds:
            - group: example.com
              kinds: [Widget, ClusterWidget]
              clusterScoped: [ClusterWidget]
              placement: crds-folder
              when: crds.install
          provides:
            - kind: IngressClass
              name: example
              nameFrom: controller.ingressClass
      `,
    );
    expect(problems).toEqual([]);
  });
});
