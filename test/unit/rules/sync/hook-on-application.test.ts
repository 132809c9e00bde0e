// sync/hook-on-application: an Application annotated as a hook of its parent's sync.
import { describe, expect, it } from 'vitest';
import { hookOnApplication } from '../../../../server/src/analysis/rules/sync/hook-on-application';
import { runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { childApplication, rootApplication } from './syncFixtures';

const KUSTOMIZATION = `#- apps/kustomization.yaml
resources:
  - migrate.yaml
  - cleanup.yaml
  - cilium.yaml
`;

describe('sync/hook-on-application', () => {
  it('fires on sync-time and delete-time hooks, naming the delete policy and the finalizer cascade', () => {
    const migrate = childApplication('migrate', undefined, '', '\n    argocd.argoproj.io/hook: PreSync').replace(
      '  namespace: argocd\n',
      '  namespace: argocd\n  finalizers:\n    - resources-finalizer.argocd.argoproj.io\n',
    );
    const cleanup = childApplication('cleanup', undefined, '', '\n    helm.sh/hook: post-install\n    helm.sh/hook-delete-policy: hook-succeeded');
    const { files, problems } = runCheck(hookOnApplication, rootApplication() + KUSTOMIZATION + migrate + cleanup + childApplication('cilium', 0));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/cleanup.yaml:7:5 sync/hook-on-application Application cleanup is a PostSync hook of root's sync, not a resource: it is not part of root's desired state (never OutOfSync, never pruned), and it is deleted as soon as the hook succeeds (HookSucceeded; without the Application health check that is right after creation). Remove the helm.sh/hook annotation to let root manage it (use a sync wave to order it).
        |     helm.sh/hook: post-install
        |     ^^^^^^^^^^^^
      apps/migrate.yaml:9:5 sync/hook-on-application Application migrate is a PreSync hook of root's sync, not a resource: it is not part of root's desired state (never OutOfSync, never pruned), and every sync deletes it and creates it again (delete policy BeforeHookCreation); with its resources-finalizer, each deletion also deletes everything migrate deployed. Remove the argocd.argoproj.io/hook annotation to let root manage it (use a sync wave to order it).
        |     argocd.argoproj.io/hook: PreSync
        |     ^^^^^^^^^^^^^^^^^^^^^^^"
    `);
  });

  it('stays silent on ordinary children and on Skip', () => {
    const skipped = childApplication('migrate', undefined, '', '\n    argocd.argoproj.io/hook: Skip');
    const { problems } = runCheck(hookOnApplication, rootApplication() + KUSTOMIZATION + skipped + childApplication('cilium', 0));
    expect(problems).toEqual([]);
  });
});
