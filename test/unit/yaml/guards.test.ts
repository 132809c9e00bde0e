// Tests of the parse guards through RepoIndex: the nesting pre-scan, its limit, and Helm templates never parsed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { DEFAULT_PARSE_LIMITS } from '../../../server/src/analysis/yaml/parseYamlFile';
import { cannotNestPast, findExcessiveNesting, scanNesting } from '../../../server/src/analysis/yaml/nestingGuard';
import { readRepository } from '../../../server/src/host/readRepository';
import { fixtureSnapshot, parseFixture, renderProblems } from '../../support/fixture';

/** The acceptance item's flow bomb: without the guard, `yaml` 2.9.1 aborts Node on the second parse. */
const FLOW_BOMB = '['.repeat(1000) + '1' + ']'.repeat(1000);
const SEQUENCE_BOMB = '- '.repeat(5000);

describe('nesting guard through RepoIndex', () => {
  it('rejects the flow bomb every time it is parsed in one process, before yaml sees it', () => {
    const files = { 'a.yaml': FLOW_BOMB, 'b.yaml': FLOW_BOMB, 'c.json': FLOW_BOMB, 'd.yml': FLOW_BOMB };
    for (let attempt = 0; attempt < 3; attempt++) {
      const index = new RepoIndex(snapshotFromTexts(files));
      for (const file of Object.keys(files)) {
        const parsed = index.parsed(file);
        expect(parsed?.status).toBe('rejected');
        expect(parsed?.documents).toEqual([]);
        expect(parsed?.problems.map((item) => item.ruleId)).toEqual(['parse/nesting-too-deep']);
      }
    }
    expect(renderProblems(new RepoIndex(snapshotFromTexts({ 'a.yaml': FLOW_BOMB })).parsed('a.yaml')!.problems, {})).toMatchInlineSnapshot(
      `"a.yaml parse/nesting-too-deep Nesting deeper than 100 levels; the file was not parsed."`,
    );
  });

  it('rejects 5,000 compact sequence entries every time', () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const index = new RepoIndex(snapshotFromTexts({ 'seq.yaml': SEQUENCE_BOMB, 'seq2.yaml': `${SEQUENCE_BOMB}x\n` }));
      expect(index.parsed('seq.yaml')?.status).toBe('rejected');
      expect(index.parsed('seq2.yaml')?.status).toBe('rejected');
    }
  });

  it('parses a realistic 1,000-line file with a Grafana dashboard and Lua health checks in block scalars', () => {
    const text = realisticManifests();
    expect(text.split('\n').length).toBeGreaterThanOrEqual(1000);
    const index = new RepoIndex(snapshotFromTexts({ 'monitoring/manifests.yaml': text, 'monitoring/dashboard.json': grafanaDashboardJson() }));
    const parsed = index.parsed('monitoring/manifests.yaml');
    expect(parsed?.problems).toEqual([]);
    expect(parsed?.documents.map((document) => (document.value as { kind: string }).kind)).toEqual(['ConfigMap', 'ConfigMap', 'Deployment']);
    const dashboard = (parsed?.documents[0]?.value as { data: Record<string, string> }).data['cluster.json'];
    expect(JSON.parse(dashboard ?? '')).toEqual(JSON.parse(grafanaDashboardJson()));
    expect(index.parsed('monitoring/dashboard.json')?.status).toBe('yaml');
    expect(index.parsed('monitoring/dashboard.json')?.problems).toEqual([]);
  });

  it('does not let a quote inside a plain flow scalar hide the brackets after it', () => {
    // YAML reads `x '` as plain text and then parses the brackets: yaml 2.9.1 hits RESOURCE_EXHAUSTION.
    const files = {
      'flow-sequence.yaml': `[x '${FLOW_BOMB}]\n`,
      'flow-map.yaml': `{a:'${FLOW_BOMB}}\n`,
      'double.yaml': `key: [x "${FLOW_BOMB}]\n`,
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const index = new RepoIndex(snapshotFromTexts(files));
      for (const file of Object.keys(files)) expect(index.parsed(file)?.status, file).toBe('rejected');
    }
  });

  it('still skips brackets inside real quoted scalars, JSON strings and comments', () => {
    const brackets = '['.repeat(150);
    const text = [
      `title: "${brackets}"`,
      `- '${brackets}'`,
      `list: [ "${brackets}", '${brackets}' ]`,
      `{"key":"${brackets}", "other" : '${brackets}'}`,
      `# ${brackets}`,
      `plain: value # ${brackets}`,
    ].join('\n');
    expect(findExcessiveNesting(text)).toBeUndefined();
  });

  it('ignores unbalanced brackets in comments at column 0 (they used to pile up as open flow levels)', () => {
    const values = Array.from({ length: 150 }, (_, index) => `# replicas${index}: number of pods [optional, default 1\nreplicas${index}: 1`).join('\n');
    const index = new RepoIndex(snapshotFromTexts({ 'values.yaml': values }));
    expect(index.parsed('values.yaml')?.status).toBe('yaml');
    expect(index.parsed('values.yaml')?.problems).toEqual([]);
  });

  it('honours a configured limit', () => {
    const text = 'a:\n  b:\n    c:\n      d:\n        e:\n          f: 1\n';
    const snapshot = snapshotFromTexts({ 'deep.yaml': text });
    expect(new RepoIndex(snapshot).parsed('deep.yaml')?.status).toBe('yaml');
    const strict = new RepoIndex(snapshot, { ...DEFAULT_PARSE_LIMITS, maxNesting: 5 });
    expect(renderProblems(strict.parsed('deep.yaml')!.problems, { 'deep.yaml': text })).toMatchInlineSnapshot(`
      "deep.yaml:6:11 parse/nesting-too-deep Nesting deeper than 5 levels; the file was not parsed.
        |           f: 1
        |           ^"
    `);
    expect(new RepoIndex(snapshotFromTexts({ 'flow.yaml': '[[[[[[1]]]]]]' }), { ...DEFAULT_PARSE_LIMITS, maxNesting: 5 }).parsed('flow.yaml')?.status).toBe('rejected');
  });
});

