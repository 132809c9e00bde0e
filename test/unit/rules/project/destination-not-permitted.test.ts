// project/destination-not-permitted: a destination, or a resource's namespace, outside the AppProject's destinations.
import { describe, expect, it } from 'vitest';
import { destinationNotPermitted } from '../../../../server/src/analysis/rules/project/destination-not-permitted';
import { runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { application, manifest, teamProject } from './projectFixtures';

const PROJECT = teamProject(`  sourceRepos: ['*']
  destinations:
    - server: https://kubernetes.default.svc
      namespace: team-*
    - name: prod
      namespace: '*'
`);

const CONFIG_MAP = (namespace: string) => `
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: ${namespace}
`;

describe('project/destination-not-permitted', () => {
  it('fires on a namespace outside the globs and on a resource sent to another namespace', () => {
    const apps =
      application('web', { namespace: 'kube-system' }) + application('api') + manifest('api', 'settings.yaml', CONFIG_MAP('monitoring'));
    const { files, problems } = runCheck(destinationNotPermitted, PROJECT + apps);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/web.yaml:13:16 project/destination-not-permitted Argo CD refuses web: destination server 'https://kubernetes.default.svc', namespace 'kube-system' matches none of the destinations of project 'team'.
        |     namespace: kube-system
        |                ^^^^^^^^^^^
      deploy/api/settings.yaml:5:14 project/destination-not-permitted ConfigMap settings goes to namespace 'monitoring', which matches none of the destinations of project 'team' (server 'https://kubernetes.default.svc'): the sync of api fails ("namespace monitoring is not permitted in project 'team'").
        |   namespace: monitoring
        |              ^^^^^^^^^^"
    `);
    expect(problems.map((item) => item.severityCap)).toEqual([undefined, undefined]);
  });

  it('stays silent on permitted destinations (the in-cluster name resolves to its server)', () => {
    const apps =
      application('web') +
      application('api', { clusterName: 'in-cluster', namespace: 'team-b' }) +
      manifest('api', 'settings.yaml', CONFIG_MAP('team-c'));
    expect(runCheck(destinationNotPermitted, PROJECT + apps).problems).toEqual([]);
  });

  it('is only a warning for a cluster the repository does not declare', () => {
    const { problems } = runCheck(destinationNotPermitted, PROJECT + application('web', { server: 'https://staging.example.com', namespace: 'apps' }));
    expect(problems.map((item) => item.severityCap)).toEqual(['warning']);
  });
});
