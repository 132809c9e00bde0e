// appset/possible-name-collision: ApplicationSets whose clusters generators can render the same Application name for one cluster.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../../server/src/analysis/analyze';
import { possibleNameCollision } from '../../../../server/src/analysis/rules/appset/possible-name-collision';
import { LineIndex } from '../../../../server/src/analysis/text/lineIndex';
import { runCheck } from '../../../support/checkContext';
import { analyzeCorpusRepository, corpusRepository } from '../../../support/corpus';
import { renderProblems } from '../../../support/fixture';

const REPO = 'https://github.com/example/fixture.git';

/** An ApplicationSet file whose generators and template name are given; the rest is a plain guestbook template. */
function clusterSet(name: string, generators: string, templateName = '{{name}}-guestbook', namespace = 'argocd'): string {
  return `#- sets/${name}.yaml
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  generators:
${generators.replace(/^/gm, '    ').trimEnd()}
  template:
    metadata:
      name: "${templateName}"
    spec:
      project: default
      source:
        repoURL: ${REPO}
        path: guestbook
      destination:
        server: "{{server}}"
        namespace: guestbook
`;
}

const clustersWithLabels = (labels: string): string => `- clusters:
    selector:
      matchLabels:
        ${labels}
`;

const GUESTBOOK = '#- guestbook/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: guestbook\n';

/** Problems of the check, rendered, with each problem's related locations as `file:line message`. */
function run(fixture: string): string {
  const { files, problems } = runCheck(possibleNameCollision, fixture + GUESTBOOK, { repoUrls: [REPO] });
  const related = problems.flatMap((item) =>
    (item.related ?? []).map((entry) => `  related ${entry.location.file}:${new LineIndex(files[entry.location.file] ?? '').position(entry.location.span.start).line + 1} ${entry.message}`),
  );
  return [renderProblems(problems, files), ...related].join('\n');
}

describe('appset/possible-name-collision', () => {
  it('fires on both sets when one cluster can match both selectors and both render {{name}}-guestbook', () => {
    const fixture =
      clusterSet('prod-guestbook', clustersWithLabels('environment: prod')) +
      clusterSet(
        'team-guestbook',
        `- clusters:
    selector:
      matchExpressions:
        - key: team
          operator: Exists
        - key: environment
          operator: NotIn
          values: [staging]
`,
      );
    expect(run(fixture)).toMatchInlineSnapshot(`
      "sets/prod-guestbook.yaml:14:13 appset/possible-name-collision ApplicationSet prod-guestbook and ApplicationSet team-guestbook (sets/team-guestbook.yaml) both render Application '⟨cluster⟩-guestbook' in namespace argocd for a cluster both select, e.g. one labelled {environment=prod, team=⟨any⟩}: the two sets would overwrite each other's Application. Symbolic analysis: no cluster Secret in the repository shows such a cluster, but the selectors allow one.
        |       name: "{{name}}-guestbook"
        |             ^^^^^^^^^^^^^^^^^^^^
      sets/team-guestbook.yaml:18:13 appset/possible-name-collision ApplicationSet team-guestbook and ApplicationSet prod-guestbook (sets/prod-guestbook.yaml) both render Application '⟨cluster⟩-guestbook' in namespace argocd for a cluster both select, e.g. one labelled {environment=prod, team=⟨any⟩}: the two sets would overwrite each other's Application. Symbolic analysis: no cluster Secret in the repository shows such a cluster, but the selectors allow one.
        |       name: "{{name}}-guestbook"
        |             ^^^^^^^^^^^^^^^^^^^^
        related sets/team-guestbook.yaml:18 ApplicationSet team-guestbook renders the same name here
        related sets/prod-guestbook.yaml:9 the cluster selector of prod-guestbook
        related sets/team-guestbook.yaml:9 the cluster selector of team-guestbook
        related sets/prod-guestbook.yaml:14 ApplicationSet prod-guestbook renders the same name here
        related sets/team-guestbook.yaml:9 the cluster selector of team-guestbook
        related sets/prod-guestbook.yaml:9 the cluster selector of prod-guestbook"
    `);
  });

  it('ok: the same template name with disjoint selectors (environment: staging vs environment: prod)', () => {
    const fixture = clusterSet('staging-guestbook', clustersWithLabels('environment: staging')) + clusterSet('prod-guestbook', clustersWithLabels('environment: prod'));
    expect(run(fixture)).toBe('');
  });

  it('knows In/NotIn and Exists/DoesNotExist contradictions, and Applications in different namespaces', () => {
    const expressions = (key: string, operator: string, values?: string): string => `- clusters:
    selector:
      matchExpressions:
        - key: ${key}
          operator: ${operator}
${values === undefined ? '' : `          values: ${values}\n`}`;
    const notIn = clusterSet('a', expressions('tier', 'In', '[gold, silver]')) + clusterSet('b', expressions('tier', 'NotIn', '[gold, silver, bronze]'));
    expect(run(notIn)).toBe('');
    const absent = clusterSet('a', expressions('aws', 'Exists')) + clusterSet('b', expressions('aws', 'DoesNotExist'));
    expect(run(absent)).toBe('');
    const otherNamespace = clusterSet('a', clustersWithLabels('environment: prod')) + clusterSet('b', clustersWithLabels('environment: prod'), '{{name}}-guestbook', 'team-b');
    expect(run(otherNamespace)).toBe('');
  });

  it('takes only the base of a merge, and both children of a matrix', () => {
    // The merge's second child (environment: staging) only overrides parameters: the base (prod) decides.
    const merge = `- merge:
    mergeKeys: [server]
    generators:
      - clusters:
          selector:
            matchLabels:
              environment: prod
      - clusters:
          selector:
            matchLabels:
              environment: staging
`;
    const matrix = `- matrix:
    generators:
      - clusters:
          selector:
            matchLabels:
              region: eu
      - list:
          elements:
            - suffix: guestbook
`;
    const staging = clusterSet('staging-guestbook', clustersWithLabels('environment: staging'));
    expect(run(clusterSet('merged', merge) + staging)).toBe('');
    const found = run(clusterSet('merged', merge) + clusterSet('matrixed', matrix, '{{name}}-{{suffix}}'));
    expect(found.split('\n').filter((line) => line.startsWith('sets/'))).toEqual([
      expect.stringContaining("sets/matrixed.yaml:19:13 appset/possible-name-collision ApplicationSet matrixed and ApplicationSet merged (sets/merged.yaml) both render Application '⟨cluster⟩-guestbook' in namespace argocd for a cluster both select, e.g. one labelled {environment=prod, region=eu}"),
      expect.stringContaining('sets/merged.yaml:21:13 appset/possible-name-collision ApplicationSet merged and ApplicationSet matrixed'),
    ]);
  });

  it('fires on a name that does not depend on the cluster even when the selectors are disjoint: one cluster each is enough', () => {
    const fixture = clusterSet('staging-tools', clustersWithLabels('environment: staging'), 'tools') + clusterSet('prod-tools', clustersWithLabels('environment: prod'), 'tools');
    expect(run(fixture).split('\n')[0]).toMatchInlineSnapshot(
      `"sets/prod-tools.yaml:14:13 appset/possible-name-collision ApplicationSet prod-tools and ApplicationSet staging-tools (sets/staging-tools.yaml) both render Application 'tools' in namespace argocd whatever the cluster, so one cluster each selector matches is enough (e.g. {environment=prod} and {environment=staging}): the two sets would overwrite each other's Application. Symbolic analysis: no cluster Secret in the repository shows such a cluster, but the selectors allow one."`,
    );
  });

  it('leaves to model/duplicate-application-name the pairs a cluster Secret of the repository already makes collide', () => {
    const secret = `#- clusters/prod-1.yaml
apiVersion: v1
kind: Secret
metadata:
  name: prod-1
  labels:
    argocd.argoproj.io/secret-type: cluster
    environment: prod
stringData:
  name: prod-1
  server: https://prod-1.example.com
`;
    const fixture = clusterSet('a', clustersWithLabels('environment: prod')) + clusterSet('b', clustersWithLabels('environment: prod')) + secret;
    expect(run(fixture)).toBe('');
  });
});

