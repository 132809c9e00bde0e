// waves/wave-orders-nothing: sync-waves in ApplicationSet templates and on roots, which no sync reads.
import { describe, expect, it } from 'vitest';
import { waveOrdersNothing } from '../../../../server/src/analysis/rules/waves/wave-orders-nothing';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { changedFiles, changedLines, directorySet, rootApplication, toFixture } from './waveFixtures';

const FOLDERS = '#- monitoring/loki/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loki\n#- monitoring/prometheus/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: prometheus\n';

const FIRES =
  rootApplication('  annotations:\n    argocd.argoproj.io/sync-wave: "-1" # applied by hand\n') +
  directorySet('monitoring', 5, '', '      annotations:\n        # Prometheus first, then Loki.\n        argocd.argoproj.io/sync-wave: "5"\n        team: observability\n') +
  FOLDERS;

describe('waves/wave-orders-nothing', () => {
  it('fires on the set template (naming the generated Applications) and on the root', () => {
    const { files, problems } = runCheck(waveOrdersNothing, FIRES);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/monitoring.yaml:20:39 waves/wave-orders-nothing sync-wave "5" in the template of ApplicationSet monitoring is copied onto the Applications it generates (monitoring-loki, monitoring-prometheus), but nothing orders them: the ApplicationSet controller ignores sync waves (it creates Applications in name order), and no sync applies generated Applications as resources (argo-cd #17639, #18268). To order generated Applications, use Progressive Syncs (RollingSync).
        |         argocd.argoproj.io/sync-wave: "5"
        |                                       ^^^
      bootstrap/root.yaml:7:35 waves/wave-orders-nothing sync-wave "-1" on Application root orders nothing: no Application of this repository creates it (a root), so no sync applies it in waves.
        |     argocd.argoproj.io/sync-wave: "-1" # applied by hand
        |                                   ^^^^"
    `);
    expect(problems.map((item) => item.fixes?.map((fix) => `${fix.title}${fix.preferred ? ' (preferred)' : ''}`))).toMatchInlineSnapshot(`
      [
        [
          "Remove the sync-wave annotation",
        ],
        [
          "Remove the sync-wave annotation",
        ],
      ]
    `);
  });

  it('the remove fix deletes only the annotation line and silences the finding', () => {
    const { files, problems } = runCheck(waveOrdersNothing, FIRES);
    expect(problems).toHaveLength(2);
    for (const found of problems) {
      const fixed = applyFix(files, found.fixes![0]!);
      expect(changedFiles(files, fixed)).toEqual([found.location.file]);
      const { removed, added } = changedLines(files[found.location.file]!, fixed[found.location.file]!);
      expect(added).toEqual([]);
      // The template keeps its other annotation; the root's emptied `annotations:` goes with the wave.
      expect(removed.filter((line) => !/^\s*annotations:$/.test(line))).toEqual([expect.stringContaining('argocd.argoproj.io/sync-wave')]);
      expect(runCheck(waveOrdersNothing, toFixture(fixed)).problems).toHaveLength(1);
    }
  });

  it('stays silent on waves a parent sync orders (the set itself, child Applications) and on templates without one', () => {
    const ok = rootApplication() + directorySet('monitoring', 5) + FOLDERS;
    expect(runCheck(waveOrdersNothing, ok).problems).toEqual([]);
  });
});
