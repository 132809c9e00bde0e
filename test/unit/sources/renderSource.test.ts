// Tests of source rendering: tool detection, directory globs and recursion, in-repository Helm charts, plugins.
import { describe, expect, it } from 'vitest';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { renderSource } from '../../../server/src/analysis/sources/renderSource';
import type { SourceRequest } from '../../../server/src/analysis/sources/sourceRender';
import { globMatches } from '../../../server/src/analysis/sources/globMatch';
import { fixtureSnapshot } from '../../support/fixture';
import { listObjects } from '../kustomize/kustomizeListing';

const REPO = `
  #- apps/a.yaml
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: a}
  ---
  not: an object
  #- apps/b.json
  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}
  #- apps/broken.yaml
  kind: [
  #- apps/nested/c.yml
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: c}
  #- apps/nested/skip.yaml
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: skip}
  #- apps/notes.txt
  kind: ConfigMap
  #- apps/chart/Chart.yaml
  name: chart
  dependencies:
    - name: cert-manager
      repository: https://charts.jetstack.io
      version: v1.15.0
  #- apps/chart/values.yaml
  x: 1
  #- apps/chart/templates/deploy.yaml
  kind: {{ .Values.kind }}
  #- apps/chart/crds/widgets.yaml
  apiVersion: apiextensions.k8s.io/v1
  kind: CustomResourceDefinition
  metadata: {name: widgets.example.com}
  #- both/Chart.yaml
  name: both
  #- both/kustomization.yaml
  resources: [cm.yaml]
  #- both/cm.yaml
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: from-kustomize}
`;

function run(request: SourceRequest) {
  const result = renderSource(new RepoIndex(fixtureSnapshot(REPO)), request);
  return { tool: result.tool, objects: listObjects(result.objects), notExpanded: result.notExpanded, result };
}

describe('renderSource', () => {
  it('renders a directory: its YAML and JSON objects only, skipping non-objects and broken documents', () => {
    const { tool, objects, result } = run({ path: 'apps' });
    expect(tool).toBe('directory');
    expect(objects).toMatchInlineSnapshot(`
      "ConfigMap/a (from apps/a.yaml#0)
      ConfigMap/b (from apps/b.json#0)"
    `);
    expect(result.problems).toEqual([]);
  });

  it('recurses with recurse, matches include/exclude globs on the relative path (* crosses /, exclude wins), skips chart templates', () => {
    const recursive = run({ path: 'apps', directory: { recurse: true, include: undefined, exclude: undefined } });
    expect(recursive.objects).toMatchInlineSnapshot(`
      "ConfigMap/a (from apps/a.yaml#0)
      ConfigMap/b (from apps/b.json#0)
      CustomResourceDefinition/widgets.example.com (from apps/chart/crds/widgets.yaml#0)
      ConfigMap/c (from apps/nested/c.yml#0)
      ConfigMap/skip (from apps/nested/skip.yaml#0)"
    `);
    const filtered = run({ path: 'apps', directory: { recurse: true, include: '{*.yml,a.yaml,nested/*}', exclude: '*skip*' } });
    expect(filtered.objects).toMatchInlineSnapshot(`
      "ConfigMap/a (from apps/a.yaml#0)
      ConfigMap/c (from apps/nested/c.yml#0)"
    `);
  });

  it('detects an in-repository Helm chart: crds objects, dependencies with values.yaml, not expanded', () => {
    const { tool, objects, notExpanded, result } = run({ path: 'apps/chart' });
    expect(tool).toBe('helm');
    expect(notExpanded).toBe('rendered by Helm, not expanded');
    expect(objects).toBe('CustomResourceDefinition/widgets.example.com (from apps/chart/crds/widgets.yaml#0)');
    expect(result.helmCharts.map(({ location, ...chart }) => ({ ...chart, at: location.file }))).toEqual([
      { name: 'cert-manager', repo: 'https://charts.jetstack.io', version: 'v1.15.0', releaseName: undefined, namespace: undefined, valuesFiles: ['apps/chart/values.yaml'], valuesInline: undefined, includeCRDs: undefined, at: 'apps/chart/Chart.yaml' },
    ]);
  });

  it('prefers kustomize over Chart.yaml, and lets an explicit block win', () => {
    expect(run({ path: 'both' }).objects).toBe('ConfigMap/from-kustomize (from both/cm.yaml#0)');
    expect(run({ path: 'both', helm: true }).tool).toBe('helm');
    expect(run({ path: 'both', directory: { recurse: false, include: undefined, exclude: undefined } }).objects).toBe('ConfigMap/from-kustomize (from both/cm.yaml#0)');
    expect(run({ path: 'apps', kustomize: { namePrefix: 'x-' } }).result.problems.map((item) => item.ruleId)).toEqual(['kustomize/missing-resource']);
  });

  it('does not expand plugins, and refuses several tool blocks like Argo CD', () => {
    expect(run({ path: 'apps', plugin: true })).toMatchObject({ tool: 'plugin', objects: '', notExpanded: 'rendered by a config management plugin, not expanded' });
    expect(run({ path: 'apps', plugin: true, helm: true }).notExpanded).toBe('Argo CD refuses a source with several tool blocks (helm, plugin): "multiple application sources defined"');
  });
});

describe('globMatches (gobwas, no separators)', () => {
  it('matches like Argo CD directory include/exclude', () => {
    expect(globMatches('*.yaml', 'a/b/c.yaml')).toBe(true);
    expect(globMatches('{a,b}/*', 'b/x.yaml')).toBe(true);
    expect(globMatches('{a,b}/*', 'c/x.yaml')).toBe(false);
    expect(globMatches('file-?.yaml', 'file-1.yaml')).toBe(true);
    expect(globMatches('[!x]*.json', 'y.json')).toBe(true);
    expect(globMatches('[!x]*.json', 'x.json')).toBe(false);
    expect(globMatches('{a,b', 'a')).toBe(false);
    expect(globMatches('a.yaml', 'axyaml')).toBe(false);
  });
});
