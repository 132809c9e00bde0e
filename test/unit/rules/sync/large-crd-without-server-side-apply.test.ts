// sync/large-crd-without-server-side-apply: a CRD whose last-applied annotation would exceed 262144 bytes.
import { describe, expect, it } from 'vitest';
import { largeCrdWithoutServerSideApply } from '../../../../server/src/analysis/rules/sync/large-crd-without-server-side-apply';
import { estimatedAnnotationsSize, utf8Length } from '../../../../server/src/analysis/rules/sync/support/lastAppliedSize';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { changedFiles, insertedLines, REPO, toFixture } from './syncFixtures';

/** A repository with one Application deploying crds/ (one CRD whose description has `descriptionLength` characters). */
function repository(descriptionLength: number, options: { syncPolicy?: string; crdAnnotations?: string } = {}): string {
  return `#- apps/crds.yaml
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: crds
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${REPO}
    path: crds
  destination:
    server: https://kubernetes.default.svc
${options.syncPolicy ?? ''}#- crds/widgets.yaml
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com${options.crdAnnotations ?? ''}
spec:
  group: example.com
  scope: Namespaced
  names:
    kind: Widget
    plural: widgets
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          description: ${'x'.repeat(descriptionLength)}
`;
}

describe('sync/large-crd-without-server-side-apply', () => {
  it('fires on a CRD over the limit, quoting the API server error', () => {
    const { files, problems } = runCheck(largeCrdWithoutServerSideApply, repository(270_000));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "crds/widgets.yaml:4:3 sync/large-crd-without-server-side-apply CustomResourceDefinition widgets.example.com is about 264 KiB as JSON, so client-side apply's last-applied-configuration annotation exceeds the limit and the sync of crds fails: "metadata.annotations: Too long: must have at most 262144 bytes". Add ServerSideApply=true to the Application's syncOptions (or to this CRD's argocd.argoproj.io/sync-options annotation).
        |   name: widgets.example.com
        |   ^^^^"
    `);
  });

  it('adds ServerSideApply=true to the Application (creating syncPolicy.syncOptions), and the finding goes', () => {
    const { files, problems } = runCheck(largeCrdWithoutServerSideApply, repository(270_000));
    const fixed = applyFix(files, problems[0]!.fixes![0]!);
    expect(changedFiles(files, fixed)).toEqual(['apps/crds.yaml']);
    expect(insertedLines(files['apps/crds.yaml']!, fixed['apps/crds.yaml']!)).toMatchInlineSnapshot(`
      [
        "  syncPolicy:",
        "    syncOptions:",
        "      - ServerSideApply=true",
      ]
    `);
    expect(runCheck(largeCrdWithoutServerSideApply, toFixture(fixed)).problems).toEqual([]);
  });

  it('appends to existing syncOptions, keeping them', () => {
    const syncPolicy = '  syncPolicy:\n    syncOptions:\n      - CreateNamespace=true # keep\n';
    const { files, problems } = runCheck(largeCrdWithoutServerSideApply, repository(270_000, { syncPolicy }));
    const fixed = applyFix(files, problems[0]!.fixes![0]!);
    expect(insertedLines(files['apps/crds.yaml']!, fixed['apps/crds.yaml']!)).toEqual(['      - ServerSideApply=true']);
    expect(runCheck(largeCrdWithoutServerSideApply, toFixture(fixed)).problems).toEqual([]);
  });

  it('stays silent under the limit, with ServerSideApply or Replace at either level', () => {
    expect(runCheck(largeCrdWithoutServerSideApply, repository(200_000)).problems).toEqual([]);
    const ssa = '  syncPolicy:\n    syncOptions:\n      - ServerSideApply=true\n';
    expect(runCheck(largeCrdWithoutServerSideApply, repository(270_000, { syncPolicy: ssa })).problems).toEqual([]);
    const replace = '\n  annotations:\n    argocd.argoproj.io/sync-options: Validate=false, Replace=true';
    expect(runCheck(largeCrdWithoutServerSideApply, repository(270_000, { crdAnnotations: replace })).problems).toEqual([]);
  });

  it('lets a resource-level ServerSideApply=false win over the Application option', () => {
    const ssa = '  syncPolicy:\n    syncOptions:\n      - ServerSideApply=true\n';
    const optOut = '\n  annotations:\n    argocd.argoproj.io/sync-options: ServerSideApply=false';
    expect(runCheck(largeCrdWithoutServerSideApply, repository(270_000, { syncPolicy: ssa, crdAnnotations: optOut })).problems).toHaveLength(1);
  });
});

describe('estimatedAnnotationsSize', () => {
  it('counts UTF-8 bytes of the JSON plus the annotation key', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    const object = { body: { a: 'é' }, annotations: { note: 'x' } } as unknown as Parameters<typeof estimatedAnnotationsSize>[0];
    expect(estimatedAnnotationsSize(object)).toBe('{"a":"é"}'.length + 1 + 'kubectl.kubernetes.io/last-applied-configuration'.length + 'note'.length + 1);
  });
});
