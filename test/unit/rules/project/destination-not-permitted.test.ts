// project/destination-not-permitted: a destination, or a resource's namespace, outside the AppProject's destinations.
import { describe, expect, it } from 'vitest';
import { destinationNotPermitted } from '../../../../server/src/analysis/rules/project/destination-not-permitted';
import { analyze } from '../../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../../server/src/analysis/snapshot';
import { runCheck } from '../../../support/checkContext';
import { parseFixture, renderProblems } from '../../../support/fixture';
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

  it("reads the AppProject's file only for a problem: a comment there touches no permitted Application's kept judgements", () => {
    const texts = parseFixture(PROJECT + application('api') + application('web'));
    const memo = new AnalysisMemo();
    const base = snapshotFromTexts(texts);
    analyze(base, { memo });
    const commented = snapshotFromTexts({ ...texts, 'projects/team.yaml': `# reviewed\n${texts['projects/team.yaml']}` });
    const after = analyze(commented, { memo });
    expect(after.findings.filter((finding) => finding.ruleId.startsWith('project/'))).toEqual([]);
    expect([...(memo.checkTracker.touchedIds() ?? ['(not trusting)'])]).toEqual([]);
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
