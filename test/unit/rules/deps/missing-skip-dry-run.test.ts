// deps/missing-skip-dry-run: a custom resource whose CRD another Application installs, not ready before this sync's dry run.
import { describe, expect, it } from 'vitest';
import { missingSkipDryRun } from '../../../../server/src/analysis/rules/deps/missing-skip-dry-run';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { changedFiles, changedLines, toFixture } from '../waves/waveFixtures';
import { child, labRoot, widget, widgetCrd } from './dependencyFixtures';

/** widgets installs the Widget CRD; shop deploys a Widget (annotated as given) with the spec extra given. */
function lab(shopWave: number, shopSpecExtra?: string, widgetAnnotations = ''): string {
  return labRoot() + child('widgets', { wave: 1 }) + widgetCrd('widgets') + child('shop', { wave: shopWave, ...(shopSpecExtra !== undefined ? { specExtra: shopSpecExtra } : {}) }) + widget('shop', 'storefront', widgetAnnotations);
}

describe('deps/missing-skip-dry-run', () => {
  it('fires when the CRD comes from an Application of the same wave', () => {
    const { files, problems } = runCheck(missingSkipDryRun, lab(1));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "infra/shop/widget.yaml:2:7 deps/missing-skip-dry-run shop: Widget storefront uses CRD widgets.widgets.example.com, but widgets is not ready before shop's sync: widgets and shop start together: in root's sync, widgets (wave 1) and shop (wave 1) are in the same wave; nothing makes widgets ready first. Argo CD dry-runs every resource of every wave before applying anything, so on a fresh cluster shop's sync fails at dry run ("Make sure the "Widget" CRD is installed on the destination cluster") until the CRD exists. Add SkipDryRunOnMissingResource=true to shop's syncOptions (or to the resource's argocd.argoproj.io/sync-options annotation).
        | kind: Widget
        |       ^^^^^^"
    `);
  });

  it('stays silent when the provider is ready first, or when the option is set on the Application or the resource', () => {
    expect(runCheck(missingSkipDryRun, lab(2)).problems).toEqual([]);
    expect(runCheck(missingSkipDryRun, lab(1, '  syncPolicy:\n    syncOptions:\n      - CreateNamespace=true\n      - SkipDryRunOnMissingResource=true\n')).problems).toEqual([]);
    expect(runCheck(missingSkipDryRun, lab(1, undefined, '    argocd.argoproj.io/sync-options: Prune=false, SkipDryRunOnMissingResource=true')).problems).toEqual([]);
  });

  it('adds the option to the syncOptions (the only change), and the finding goes', () => {
    const { files, problems } = runCheck(missingSkipDryRun, lab(1));
    const fix = problems[0]!.fixes![0]!;
    expect(fix.title).toBe('Add SkipDryRunOnMissingResource=true to the syncOptions of shop');
    const fixed = applyFix(files, fix);
    expect(changedFiles(files, fixed)).toEqual(['apps/shop.yaml']);
    expect(changedLines(files['apps/shop.yaml']!, fixed['apps/shop.yaml']!)).toEqual({ removed: [], added: ['      - SkipDryRunOnMissingResource=true'] });
    expect(runCheck(missingSkipDryRun, toFixture(fixed)).problems).toEqual([]);
  });

  it('creates syncPolicy.syncOptions when absent, and turns a written =false into =true', () => {
    const bare = runCheck(missingSkipDryRun, lab(1, ''));
    const created = applyFix(bare.files, bare.problems[0]!.fixes![0]!);
    expect(changedLines(bare.files['apps/shop.yaml']!, created['apps/shop.yaml']!)).toEqual({
      removed: [],
      added: ['  syncPolicy:', '    syncOptions:', '      - SkipDryRunOnMissingResource=true'],
    });
    expect(runCheck(missingSkipDryRun, toFixture(created)).problems).toEqual([]);
    const disabled = runCheck(missingSkipDryRun, lab(1, '  syncPolicy:\n    syncOptions:\n      - SkipDryRunOnMissingResource=false\n'));
    const enabled = applyFix(disabled.files, disabled.problems[0]!.fixes![0]!);
    expect(changedLines(disabled.files['apps/shop.yaml']!, enabled['apps/shop.yaml']!)).toEqual({
      removed: ['      - SkipDryRunOnMissingResource=false'],
      added: ['      - SkipDryRunOnMissingResource=true'],
    });
  });
});
