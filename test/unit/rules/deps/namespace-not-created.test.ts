// deps/namespace-not-created: a namespace an Application deploys into that nothing in the repository creates.
import { describe, expect, it } from 'vitest';
import { namespaceNotCreated } from '../../../../server/src/analysis/rules/deps/namespace-not-created';
import { applyFix, runCheck } from '../../../support/checkContext';
import { renderProblems } from '../../../support/fixture';
import { changedFiles, changedLines, toFixture } from '../waves/waveFixtures';
import { child, configMap, labRoot } from './dependencyFixtures';

const NO_OPTIONS = '  syncPolicy:\n    automated: {}\n';

/** storage (wave 1) deploys a ConfigMap into its destination namespace, with the spec extra given. */
function lab(storageSpecExtra: string, extra = ''): string {
  return labRoot() + child('storage', { wave: 1, specExtra: storageSpecExtra }) + configMap('storage', 'config.yaml', 'storage-config', 'local') + extra;
}

describe('deps/namespace-not-created', () => {
  it('fires on a destination namespace without CreateNamespace=true or a Namespace manifest, and on a resource namespace', () => {
    const other = `#- infra/storage/metrics.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: storage-metrics
  namespace: observability
data: {}
`;
    const { files, problems } = runCheck(namespaceNotCreated, lab(NO_OPTIONS, other));
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "apps/storage.yaml:16:16 deps/namespace-not-created Destination namespace storage of storage is created by nothing: storage has no CreateNamespace=true, and no Application of this repository deploys a Namespace storage. Argo CD cannot apply its namespaced resources there (namespaces "storage" not found).
        |     namespace: storage
        |                ^^^^^^^
      infra/storage/metrics.yaml:5:14 deps/namespace-not-created Namespace observability of ConfigMap/storage-metrics (in storage) is created by nothing: CreateNamespace=true creates only an Application's destination namespace (argo-cd #11625), and no Application of this repository deploys a Namespace observability. Argo CD cannot apply its namespaced resources there (namespaces "observability" not found).
        |   namespace: observability
        |              ^^^^^^^^^^^^^"
    `);
    expect(problems.map((found) => found.fixes?.length ?? 0)).toEqual([1, 0]);
  });

  it('stays silent with CreateNamespace=true, a Namespace manifest in another Application, or a system namespace', () => {
    expect(runCheck(namespaceNotCreated, lab('  syncPolicy:\n    syncOptions:\n      - CreateNamespace=true\n')).problems).toEqual([]);
    const namespaces = child('namespaces', { wave: 0 }) + '#- infra/namespaces/storage.yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: storage\n';
    expect(runCheck(namespaceNotCreated, lab(NO_OPTIONS, namespaces)).problems).toEqual([]);
    expect(runCheck(namespaceNotCreated, lab(NO_OPTIONS).replace('    namespace: storage\n', '    namespace: kube-system\n')).problems).toEqual([]);
  });

  it('is capped at info when a Helm chart the analysis does not expand might create it', () => {
    const chart = `#- infra/storage/kustomization.yaml
resources:
  - config.yaml
helmCharts:
  - name: storage-operator
    repo: https://charts.example.com
    version: 1.0.0
    releaseName: storage
`;
    const { problems } = runCheck(namespaceNotCreated, lab(NO_OPTIONS, chart));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severityCap).toBe('info');
    expect(problems[0]?.message).toContain('unless its Helm chart storage-operator creates it');
  });

  it('adds CreateNamespace=true to the syncOptions (the only change), and the finding goes', () => {
    const { files, problems } = runCheck(namespaceNotCreated, lab(NO_OPTIONS));
    const fix = problems[0]!.fixes![0]!;
    expect(fix.title).toBe('Add CreateNamespace=true to the syncOptions of storage');
    const fixed = applyFix(files, fix);
    expect(changedFiles(files, fixed)).toEqual(['apps/storage.yaml']);
    expect(changedLines(files['apps/storage.yaml']!, fixed['apps/storage.yaml']!)).toEqual({ removed: [], added: ['    syncOptions:', '      - CreateNamespace=true'] });
    expect(runCheck(namespaceNotCreated, toFixture(fixed)).problems).toEqual([]);
  });
});
