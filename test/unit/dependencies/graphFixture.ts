// Fixture helpers for dependency graph tests: Applications written in one line, and the graph of a fixture as text.
import { analyze, type Analysis } from '../../../server/src/analysis/analyze';
import { fixtureSnapshot } from '../../support/fixture';
import { listEdges, listUnsatisfied } from './graphListing';

/** The repoURL every fixture Application uses (inferred as this repository). */
export const REPO = 'https://github.com/example/lab.git';

/** Options of a fixture Application. */
export interface AppOptions {
  readonly wave?: number;
  readonly namespace?: string;
  readonly createNamespace?: boolean;
  readonly annotations?: Readonly<Record<string, string>>;
  /** A Helm chart source (`chart:` from `repoURL`) instead of the folder `<name>/`; `values` is inline YAML. */
  readonly chart?: { readonly name: string; readonly repoURL: string; readonly values?: string; readonly valueFiles?: readonly string[] };
}

/** A file `apps/<name>.yaml` holding an Application of the root, rendering folder `<name>/` (or a chart). */
export function application(name: string, options: AppOptions = {}): string {
  const annotations = { ...(options.wave !== undefined ? { 'argocd.argoproj.io/sync-wave': String(options.wave) } : {}), ...options.annotations };
  const annotationLines = Object.entries(annotations).map(([key, value]) => `    ${key}: "${value}"`);
  const source = options.chart
    ? [
        `    repoURL: ${options.chart.repoURL}`,
        `    chart: ${options.chart.name}`,
        '    targetRevision: 1.0.0',
        ...(options.chart.values || options.chart.valueFiles ? ['    helm:'] : []),
        ...(options.chart.valueFiles ? ['      valueFiles:', ...options.chart.valueFiles.map((file) => `        - ${file}`)] : []),
        ...(options.chart.values ? ['      valuesObject:', ...options.chart.values.split('\n').map((line) => `        ${line}`)] : []),
      ]
    : [`    repoURL: ${REPO}`, `    path: ${name}`];
  return [
    `#- apps/${name}.yaml`,
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    `  name: ${name}`,
    ...(annotationLines.length > 0 ? ['  annotations:', ...annotationLines] : []),
    'spec:',
    '  project: default',
    '  source:',
    ...source,
    '  destination:',
    '    server: https://kubernetes.default.svc',
    `    namespace: ${options.namespace ?? name}`,
    ...(options.createNamespace ? ['  syncPolicy:', '    syncOptions:', '      - CreateNamespace=true'] : []),
  ].join('\n');
}

/** The root Application (applied by hand) that renders `apps/`. */
export const ROOT = [
  '#- root.yaml',
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Application',
  'metadata:',
  '  name: root',
  'spec:',
  '  project: default',
  '  source:',
  `    repoURL: ${REPO}`,
  '    path: apps',
  '  destination:',
  '    server: https://kubernetes.default.svc',
  '    namespace: kube-system',
].join('\n');

/** Analyses a fixture (the root is added) and lists its edges and unsatisfied needs, one per line. */
export function graphOf(...parts: string[]): { analysis: Analysis; edges: string; unsatisfied: string } {
  const analysis = analyze(fixtureSnapshot([ROOT, ...parts.map(dedent)].join('\n')));
  return {
    analysis,
    edges: listEdges(analysis.graph, analysis.model, analysis.index),
    unsatisfied: listUnsatisfied(analysis.graph, analysis.model, analysis.index),
  };
}

/** Removes a part's common leading indentation (and its first empty line), so parts written indented join cleanly. */
function dedent(part: string): string {
  const lines = part.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common)).join('\n');
}