describe('Helm templates', () => {
  const fixture = `
    #- charts/web/Chart.yaml
    apiVersion: v2
    name: web
    version: 1.0.0
    #- charts/web/values.yaml
    replicas: 2
    #- charts/web/templates/deployment.yaml
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: {{ include "web.fullname" . }}
    spec:
      replicas: {{ .Values.replicas }}
    #- charts/web/templates/_helpers.tpl
    {{- define "web.fullname" -}}{{ .Release.Name }}-web{{- end }}
    #- charts/web/templates/plain.yaml
    apiVersion: v1
    kind: ConfigMap
    #- charts/web/charts/sub/Chart.yaml
    apiVersion: v2
    name: sub
    version: 0.1.0
    #- charts/web/charts/sub/templates/deep/service.yaml
    kind: Service
    metadata:
      name: {{ .Release.Name }}
    #- apps/templated.yaml
    {{- range .Values.apps }}
    apiVersion: argoproj.io/v1alpha1
    kind: Application
    metadata:
      name: {{ .name }}
    {{- end }}
    #- apps/templates/not-a-chart.yaml
    kind: ConfigMap
  `;

  it('never parses chart templates or helpers, even plain-looking ones', () => {
    const index = new RepoIndex(fixtureSnapshot(fixture));
    for (const file of [
      'charts/web/templates/deployment.yaml',
      'charts/web/templates/_helpers.tpl',
      'charts/web/templates/plain.yaml',
      'charts/web/charts/sub/templates/deep/service.yaml',
    ]) {
      expect(index.parsed(file), file).toBeUndefined();
    }
    expect(index.parsed('charts/web/values.yaml')?.status).toBe('yaml');
    // A folder named templates outside any chart is ordinary YAML.
    expect(index.parsed('apps/templates/not-a-chart.yaml')?.status).toBe('yaml');
  });

  it('reports a templated file outside a chart once, as a template', () => {
    const files = parseFixture(fixture);
    const parsed = new RepoIndex(fixtureSnapshot(fixture)).parsed('apps/templated.yaml');
    expect(parsed?.status).toBe('template');
    expect(parsed?.documents).toEqual([]);
    expect(renderProblems(parsed!.problems, files)).toMatchInlineSnapshot(`
      "apps/templated.yaml:1:1 parse/template-not-analysed Go-templated file: it is YAML only once rendered, so it is not analysed.
        | {{- range .Values.apps }}
        | ^"
    `);
  });
});

const corpus = path.resolve(__dirname, '../../../../shared/corpus');

