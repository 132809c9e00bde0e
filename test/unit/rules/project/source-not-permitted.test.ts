// project/source-not-permitted: a source repoURL that the AppProject's sourceRepos do not allow.
import { describe, expect, it } from 'vitest';
import { sourceNotPermitted } from '../../../../server/src/analysis/rules/project/source-not-permitted';
import { runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { application, teamProject } from './projectFixtures';

const PROJECT = teamProject(`  sourceRepos:
    - https://github.com/example/*
    - '!https://github.com/example/secrets'
  destinations:
    - server: '*'
      namespace: '*'
`);

const ALLOW_ONLY = teamProject(`  sourceRepos:
    - https://github.com/example/*
`);

describe('project/source-not-permitted', () => {
  it('fires on a repository outside the globs', () => {
    const { files, problems } = runCheck(sourceNotPermitted, ALLOW_ONLY + application('web', { repoURL: 'https://github.com/elsewhere/charts.git' }));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/web.yaml:9:14 project/source-not-permitted Argo CD refuses web: "application repo https://github.com/elsewhere/charts.git is not permitted in project 'team'"; no pattern of sourceRepos ('https://github.com/example/*') matches it.
        |     repoURL: https://github.com/elsewhere/charts.git
        |              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    `);
    expect(problems.map((item) => item.severityCap)).toEqual([undefined]);
  });

  it('fires on a denied repository; a deny that does not name a URL permits it (code-derived, unlike the docs)', () => {
    const { files, problems } = runCheck(
      sourceNotPermitted,
      PROJECT + application('web', { repoURL: 'https://github.com/elsewhere/charts.git' }) + application('vault', { repoURL: 'https://github.com/example/secrets.git' }),
    );
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/vault.yaml:9:14 project/source-not-permitted Argo CD refuses vault: "application repo https://github.com/example/secrets.git is not permitted in project 'team'"; the deny pattern '!https://github.com/example/secrets' rejects it.
        |     repoURL: https://github.com/example/secrets.git
        |              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    `);
  });

  it('stays silent on permitted repositories, whatever their spelling', () => {
    const apps = application('web') + application('api', { repoURL: 'https://GitHub.com/example/API' });
    expect(runCheck(sourceNotPermitted, ALLOW_ONLY + apps).problems).toEqual([]);
  });

  it('is only a warning when the project is defined twice (which one Argo CD gets is not known)', () => {
    const twice = ALLOW_ONLY + teamProject(`  sourceRepos:\n    - https://github.com/example/lab\n`, 'projects/team-copy.yaml');
    const { problems } = runCheck(sourceNotPermitted, twice + application('web', { repoURL: 'https://github.com/elsewhere/charts.git' }));
    expect(problems.map((item) => item.severityCap)).toEqual(['warning']);
  });
});
