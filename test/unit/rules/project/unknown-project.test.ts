// project/unknown-project: spec.project names an AppProject the repository does not define.
import { describe, expect, it } from 'vitest';
import { unknownProject } from '../../../../server/src/analysis/rules/project/unknown-project';
import { runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { application, teamProject } from './projectFixtures';

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

  it('stays silent on a defined project and on default', () => {
    expect(runCheck(unknownProject, OPEN_PROJECT + application('web') + application('api', { project: 'default' })).problems).toEqual([]);
  });
});
