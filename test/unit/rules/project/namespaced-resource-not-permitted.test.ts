// project/namespaced-resource-not-permitted: namespaced kinds the AppProject's namespace resource lists refuse.
import { describe, expect, it } from 'vitest';
import { namespacedResourceNotPermitted } from '../../../../server/src/analysis/rules/project/namespaced-resource-not-permitted';
import { runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { application, manifest, teamProject } from './projectFixtures';

const RESOURCES = manifest(
  'web',
  'app.yaml',
  `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
---
apiVersion: v1
kind: Service
metadata:
  name: web
---
apiVersion: v1
kind: Secret
metadata:
  name: token
`,
);

function project(lists: string): string {
  return teamProject(`  sourceRepos: ['*']\n  destinations:\n    - server: '*'\n      namespace: '*'\n${lists}`);
}

describe('project/namespaced-resource-not-permitted', () => {
  it('fires on kinds the whitelist omits and kinds the blacklist names', () => {
    const lists = `  namespaceResourceWhitelist:
    - group: apps
      kind: Deploy*
    - group: ''
      kind: Secret
  namespaceResourceBlacklist:
    - group: '*'
      kind: Secret
`;
    const { files, problems } = runCheck(namespacedResourceNotPermitted, project(lists) + application('web') + RESOURCES);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "deploy/web/app.yaml:7:1 project/namespaced-resource-not-permitted Service web is not permitted in project 'team' (namespaceResourceWhitelist does not list it): Argo CD refuses to sync it ("resource :Service is not permitted in project team") in web.
        | kind: Service
        | ^^^^
      deploy/web/app.yaml:12:1 project/namespaced-resource-not-permitted Secret token is not permitted in project 'team' (namespaceResourceBlacklist names it): Argo CD refuses to sync it ("resource :Secret is not permitted in project team") in web.
        | kind: Secret
        | ^^^^"
    `);
  });

  it('caps a refusal by a present-but-empty whitelist at warning (code-derived)', () => {
    const { problems } = runCheck(namespacedResourceNotPermitted, project('  namespaceResourceWhitelist: []\n') + application('web') + RESOURCES);
    expect(problems.map((item) => item.severityCap)).toEqual(['warning', 'warning', 'warning']);
  });

  it('stays silent without namespaced lists', () => {
    expect(runCheck(namespacedResourceNotPermitted, project('') + application('web') + RESOURCES).problems).toEqual([]);
  });
});