describe('the nesting guard\'s quick bound', () => {
  /** Pieces of YAML that move the scan's depth (indentation, compact entries, brackets, quotes, comments, block scalars, line ends). */
  const piece = fc.constantFrom('- ', '-', ' ', '  ', '\t', '\n', '\r', '\r\n', '[', ']', '{', '}', 'a', ': ', ':', ',', '"', "'", '# ', '|', '>-', '?', '\u2028', 'k: - ');

  it('says "cannot nest past" only of texts the scan finds nothing in', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 0, max: 24 }), (pieces, maxDepth) => {
        const text = pieces.join('');
        if (cannotNestPast(text, maxDepth)) expect(scanNesting(text, maxDepth)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('holds at the edge: nested keys one column apart, then compact entries and open brackets on one line', () => {
    const shape = fc.record({ levels: fc.integer({ min: 0, max: 14 }), dashes: fc.integer({ min: 0, max: 8 }), brackets: fc.integer({ min: 0, max: 10 }), tail: fc.array(piece, { maxLength: 6 }) });
    fc.assert(
      fc.property(shape, fc.integer({ min: 0, max: 24 }), ({ levels, dashes, brackets, tail }, maxDepth) => {
        const keys = Array.from({ length: levels }, (_, level) => `${' '.repeat(level)}a:\n`).join('');
        const text = `${keys}${' '.repeat(levels)}${'- '.repeat(dashes)}${'['.repeat(brackets)}${tail.join('')}`;
        if (cannotNestPast(text, maxDepth)) expect(scanNesting(text, maxDepth)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('settles ordinary manifests without the scan, and leaves the bombs and wide files to it', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          ports: [{ containerPort: 80 }]\n';
    expect(cannotNestPast(deployment, 100)).toBe(true);
    expect(cannotNestPast(FLOW_BOMB, 100)).toBe(false);
    expect(cannotNestPast(SEQUENCE_BOMB, 100)).toBe(false);
    expect(cannotNestPast(`a:\n${' '.repeat(50)}b: 1\n`, 100)).toBe(false);
    expect(findExcessiveNesting(FLOW_BOMB)).toEqual(scanNesting(FLOW_BOMB, 100));
  });
});

describe.skipIf(!existsSync(corpus))('nesting guard on the real corpus (skipped when ../shared/corpus is absent)', () => {
  it('rejects no file of the five real repositories', async () => {
    const index = new RepoIndex(await readRepository(corpus));
    const rejected = index.allFiles().filter((file) => index.parsed(file)?.status === 'rejected');
    expect(rejected).toEqual([]);
    // Real manifests stay far below the limit of 100: none even reaches 30.
    const deep = index.allFiles().filter((file) => RepoIndex.isYamlLike(file) && findExcessiveNesting(index.text(file) ?? '', 30) !== undefined);
    expect(deep).toEqual([]);
  });
});

/** A pretty-printed Grafana-style dashboard: panels, targets, thresholds, ~300 lines. */
function grafanaDashboardJson(): string {
  const panels = Array.from({ length: 16 }, (_, id) => ({
    id,
    type: id % 2 === 0 ? 'timeseries' : 'stat',
    title: `Panel ${id} [${id % 3 === 0 ? 'CPU' : 'Memory'}]`,
    gridPos: { h: 8, w: 12, x: (id % 2) * 12, y: Math.floor(id / 2) * 8 },
    targets: [{ expr: `sum(rate(container_cpu_usage_seconds_total{namespace=~"$namespace", pod=~"$pod"}[5m])) by (pod)`, refId: 'A', legendFormat: '{{pod}}' }],
    fieldConfig: { defaults: { unit: 'short', thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: 80 }] } }, overrides: [] },
  }));
  return JSON.stringify({ title: 'Cluster', uid: 'cluster', schemaVersion: 39, templating: { list: [{ name: 'namespace', query: 'label_values(kube_pod_info, namespace)' }] }, panels }, null, 2);
}

/** A ConfigMap holding the dashboard, an argocd-cm with Lua health checks, and a Deployment: over 1,000 lines. */
function realisticManifests(): string {
  const dashboard = grafanaDashboardJson()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
  const luaCheck = (kind: string): string =>
    [
      `  resource.customizations.health.example.com_${kind}: |`,
      '    hs = {}',
      '    hs.status = "Progressing"',
      '    hs.message = ""',
      '    if obj.status ~= nil then',
      '      if obj.status.conditions ~= nil then',
      '        for i, condition in ipairs(obj.status.conditions) do',
      '          if condition.type == "Ready" and condition.status == "False" then',
      '            hs.status = "Degraded"',
      '            hs.message = condition.message',
      '            return hs',
      '          end',
      '          if condition.type == "Ready" and condition.status == "True" then',
      '            hs.status = "Healthy"',
      '            hs.message = condition.message',
      '          end',
      '        end',
      '      end',
      '    end',
      '    local t = { { { { { { { { { { { { "brackets in Lua are text" } } } } } } } } } } } }',
      '    return hs',
    ].join('\n');
  const containers = Array.from({ length: 16 }, (_, index) =>
    [
      `        - name: sidecar-${index}`,
      `          image: "registry.example.com/tools/sidecar:${index}.0"`,
      '          args: ["--log-format=[%level%] %msg%", "--listen=:8080"]',
      '          env:',
      '            - name: MODE',
      '              value: "watch"',
      '            - name: FILTER',
      "              value: '{\"kind\": [\"Pod\", \"Service\"]}'",
      '          resources:',
      '            limits: { cpu: 100m, memory: 64Mi }',
      '          volumeMounts:',
      '            - name: config',
      '              mountPath: /etc/config',
    ].join('\n'),
  ).join('\n');
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: grafana-dashboard-cluster',
    '  labels:',
    '    grafana_dashboard: "1"',
    'data:',
    '  cluster.json: |',
    dashboard,
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: argocd-cm',
    '  namespace: argocd',
    'data:',
    ...['Cluster', 'Database', 'Bucket', 'Queue', 'Topic', 'Certificate', 'Secret', 'Volume'].map(luaCheck),
    '  resource.exclusions: |',
    '    - apiGroups: ["cilium.io"]',
    '      kinds: ["CiliumIdentity"]',
    '      clusters: ["*"]',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: watcher',
    '  annotations:',
    '    argocd.argoproj.io/sync-wave: "2"',
    '    description: "Watches [things] and {stuff}; see https://example.com/#docs"',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    containers,
    '',
  ].join('\n');
}
