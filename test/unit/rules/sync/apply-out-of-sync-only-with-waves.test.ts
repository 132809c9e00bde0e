// sync/apply-out-of-sync-only-with-waves: ApplyOutOfSyncOnly on a parent whose waves gate on child health.
import { describe, expect, it } from 'vitest';
import { applyOutOfSyncOnlyWithWaves } from '../../../../server/src/analysis/rules/sync/apply-out-of-sync-only-with-waves';
import { runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { argocdConfigMap, childApplication, rootApplication } from './syncFixtures';

const KUSTOMIZATION = `#- apps/kustomization.yaml
resources:
  - cilium.yaml
  - longhorn.yaml
`;
const CHILDREN = KUSTOMIZATION + childApplication('cilium', 0) + childApplication('longhorn', 1);

describe('sync/apply-out-of-sync-only-with-waves', () => {
  it('fires on the option when the waves gate on health', () => {
    const { files, problems } = runCheck(applyOutOfSyncOnlyWithWaves, rootApplication(['CreateNamespace=true', 'ApplyOutOfSyncOnly=true']) + argocdConfigMap(true) + CHILDREN);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "bootstrap/root.yaml:17:9 sync/apply-out-of-sync-only-with-waves root has ApplyOutOfSyncOnly=true and orders its children in waves 0, 1, waiting for cilium to be Healthy before later waves. Argo CD applies only the children that are out of sync: a wave whose children are all synced is skipped, and with it the wait for their health, so a later wave can start while an earlier child is still Progressing or Degraded (argo-cd #5859).
        |       - ApplyOutOfSyncOnly=true
        |         ^^^^^^^^^^^^^^^^^^^^^^^"
    `);
  });

  it('stays silent without the option, without the health check (nothing gates), or with a single wave', () => {
    expect(runCheck(applyOutOfSyncOnlyWithWaves, rootApplication(['CreateNamespace=true']) + argocdConfigMap(true) + CHILDREN).problems).toEqual([]);
    expect(runCheck(applyOutOfSyncOnlyWithWaves, rootApplication(['ApplyOutOfSyncOnly=true']) + argocdConfigMap(false) + CHILDREN).problems).toEqual([]);
    const oneWave = KUSTOMIZATION + childApplication('cilium', 0) + childApplication('longhorn', 0);
    expect(runCheck(applyOutOfSyncOnlyWithWaves, rootApplication(['ApplyOutOfSyncOnly=true']) + argocdConfigMap(true) + oneWave).problems).toEqual([]);
  });
});
