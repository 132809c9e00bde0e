// waves/unquoted-value: non-string annotation values, which hide all of an object's annotations from Argo CD.
import { describe, expect, it } from 'vitest';
import { unquotedValue } from '../../../../server/src/analysis/rules/waves/unquoted-value';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { changedFiles, changedLines, childApplication, configMap, directorySet, rootApplication, toFixture } from './waveFixtures';

const FIRES =
  rootApplication() +
  childApplication('external-secrets', '    argocd.argoproj.io/sync-wave: 0 # boot first') +
  configMap('workloads/external-secrets/store.yaml', 'store', '    argocd.argoproj.io/sync-options: true\n    argocd.argoproj.io/sync-wave: "1"') +
  configMap('workloads/external-secrets/empty.yaml', 'empty', '    argocd.argoproj.io/sync-wave:') +
  directorySet('tools', 2, '', '      annotations:\n        notifications.argoproj.io/subscribe.on-sync-failed.slack: 1.50\n') +
  '#- tools/one/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n';

describe('waves/unquoted-value', () => {
  it('fires on every non-string annotation value, on resources, Applications and set templates', () => {
    const { files, problems } = runCheck(unquotedValue, FIRES);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/external-secrets.yaml:7:35 waves/unquoted-value Annotation argocd.argoproj.io/sync-wave of Application external-secrets is the number 0, not a string: the API server rejects the object ("cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string"), and Argo CD ignores all of this object's annotations (code-derived), including this wave.
        |     argocd.argoproj.io/sync-wave: 0 # boot first
        |                                   ^
      apps/tools.yaml:19:67 waves/unquoted-value Annotation notifications.argoproj.io/subscribe.on-sync-failed.slack of the template of ApplicationSet tools is the number 1.5, not a string: the API server rejects the object ("cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string"), and Argo CD ignores all of this object's annotations (code-derived), so its sync-wave, hook and sync-options are lost too.
        |         notifications.argoproj.io/subscribe.on-sync-failed.slack: 1.50
        |                                                                   ^^^^
      workloads/external-secrets/empty.yaml:6:5 waves/unquoted-value Annotation argocd.argoproj.io/sync-wave of ConfigMap empty is empty (null), not a string: Argo CD ignores all of this object's annotations (code-derived), including this wave.
        |     argocd.argoproj.io/sync-wave:
        |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      workloads/external-secrets/store.yaml:6:38 waves/unquoted-value Annotation argocd.argoproj.io/sync-options of ConfigMap store is the boolean true, not a string: the API server rejects the object ("cannot unmarshal bool into Go struct field ObjectMeta.metadata.annotations of type string"), and Argo CD ignores all of this object's annotations (code-derived), so its sync-wave, hook and sync-options are lost too.
        |     argocd.argoproj.io/sync-options: true
        |                                      ^^^^"
    `);
    expect(problems.map((item) => [item.severityCap, item.fixes?.map((fix) => `${fix.title}${fix.preferred ? ' (preferred)' : ''}`)])).toMatchInlineSnapshot(`
      [
        [
          undefined,
          [
            "Quote the value: "0" (preferred)",
          ],
        ],
        [
          "warning",
          [
            "Write an empty string: "" (preferred)",
          ],
        ],
        [
          undefined,
          [
            "Quote the value: "true" (preferred)",
          ],
        ],
        [
          undefined,
          [
            "Quote the value: "1.50" (preferred)",
          ],
        ],
      ]
    `);
  });

  it('each fix makes the value a string, keeps the comment and changes only that line', () => {
    const { files, problems } = runCheck(unquotedValue, FIRES);
    let applied = 0;
    for (const found of problems) {
      const fix = found.fixes?.[0];
      if (!fix) continue;
      applied += 1;
      const fixed = applyFix(files, fix);
      expect(changedFiles(files, fixed)).toEqual([found.location.file]);
      const { removed, added } = changedLines(files[found.location.file]!, fixed[found.location.file]!);
      expect(removed).toHaveLength(1);
      expect(added).toHaveLength(1);
      expect(added[0]!.replace(/ "(.*?)"/, ' $1').trimEnd()).toBe(removed[0]!.trimEnd());
      const again = runCheck(unquotedValue, toFixture(fixed)).problems;
      expect(again).toHaveLength(problems.length - 1);
    }
    expect(applied).toBe(problems.length);
  });

  it('stays silent when every annotation value is a string', () => {
    const ok = rootApplication() + childApplication('a', '    argocd.argoproj.io/sync-wave: "0"\n    other: "true"') + configMap('workloads/a/c.yaml', 'c', "    argocd.argoproj.io/sync-options: 'Prune=false'");
    expect(runCheck(unquotedValue, ok).problems).toEqual([]);
  });
});