const GITOPS_BRIDGE = 'gitops-bridge-dev__gitops-bridge-argocd-control-plane-template';
const CORPUS = ['mitchross__talos-argocd-proxmox@981779b', 'argoproj__argocd-example-apps', 'vehagn__homelab', 'ricsanfre__pi-cluster@7ff5ad6', GITOPS_BRIDGE];

/** `file:line message`, one per finding, sorted. */
function findingLines(analysis: Analysis): string[] {
  const problems = possibleNameCollision.check({ index: analysis.index, model: analysis.model, graph: analysis.graph, config: analysis.config });
  return problems
    .map((item) => `${item.location.file}:${new LineIndex(analysis.index.text(item.location.file) ?? '').position(item.location.span.start).line + 1} ${item.message}`)
    .sort();
}

describe('appset/possible-name-collision on the corpus', () => {
  for (const name of CORPUS) {
    const folder = corpusRepository(name);
    it.skipIf(!folder)(`lists the findings on ${name}`, async () => {
      const lines = findingLines(await analyzeCorpusRepository(folder!));
      if (name !== GITOPS_BRIDGE) {
        expect(lines).toEqual([]);
        return;
      }
      // The argocd hub and ingress sets both render addon-{{.name}}-aws-argo-cd and a cluster labelled
      // enable_aws_argocd=true and enable_aws_argocd_ingress=true matches both; the two cert-manager sets share
      // addon-{{name}}-cert-manager but one requires aws_cluster_name to exist and the other to be absent.
      expect(lines).toMatchInlineSnapshot(`
        [
          "bootstrap/control-plane/addons/aws/addons-aws-oss-argocd-hub-appset.yaml:42 ApplicationSet addons-aws-argocd-hub and ApplicationSet addons-aws-argocd-ingress (bootstrap/control-plane/addons/aws/addons-aws-oss-argocd-ingress-appset.yaml) both render Application 'addon-⟨cluster⟩-aws-argo-cd' in namespace argocd for a cluster both select, e.g. one labelled {enable_aws_argocd=true, enable_aws_argocd_ingress=true}: the two sets would overwrite each other's Application. Symbolic analysis: no cluster Secret in the repository shows such a cluster, but the selectors allow one.",
          "bootstrap/control-plane/addons/aws/addons-aws-oss-argocd-ingress-appset.yaml:42 ApplicationSet addons-aws-argocd-ingress and ApplicationSet addons-aws-argocd-hub (bootstrap/control-plane/addons/aws/addons-aws-oss-argocd-hub-appset.yaml) both render Application 'addon-⟨cluster⟩-aws-argo-cd' in namespace argocd for a cluster both select, e.g. one labelled {enable_aws_argocd=true, enable_aws_argocd_ingress=true}: the two sets would overwrite each other's Application. Symbolic analysis: no cluster Secret in the repository shows such a cluster, but the selectors allow one.",
        ]
      `);
      expect(lines.some((line) => line.includes('cert-manager'))).toBe(false);
    }, 120_000);
  }
});
