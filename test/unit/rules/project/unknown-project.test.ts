// project/unknown-project: spec.project names an AppProject the repository does not define.
import { describe, expect, it } from 'vitest';
import { unknownProject } from '../../../../server/src/analysis/rules/project/unknown-project';
import { runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { application, REPO, teamProject } from './projectFixtures';

const OPEN_PROJECT = teamProject(`  sourceRepos: ['*']\n  destinations:\n    - server: '*'\n      namespace: '*'\n`);

describe('project/unknown-project', () => {
  it('fires on a project that is neither defined here nor default', () => {
    const { files, problems } = runCheck(unknownProject, OPEN_PROJECT + application('web', { project: 'platform' }));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/web.yaml:7:12 project/unknown-project AppProject 'platform' (used by web) is not defined in this repository. Unless it is created elsewhere (by hand, by a Helm chart, from another repository), Argo CD refuses the Application: "Application referencing project platform which does not exist".
        |   project: platform
        |            ^^^^^^^^"
    `);
  });

  it('stays silent on a project declared in the values of the argocd-apps chart, beside the Applications using it', () => {
    const fixture = `#- bootstrap/root.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: root
  namespace: argocd
spec:
  project: default
  sources:
    - repoURL: https://argoproj.github.io/argo-helm
      chart: argocd-apps
      targetRevision: 2.0.2
      helm:
        valueFiles: [$values/bootstrap/values.yaml]
    - repoURL: ${REPO}
      targetRevision: main
      ref: values
  destination: {server: https://kubernetes.default.svc, namespace: argocd}
#- bootstrap/values.yaml
projects:
  platform:
    namespace: argocd
    sourceRepos: ['*']
    destinations: [{server: '*', namespace: '*'}]
applications:
  web:
    namespace: argocd
    project: platform
    source: {repoURL: ${REPO}, path: deploy/web}
    destination: {server: https://kubernetes.default.svc, namespace: web}
#- deploy/web/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: web}
`;
    const { problems } = runCheck(unknownProject, fixture);
    expect(problems).toEqual([]);
    // The same values without the project: the Application's project is unknown again.
    const withoutProject = runCheck(unknownProject, fixture.replace(/projects:\n(?: {2}.*\n)+/, ''));
    expect(withoutProject.problems.map((item) => item.message.slice(0, 60))).toEqual(["AppProject 'platform' (used by web) is not defined in this r"]);
  });

  it('stays silent on a defined project and on default', () => {
    expect(runCheck(unknownProject, OPEN_PROJECT + application('web') + application('api', { project: 'default' })).problems).toEqual([]);
  });
});
