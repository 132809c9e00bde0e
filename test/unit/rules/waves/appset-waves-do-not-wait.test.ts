// waves/appset-waves-do-not-wait: later waves after an ApplicationSet wait for generation only, not health.
import { describe, expect, it } from 'vitest';
import { appsetWavesDoNotWait } from '../../../../server/src/analysis/rules/waves/appset-waves-do-not-wait';
import { analyze } from '../../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../../server/src/analysis/snapshot';
import { runCheck } from '../../../support/checkContext';
import { parseFixture, renderProblems } from '../../../support/fixture';
import { childApplication, directorySet, rootApplication } from './waveFixtures';
import { nodesInSyncOrder } from '../../../../server/src/analysis/model/syncOrder';

const FOLDERS = ['infrastructure/cert-manager', 'infrastructure/gateway', 'monitoring/loki', 'my-apps/jellyfin']
  .map((folder) => `#- ${folder}/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${folder.split('/')[1]}\n`)
  .join('');

const SETS = directorySet('infrastructure', 4) + directorySet('monitoring', 5) + directorySet('my-apps', 6) + FOLDERS;

describe('waves/appset-waves-do-not-wait', () => {
  it('fires on each set followed by later waves, naming them', () => {
    const { files, problems } = runCheck(appsetWavesDoNotWait, rootApplication() + SETS + childApplication('late', '    argocd.argoproj.io/sync-wave: "6"'));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/infrastructure.yaml:7:35 waves/appset-waves-do-not-wait ApplicationSet infrastructure is in wave 4 of root's sync, but later waves do not wait for its Applications to be healthy: its built-in health check turns Healthy as soon as it has generated them ("All applications have been generated successfully"). Wave 5 (ApplicationSet monitoring) and wave 6 (Application late, ApplicationSet my-apps) start once infrastructure's 2 Applications exist, healthy or not.
        |     argocd.argoproj.io/sync-wave: "4"
        |                                   ^^^
      apps/monitoring.yaml:7:35 waves/appset-waves-do-not-wait ApplicationSet monitoring is in wave 5 of root's sync, but later waves do not wait for its Applications to be healthy: its built-in health check turns Healthy as soon as it has generated them ("All applications have been generated successfully"). Wave 6 (Application late, ApplicationSet my-apps) starts once monitoring's Application exists, healthy or not.
        |     argocd.argoproj.io/sync-wave: "5"
        |                                   ^^^"
    `);
    expect(problems.map((item) => item.related?.map((related) => related.message))).toMatchInlineSnapshot(`
      [
        [
          "ApplicationSet monitoring (wave 5) does not wait for infrastructure's Applications",
          "Application late (wave 6) does not wait for infrastructure's Applications",
          "ApplicationSet my-apps (wave 6) does not wait for infrastructure's Applications",
        ],
        [
          "Application late (wave 6) does not wait for monitoring's Applications",
          "ApplicationSet my-apps (wave 6) does not wait for monitoring's Applications",
        ],
      ]
    `);
  });

  it('stays silent for a set in the last wave, a RollingSync set, and when the repository overrides the ApplicationSet health check', () => {
    const last = rootApplication() + childApplication('first', '    argocd.argoproj.io/sync-wave: "0"') + directorySet('my-apps', 6) + FOLDERS;
    expect(runCheck(appsetWavesDoNotWait, last).problems).toEqual([]);
    const rolling = rootApplication() + directorySet('infrastructure', 4, '  strategy:\n    type: RollingSync\n') + directorySet('my-apps', 6) + FOLDERS;
    expect(runCheck(appsetWavesDoNotWait, rolling).problems).toEqual([]);
    const customHealth =
      rootApplication() +
      SETS +
      '#- argocd/argocd-cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\n  namespace: argocd\ndata:\n  resource.customizations.health.argoproj.io_ApplicationSet: |\n    hs = {}\n    return hs\n';
    expect(runCheck(appsetWavesDoNotWait, customHealth).problems).toEqual([]);
    // The same argocd-cm without the ApplicationSet override changes nothing.
    expect(runCheck(appsetWavesDoNotWait, customHealth.replace('argoproj.io_ApplicationSet', 'argoproj.io_Other')).problems).toHaveLength(2);
  });

  it('follows edits of a sibling, a resource and the set itself when earlier judgements are kept (language server)', () => {
    const texts = parseFixture(rootApplication() + SETS + childApplication('late', '    argocd.argoproj.io/sync-wave: "6"') + childApplication('first', '    argocd.argoproj.io/sync-wave: "1"'));
    const memo = new AnalysisMemo();
    const messages = (files: Record<string, string>, withMemo: boolean): string[] =>
      analyze(snapshotFromTexts(files), withMemo ? { memo } : {})
        .findings.filter((finding) => finding.ruleId === appsetWavesDoNotWait.id)
        .map((finding) => `${finding.location.file}:${finding.location.span.start} ${finding.message} | ${(finding.related ?? []).map((related) => `${related.location.file}:${related.location.span.start}`).join(' ')}`);
    const edits: Record<string, string>[] = [
      {},
      // A sibling moves before every set: it leaves the later waves.
      { 'apps/late.yaml': (texts['apps/late.yaml'] ?? '').replace('sync-wave: "6"', 'sync-wave: "1"') },
      // A comment above the set's wave moves the finding's place.
      { 'apps/monitoring.yaml': `# moved\n${texts['apps/monitoring.yaml'] ?? ''}` },
      // The sibling moves back after the sets.
      { 'apps/late.yaml': (texts['apps/late.yaml'] ?? '').replace('sync-wave: "6"', 'sync-wave: "7"') },
    ];
    let files = { ...texts };
    const seen = new Set<string>();
    for (const edit of edits) {
      files = { ...files, ...edit };
      const found = messages(files, true);
      expect(found).toEqual(messages(files, false));
      seen.add(found.join('\n'));
    }
    // Each edit changed what the check says.
    expect(seen.size).toBe(edits.length);
    // A comment above a later sibling moves the related place (its object is read); above an earlier one, nothing.
    const commentEdits: Record<string, string>[] = [{ 'apps/late.yaml': `# moved\n${files['apps/late.yaml'] ?? ''}` }, { 'apps/first.yaml': `# moved\n${files['apps/first.yaml'] ?? ''}` }];
    for (const edit of commentEdits) {
      const before = messages(files, false);
      files = { ...files, ...edit };
      const found = messages(files, true);
      expect(found).toEqual(messages(files, false));
      expect(found.join('\n') !== before.join('\n')).toBe('apps/late.yaml' in edit);
    }
  });

  it('keeps each judgement when siblings in earlier waves swap places (a wave edit that reorders the children)', () => {
    const texts = parseFixture(
      rootApplication() + SETS + childApplication('first', '    argocd.argoproj.io/sync-wave: "1"') + childApplication('second', '    argocd.argoproj.io/sync-wave: "2"'),
    );
    const memo = new AnalysisMemo();
    const before = appsetWavesDoNotWait.check(analyze(snapshotFromTexts(texts), { memo }));
    expect(before.length).toBeGreaterThan(0);
    // first moves from wave 1 to wave 3: after second, still before every set.
    const edited = { ...texts, 'apps/first.yaml': (texts['apps/first.yaml'] ?? '').replace('sync-wave: "1"', 'sync-wave: "3"') };
    const analysis = analyze(snapshotFromTexts(edited), { memo });
    const inSyncOrder = nodesInSyncOrder(analysis.model).map((node) => node.name);
    expect(inSyncOrder.indexOf('first')).toBeGreaterThan(inSyncOrder.indexOf('second'));
    const after = appsetWavesDoNotWait.check(analysis);
    expect(after.every((item, position) => item === before[position])).toBe(true);
    expect(after.map((item) => item.message)).toEqual(appsetWavesDoNotWait.check(analyze(snapshotFromTexts(edited))).map((item) => item.message));
  });
});
