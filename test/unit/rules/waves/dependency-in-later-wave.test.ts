// waves/dependency-in-later-wave: an Application needs what another provides in a later wave of the same sync.
import { describe, expect, it } from 'vitest';
import { dependencyInLaterWave } from '../../../../server/src/analysis/rules/waves/dependency-in-later-wave';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { child, labRoot, widget, widgetCrd } from '../deps/dependencyFixtures';
import { changedFiles, changedLines, toFixture } from './waveFixtures';

/** widgets installs the Widget CRD; shop deploys a Widget; gadgets deploys one too and is already after widgets. */
function lab(shopWave: number, widgetsWave: number): string {
  return (
    labRoot() +
    child('widgets', { wave: widgetsWave }) +
    widgetCrd('widgets') +
    child('shop', { wave: shopWave }) +
    widget('shop', 'storefront') +
    child('gadgets', { wave: 5 }) +
    widget('gadgets', 'gizmo')
  );
}

describe('waves/dependency-in-later-wave', () => {
  it('fires when the provider is in a later wave of the same sync, pointing at the kind of the custom resource', () => {
    const { files, problems } = runCheck(dependencyInLaterWave, lab(1, 2));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "infra/shop/widget.yaml:2:7 waves/dependency-in-later-wave shop (wave 1) needs widgets (wave 2): Widget storefront uses CRD widgets.widgets.example.com. Argo CD applies shop first, before widgets exists. widgets comes after shop: in root's sync, widgets (wave 2) is in a later wave than shop (wave 1). Wave 1 waits until shop is Healthy: if shop cannot become Healthy without widgets, the sync stops there.
        | kind: Widget
        |       ^^^^^^"
    `);
    expect(problems[0]?.related?.map((item) => `${item.location.file}: ${item.message}`)).toMatchInlineSnapshot(`
      [
        "infra/widgets/crd.yaml: widgets provides it (manifest): Widget storefront uses CRD widgets.widgets.example.com",
      ]
    `);
  });

  it('stays silent when the provider is in an earlier, health-gated wave', () => {
    expect(runCheck(dependencyInLaterWave, lab(3, 2)).problems).toEqual([]);
  });

  it('moves the dependent after the provider (preferred), or the provider before it; each fix only edits the wave', () => {
    const { files, problems } = runCheck(dependencyInLaterWave, lab(1, 2));
    const fixes = problems[0]?.fixes ?? [];
    expect(fixes.map((fix) => `${fix.preferred ? '* ' : ''}${fix.title}`)).toMatchInlineSnapshot(`
      [
        "* Move shop to wave 3 (after widgets)",
        "Move widgets to wave 0 (before shop)",
      ]
    `);
    for (const fix of fixes) {
      const fixed = applyFix(files, fix);
      const [file] = changedFiles(files, fixed);
      expect(changedFiles(files, fixed)).toHaveLength(1);
      expect({ file, ...changedLines(files[file!]!, fixed[file!]!) }).toMatchSnapshot();
      expect(runCheck(dependencyInLaterWave, toFixture(fixed)).problems).toEqual([]);
    }
  });

  it('adds the annotation where the dependent has none', () => {
    const repository = lab(1, 2).replace('  namespace: argocd\n  annotations:\n    argocd.argoproj.io/sync-wave: "1"\n', '  namespace: argocd\n');
    const { files, problems } = runCheck(dependencyInLaterWave, repository);
    expect(problems).toHaveLength(1);
    const fixed = applyFix(files, problems[0]!.fixes![0]!);
    expect(changedLines(files['apps/shop.yaml']!, fixed['apps/shop.yaml']!)).toEqual({
      removed: [],
      added: ['  annotations:', '    argocd.argoproj.io/sync-wave: "3"'],
    });
    expect(runCheck(dependencyInLaterWave, toFixture(fixed)).problems).toEqual([]);
  });

  it('judges each Application named by one depends-on annotation on its own', () => {
    // shop (wave 2) names an earlier app (early, wave 1) and a later one (late, wave 3): only the later one fires.
    const shop = child('shop', { wave: 2 }).replace(
      '    argocd.argoproj.io/sync-wave: "2"',
      '    argocd.argoproj.io/sync-wave: "2"\n    gitops-waves.io/depends-on: "early, late"',
    );
    const repository = labRoot() + child('early', { wave: 1 }) + child('late', { wave: 3 }) + shop;
    const problems = runCheck(dependencyInLaterWave, repository).problems;
    expect(problems.map((problem) => problem.message.split(':')[0])).toEqual(['shop (wave 2) needs late (wave 3)']);
  });
});
