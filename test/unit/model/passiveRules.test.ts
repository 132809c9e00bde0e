// Fixture tests for rules reported while the model is built: each fires on one repository and stays silent on another.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/analysis/analyze';
import { fixtureSnapshot, parseFixture, renderProblems } from '../../support/fixture';

const REPO = 'https://github.com/example/lab.git';

function findingsOf(text: string, ruleId: string): string {
  const analysis = analyze(fixtureSnapshot(text));
  return renderProblems(analysis.findings.filter((finding) => finding.ruleId === ruleId), parseFixture(text));
}

const appAt = (path: string): string => `
#- root.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: root
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: ${path}
  destination:
    server: https://kubernetes.default.svc
    namespace: argocd
#- apps/cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
`;

describe('model/source-path-not-found', () => {
  it('fires on a path of this repository that does not exist', () => {
    expect(findingsOf(appAt('aps') + '#- .gitops-waves.yaml\nrepoURL: ' + REPO + '\n', 'model/source-path-not-found')).toMatchInlineSnapshot(`
      "root.yaml:9:11 model/source-path-not-found Source path 'aps' does not exist in this repository.
        |     path: aps
        |           ^^^"
    `);
  });

  it('stays silent when the path exists, or when the source is another repository', () => {
    expect(findingsOf(appAt('apps'), 'model/source-path-not-found')).toBe('');
    const external = appAt('aps').replace(`repoURL: ${REPO}`, 'repoURL: https://github.com/example/other.git') + '#- .gitops-waves.yaml\nrepoURL: ' + REPO + '\n';
    expect(findingsOf(external, 'model/source-path-not-found')).toBe('');
  });
});

describe('model/invalid-config', () => {
  it('fires on entries of .gitops-waves.yaml it cannot use', () => {
    const text = `
#- .gitops-waves.yaml
repoURL: [not, a, string]
rules:
  model/duplicate-application-name: loud
`;
    expect(findingsOf(text, 'model/invalid-config')).toMatchInlineSnapshot(`
      ".gitops-waves.yaml:1:10 model/invalid-config \`repoURL\` must be a string.
        | repoURL: [not, a, string]
        |          ^^^^^^^^^^^^^^^^
      .gitops-waves.yaml:3:37 model/invalid-config Severity of model/duplicate-application-name must be one of error, warning, info, hint, off.
        |   model/duplicate-application-name: loud
        |                                     ^^^^"
    `);
  });

  it('stays silent on a valid config, and applies its severities', () => {
    const text = `${appAt('aps')}
#- .gitops-waves.yaml
repoURL: ${REPO}
rules:
  model/source-path-not-found: off
`;
    expect(findingsOf(text, 'model/invalid-config')).toBe('');
    expect(findingsOf(text, 'model/source-path-not-found')).toBe('');
  });
});

describe('appset/unsupported-template-function', () => {
  const set = (expression: string): string => `
#- set.yaml
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: certs
spec:
  goTemplate: true
  generators:
    - list:
        elements:
          - name: a
  template:
    metadata:
      name: '${expression}'
    spec:
      project: default
      source: { repoURL: ${REPO}, path: apps }
      destination: { namespace: x }
`;

  it('fires on a Sprig function the offline engine does not evaluate', () => {
    expect(findingsOf(set('{{ (genCA .name 365).Cert }}'), 'appset/unsupported-template-function')).toContain('genCA');
  });

  it('stays silent on supported functions', () => {
    expect(findingsOf(set('{{ .name | upper }}'), 'appset/unsupported-template-function')).toBe('');
  });
});
