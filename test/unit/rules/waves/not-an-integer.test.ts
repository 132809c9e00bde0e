// waves/not-an-integer: sync-wave values Go's strconv.Atoi rejects, with the nearest-integer fixes.
import { describe, expect, it } from 'vitest';
import { notAnInteger } from '../../../../server/src/analysis/rules/waves/not-an-integer';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { changedFiles, changedLines, childApplication, configMap, rootApplication, toFixture } from './waveFixtures';

const FIRES =
  rootApplication() +
  childApplication('reloader', '    argocd.argoproj.io/sync-wave: "1.5" # between 1 and 2') +
  childApplication('volsync', '    argocd.argoproj.io/sync-wave: " 5"') +
  configMap('workloads/reloader/settings.yaml', 'settings', '    argocd.argoproj.io/sync-wave: five\n    helm.sh/hook-weight: "3"') +
  configMap('workloads/volsync/empty.yaml', 'empty', '    argocd.argoproj.io/sync-wave: ""');

describe('waves/not-an-integer', () => {
  it('fires on decimals, padded integers, words and empty values, saying the wave Argo CD uses', () => {
    const { files, problems } = runCheck(notAnInteger, FIRES);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/reloader.yaml:7:35 waves/not-an-integer sync-wave "1.5" of Application reloader is not an integer: Argo CD parses waves with Go's strconv.Atoi, silently drops this value and puts it in wave 0, the default.
        |     argocd.argoproj.io/sync-wave: "1.5" # between 1 and 2
        |                                   ^^^^^
      apps/volsync.yaml:7:35 waves/not-an-integer sync-wave " 5" of Application volsync is not an integer: Argo CD parses waves with Go's strconv.Atoi, silently drops this value and puts it in wave 0, the default.
        |     argocd.argoproj.io/sync-wave: " 5"
        |                                   ^^^^
      workloads/reloader/settings.yaml:6:35 waves/not-an-integer sync-wave "five" of ConfigMap settings is not an integer: Argo CD parses waves with Go's strconv.Atoi, silently drops this value and uses wave 3 from its helm.sh/hook-weight annotation.
        |     argocd.argoproj.io/sync-wave: five
        |                                   ^^^^
      workloads/volsync/empty.yaml:6:35 waves/not-an-integer sync-wave "" of ConfigMap empty is not an integer: Argo CD parses waves with Go's strconv.Atoi, silently drops this value and puts it in wave 0, the default.
        |     argocd.argoproj.io/sync-wave: ""
        |                                   ^^"
    `);
    expect(problems.map((item) => (item.fixes ?? []).map((fix) => `${fix.title}${fix.preferred ? ' (preferred)' : ''}`))).toMatchInlineSnapshot(`
      [
        [
          "Use sync wave 1",
          "Use sync wave 2",
        ],
        [],
        [
          "Use sync wave 5 (preferred)",
        ],
        [],
      ]
    `);
  });

  it('each fix leaves an integer the check accepts and changes only the annotation line', () => {
    const { files, problems } = runCheck(notAnInteger, FIRES);
    let applied = 0;
    for (const found of problems) {
      for (const fix of found.fixes ?? []) {
        applied += 1;
        const fixed = applyFix(files, fix);
        expect(changedFiles(files, fixed)).toEqual([found.location.file]);
        const { removed, added } = changedLines(files[found.location.file]!, fixed[found.location.file]!);
        expect(removed).toHaveLength(1);
        expect(added).toEqual([removed[0]!.replace(/"[^"]*"/, `"${/wave (-?\d+)/.exec(fix.title)![1]}"`)]);
        const again = runCheck(notAnInteger, toFixture(fixed)).problems;
        expect(again.map((item) => item.location.file)).not.toContain(found.location.file);
      }
    }
    expect(applied).toBe(3);
  });

  it('stays silent on integers Atoi accepts ("-5", "+3", "007") and on roots, whose waves order nothing', () => {
    const ok =
      rootApplication('  annotations:\n    argocd.argoproj.io/sync-wave: "1.5"\n') +
      childApplication('a', '    argocd.argoproj.io/sync-wave: "-5"') +
      childApplication('b', '    argocd.argoproj.io/sync-wave: "+3"') +
      configMap('workloads/a/c.yaml', 'c', '    argocd.argoproj.io/sync-wave: "007"');
    expect(runCheck(notAnInteger, ok).problems).toEqual([]);
  });
});
