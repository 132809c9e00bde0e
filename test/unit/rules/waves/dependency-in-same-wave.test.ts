// waves/dependency-in-same-wave: an Application needs what another provides in the same wave: they race.
import { describe, expect, it } from 'vitest';
import { dependencyInSameWave } from '../../../../server/src/analysis/rules/waves/dependency-in-same-wave';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { child, configMap, labRoot, service, widget, widgetCrd } from '../deps/dependencyFixtures';
import { changedFiles, changedLines, toFixture } from './waveFixtures';

/** widgets installs the Widget CRD and Service api; shop deploys a Widget; billing only calls the Service. */
function lab(shopWave: number, billingWave: number): string {
  return (
    labRoot() +
    child('widgets', { wave: 1 }) +
    widgetCrd('widgets') +
    service('widgets', 'api') +
    child('shop', { wave: shopWave }) +
    widget('shop', 'storefront') +
    child('billing', { wave: billingWave }) +
    configMap('billing', 'config.yaml', 'billing-config', 'http://api.widgets.svc.cluster.local:8080')
  );
}

describe('waves/dependency-in-same-wave', () => {
  it('fires on a CRD from an Application of the same wave (warning) and on a Service URL (capped at info: a run-time link)', () => {
    const { files, problems } = runCheck(dependencyInSameWave, lab(1, 1));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "infra/billing/config.yaml:6:13 waves/dependency-in-same-wave billing (wave 1) needs widgets (wave 1): ConfigMap billing-config refers to http://api.widgets.svc.cluster.local:8080, served by Service widgets/api. Argo CD applies both in one wave without waiting for either, so billing may start before widgets is ready. widgets and billing start together: in root's sync, widgets (wave 1) and billing (wave 1) are in the same wave; nothing makes widgets ready first.
        |   endpoint: http://api.widgets.svc.cluster.local:8080
        |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      infra/shop/widget.yaml:2:7 waves/dependency-in-same-wave shop (wave 1) needs widgets (wave 1): Widget storefront uses CRD widgets.widgets.example.com. Argo CD applies both in one wave without waiting for either, so shop may start before widgets is ready. widgets and shop start together: in root's sync, widgets (wave 1) and shop (wave 1) are in the same wave; nothing makes widgets ready first.
        | kind: Widget
        |       ^^^^^^"
    `);
    expect(problems.map((found) => `${found.location.file} ${found.severityCap ?? 'default'}`)).toEqual(['infra/billing/config.yaml info', 'infra/shop/widget.yaml default']);
  });

  it('stays silent when both are in later waves than the provider', () => {
    expect(runCheck(dependencyInSameWave, lab(2, 3)).problems).toEqual([]);
  });

  it('moves the dependent to the next wave (preferred) or the provider to the previous one; the finding goes', () => {
    const { files, problems } = runCheck(dependencyInSameWave, lab(1, 2));
    expect(problems).toHaveLength(1);
    const fixes = problems[0]!.fixes ?? [];
    expect(fixes.map((fix) => `${fix.preferred ? '* ' : ''}${fix.title}`)).toEqual(['* Move shop to wave 2 (after widgets)', 'Move widgets to wave 0 (before shop)']);
    for (const fix of fixes) {
      const fixed = applyFix(files, fix);
      const [file] = changedFiles(files, fixed);
      expect(changedFiles(files, fixed)).toHaveLength(1);
      expect(changedLines(files[file!]!, fixed[file!]!).added).toHaveLength(1);
      expect(changedLines(files[file!]!, fixed[file!]!).removed).toHaveLength(1);
      expect(runCheck(dependencyInSameWave, toFixture(fixed)).problems).toEqual([]);
    }
  });

  it('does not prefer a move that breaks another dependency of the sync', () => {
    // billing (wave 2) calls shop's Service: moving shop to wave 2 would put it beside billing, so the provider move is preferred.
    const repository = lab(1, 2) + service('shop', 'front') + configMap('billing', 'shop.yaml', 'shop-endpoint', 'http://front.shop.svc:8080');
    const { problems } = runCheck(dependencyInSameWave, repository);
    const shopFinding = problems.find((found) => found.location.file === 'infra/shop/widget.yaml');
    expect(shopFinding?.fixes?.map((fix) => `${fix.preferred ? '* ' : ''}${fix.title}`)).toEqual(['Move shop to wave 2 (after widgets)', '* Move widgets to wave 0 (before shop)']);
  });
});
