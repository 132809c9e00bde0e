// sync/missing-application-health-check: wave-ordered child Applications with no Application health check.
import { describe, expect, it } from 'vitest';
import { missingApplicationHealthCheck } from '../../../../server/src/analysis/rules/sync/missing-application-health-check';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { insertedLines, argocdConfigMap, changedFiles, childApplication, rootApplication, toFixture } from './syncFixtures';

const KUSTOMIZATION = `#- apps/kustomization.yaml
resources:
  - cilium.yaml
  - longhorn.yaml
`;

const WAVES = rootApplication() + KUSTOMIZATION + childApplication('cilium', 0) + childApplication('longhorn', 1);

describe('sync/missing-application-health-check', () => {
  it('fires on the parent, saying where to configure the check, when the repository does not configure Argo CD', () => {
    const { files, problems } = runCheck(missingApplicationHealthCheck, WAVES);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "bootstrap/root.yaml:4:3 sync/missing-application-health-check root creates child Applications in waves 0, 1, but no Application health check is configured: since Argo CD 1.8 a child Application counts as done once created, so later waves do not wait for cilium to be Healthy. This repository does not configure Argo CD itself: add the documented Lua as resource.customizations.health.argoproj.io_Application to the argocd-cm ConfigMap (or to configs.cm of the argo-cd Helm chart values).
        |   name: root
        |   ^^^^"
    `);
    expect(problems[0]?.fixes).toBeUndefined();
    expect(problems[0]?.related?.map((item) => item.message)).toEqual(['cilium (wave 0) is not waited for']);
  });

  it('offers to add the Lua to argocd-cm when the repository configures Argo CD, and the fix silences it', () => {
    const { files, problems } = runCheck(missingApplicationHealthCheck, WAVES + argocdConfigMap(false));
    expect(problems).toHaveLength(1);
    const fix = problems[0]?.fixes?.[0];
    expect(fix?.title).toBe('Add the Application health check to argocd-cm');
    const fixed = applyFix(files, fix!);
    expect(changedFiles(files, fixed)).toEqual(['argocd/argocd-cm.yaml']);
    expect(insertedLines(files['argocd/argocd-cm.yaml']!, fixed['argocd/argocd-cm.yaml']!)).toMatchInlineSnapshot(`
      [
        "  resource.customizations.health.argoproj.io_Application: |",
        "    hs = {}",
        "    hs.status = "Progressing"",
        "    hs.message = """,
        "    if obj.status ~= nil then",
        "      if obj.status.health ~= nil then",
        "        hs.status = obj.status.health.status",
        "        if obj.status.health.message ~= nil then",
        "          hs.message = obj.status.health.message",
        "        end",
        "      end",
        "    end",
        "    return hs",
      ]
    `);
    expect(runCheck(missingApplicationHealthCheck, toFixture(fixed)).problems).toEqual([]);
  });

  it('stays silent when the health check is configured, or when all children share one wave', () => {
    expect(runCheck(missingApplicationHealthCheck, WAVES + argocdConfigMap(true)).problems).toEqual([]);
    const oneWave = rootApplication() + KUSTOMIZATION + childApplication('cilium', 1) + childApplication('longhorn', 1);
    expect(runCheck(missingApplicationHealthCheck, oneWave).problems).toEqual([]);
  });
});
