// waves/missing-wave-annotation: a child Application without a sync-wave among siblings that carry waves.
import { describe, expect, it } from 'vitest';
import { missingWaveAnnotation } from '../../../../server/src/analysis/rules/waves/missing-wave-annotation';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { child, labRoot, widget, widgetCrd } from '../deps/dependencyFixtures';
import { changedFiles, changedLines, toFixture } from './waveFixtures';

/** widgets (wave 1) installs the Widget CRD; shop (no wave) deploys a Widget; metrics (no wave) needs nothing. */
function lab(): string {
  return labRoot() + child('widgets', { wave: 1 }) + widgetCrd('widgets') + child('shop') + widget('shop', 'storefront') + child('metrics', { wave: undefined });
}

describe('waves/missing-wave-annotation', () => {
  it('fires on each child without a wave while a sibling carries one', () => {
    const { files, problems } = runCheck(missingWaveAnnotation, lab());
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/metrics.yaml:5:3 waves/missing-wave-annotation Application metrics has no sync-wave annotation while its siblings in root's sync carry waves (1): it runs at wave 0, together with shop. If that is intended, say so with argocd.argoproj.io/sync-wave: "0".
        |   name: metrics
        |   ^^^^
      apps/shop.yaml:5:3 waves/missing-wave-annotation Application shop has no sync-wave annotation while its siblings in root's sync carry waves (1): it runs at wave 0, together with metrics. If that is intended, say so with argocd.argoproj.io/sync-wave: "0".
        |   name: shop
        |   ^^^^"
    `);
  });

  it('stays silent when no sibling carries a non-zero wave, and on roots', () => {
    const unwaved = labRoot() + child('widgets') + child('shop') + child('metrics', { wave: 0 });
    expect(runCheck(missingWaveAnnotation, unwaved).problems).toEqual([]);
  });

  it('adds the smallest wave after the providers (2 for shop, 0 for metrics); only the annotation lines change, and the finding goes', () => {
    const { files, problems } = runCheck(missingWaveAnnotation, lab());
    const titles = problems.map((found) => found.fixes?.[0]?.title);
    expect(titles).toEqual(['Add sync-wave "0" to metrics', 'Add sync-wave "2" to shop (after widgets)']);
    for (const found of problems) {
      const fixed = applyFix(files, found.fixes![0]!);
      const [file] = changedFiles(files, fixed);
      expect(changedFiles(files, fixed)).toHaveLength(1);
      expect(changedLines(files[file!]!, fixed[file!]!)).toEqual({ removed: [], added: ['  annotations:', `    argocd.argoproj.io/sync-wave: "${file === 'apps/shop.yaml' ? 2 : 0}"`] });
      expect(runCheck(missingWaveAnnotation, toFixture(fixed)).problems.map((item) => item.location.file)).not.toContain(file);
    }
  });
});
