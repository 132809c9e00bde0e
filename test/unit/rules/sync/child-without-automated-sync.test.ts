// sync/child-without-automated-sync: a health-gated child without automated sync holds its parent's later waves.
import { describe, expect, it } from 'vitest';
import { childWithoutAutomatedSync } from '../../../../server/src/analysis/rules/sync/child-without-automated-sync';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { argocdConfigMap, changedFiles, childApplication, insertedLines, rootApplication, toFixture } from './syncFixtures';

const KUSTOMIZATION = `#- apps/kustomization.yaml
resources:
  - cilium.yaml
  - longhorn.yaml
  - minio.yaml
`;
const AUTOMATED = `  syncPolicy:
    automated: {}
`;
const WITH_OPTIONS = `  # sync options kept as written
  syncPolicy:
    syncOptions:
      - CreateNamespace=true
`;

function repository(cilium: string, longhorn: string): string {
  return (
    rootApplication() +
    KUSTOMIZATION +
    argocdConfigMap(true) +
    childApplication('cilium', 0, cilium) +
    childApplication('longhorn', 1, longhorn) +
    // The last wave: nothing waits for it, so a manual-sync child there is not reported.
    childApplication('minio', 2)
  );
}

describe('sync/child-without-automated-sync', () => {
  it('fires on every gated child with later waves, never on the last wave', () => {
    const { files, problems } = runCheck(childWithoutAutomatedSync, repository('', WITH_OPTIONS));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/cilium.yaml:8:1 sync/child-without-automated-sync cilium (wave 0 of root) has no syncPolicy.automated: creating it does not sync it, so it stays Missing/OutOfSync and root's sync waits for its health before the next wave indefinitely ("waiting for healthy state of argoproj.io/Application/cilium"), until someone syncs it by hand.
        | spec:
        | ^^^^
      apps/longhorn.yaml:17:3 sync/child-without-automated-sync longhorn (wave 1 of root) has no syncPolicy.automated: creating it does not sync it, so it stays Missing/OutOfSync and root's sync waits for its health before the next wave indefinitely ("waiting for healthy state of argoproj.io/Application/longhorn"), until someone syncs it by hand.
        |   syncPolicy:
        |   ^^^^^^^^^^"
    `);
  });

  it('adds syncPolicy.automated: {} (creating syncPolicy when absent), and the finding goes', () => {
    const { files, problems } = runCheck(childWithoutAutomatedSync, repository('', WITH_OPTIONS));
    for (const found of problems) {
      const fix = found.fixes?.[0];
      expect(fix).toBeDefined();
      const fixed = applyFix(files, fix!);
      const [file] = changedFiles(files, fixed);
      expect(changedFiles(files, fixed)).toHaveLength(1);
      expect({ file, inserted: insertedLines(files[file!]!, fixed[file!]!) }).toMatchSnapshot();
      expect(runCheck(childWithoutAutomatedSync, toFixture(fixed)).problems.map((item) => item.location.file)).not.toContain(file);
    }
  });

  it('stays silent when children sync themselves, or when nothing gates (no health check)', () => {
    expect(runCheck(childWithoutAutomatedSync, repository(AUTOMATED, AUTOMATED)).problems).toEqual([]);
    const noHealthCheck = repository('', '').replace(/#- argocd\/argocd-cm\.yaml[\s\S]*?(?=#- apps\/cilium)/, '');
    expect(runCheck(childWithoutAutomatedSync, noHealthCheck).problems).toEqual([]);
  });

  it('re-enables a disabled automated block instead of replacing it', () => {
    const disabled = `  syncPolicy:
    automated:
      enabled: false
      prune: true
`;
    const { files, problems } = runCheck(childWithoutAutomatedSync, repository(disabled, AUTOMATED));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('automated sync disabled');
    const fixed = applyFix(files, problems[0]!.fixes![0]!);
    expect(fixed['apps/cilium.yaml']).toContain('    automated:\n      enabled: true\n      prune: true\n');
    expect(runCheck(childWithoutAutomatedSync, toFixture(fixed)).problems).toEqual([]);
  });
});
