// project/cluster-resource-not-permitted: cluster-scoped kinds the AppProject's clusterResourceWhitelist does not allow.
import { describe, expect, it } from 'vitest';
import { clusterResourceNotPermitted } from '../../../../server/src/analysis/rules/project/cluster-resource-not-permitted';
import { runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { application, manifest, teamProject } from './projectFixtures';

const NAMESPACE_ONLY = teamProject(`  sourceRepos: ['*']
  destinations:
    - server: '*'
      namespace: '*'
  clusterResourceWhitelist:
    - group: ''
      kind: Namespace
`);

const RESOURCES = manifest(
  'web',
  'cluster.yaml',
  `
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
---
apiVersion: example.com/v1
kind: Tenant
metadata:
  name: acme
---
apiVersion: other.example.com/v1
kind: Mystery
metadata:
  name: unknown-scope
`,
) +
  manifest(
    'crds',
    'tenants.yaml',
    `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: tenants.example.com
spec:
  group: example.com
  scope: Cluster
  names:
    kind: Tenant
    plural: tenants
`,
  );

describe('project/cluster-resource-not-permitted', () => {
  it('fires on built-in and repository-defined cluster-scoped kinds the whitelist omits; unknown kinds are not judged', () => {
    const { files, problems } = runCheck(clusterResourceNotPermitted, NAMESPACE_ONLY + application('web') + RESOURCES);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "deploy/web/cluster.yaml:7:1 project/cluster-resource-not-permitted ClusterRole reader is not permitted in project 'team' (clusterResourceWhitelist does not list it): Argo CD refuses to sync it ("resource rbac.authorization.k8s.io:ClusterRole is not permitted in project team") in web.
        | kind: ClusterRole
        | ^^^^
      deploy/web/cluster.yaml:12:1 project/cluster-resource-not-permitted Tenant acme is not permitted in project 'team' (clusterResourceWhitelist does not list it): Argo CD refuses to sync it ("resource example.com:Tenant is not permitted in project team") in web.
        | kind: Tenant
        | ^^^^"
    `);
  });

  it('treats a missing whitelist as allowing no cluster-scoped kind', () => {
    const noWhitelist = teamProject(`  sourceRepos: ['*']\n  destinations:\n    - server: '*'\n      namespace: '*'\n`);
    const { problems } = runCheck(clusterResourceNotPermitted, noWhitelist + application('web') + RESOURCES);
    expect(problems.map((item) => item.message.split(' is not permitted')[0])).toEqual(['Namespace team-a', 'ClusterRole reader', 'Tenant acme']);
    expect(problems[0]?.message).toContain('the project has no clusterResourceWhitelist, which allows no cluster-scoped kind');
  });

  it('stays silent when the whitelist allows what the apps create (a Namespace-only project whose apps create none)', () => {
    const namespaced = manifest('web', 'config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n');
    expect(runCheck(clusterResourceNotPermitted, NAMESPACE_ONLY + application('web') + namespaced).problems).toEqual([]);
    const everything = teamProject(`  sourceRepos: ['*']\n  clusterResourceWhitelist:\n    - group: '*'\n      kind: '*'\n`);
    expect(runCheck(clusterResourceNotPermitted, everything + application('web') + RESOURCES).problems).toEqual([]);
  });
});
