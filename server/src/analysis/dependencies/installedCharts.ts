// The Helm charts an Application installs (kustomize helmCharts, Chart.yaml dependencies, `chart:` sources) and their values.
import type { ApplicationSource } from '../argo/types';
import { getPath } from '../kube/kubeObject';
import { locateField } from '../kube/locateObject';
import type { AppNode } from '../model/types';
import type { RepoIndex } from '../repoIndex';
import { joinRepoPath, normalizeRepoPath } from '../text/repoPath';
import type { SourceLocation } from '../text/span';

/** A chart as one Application installs it, with what is known of its values. */
export interface InstalledChart {
  readonly name: string;
  readonly repo: string | undefined;
  /** Where the chart is declared (helmCharts entry, Chart.yaml dependency, or the source's `chart:`). */
  readonly location: SourceLocation;
  /** The namespace its namespaced objects land in (the chart's own, else the Application's destination). */
  readonly namespace: string | undefined;
  /** Values files of this repository, lowest precedence first. */
  readonly valuesFiles: readonly string[];
  /** Inline values (highest precedence). */
  readonly valuesInline: Readonly<Record<string, unknown>> | undefined;
  /** Where the chart's own values sit inside those values: `[name]` for a Chart.yaml dependency. */
  readonly valuesPrefix: readonly string[];
  /** False when some values come from outside this repository (then an unset flag is unknown, not the default). */
  readonly valuesComplete: boolean;
  /** Whether this install renders the chart's `crds/` folder. */
  readonly rendersCrdsFolder: boolean;
  /** How it is installed, for reasons: `kustomize helmCharts`, `Chart.yaml dependency`, `Helm source`. */
  readonly how: string;
}

/** Every chart an Application node installs, in declaration order. */
export function chartsInstalledBy(index: RepoIndex, node: AppNode): InstalledChart[] {
  const charts: InstalledChart[] = [];
  const application = node.application;
  if (!application) return charts;
  const chartFolderValues = helmValueFilesByChartFolder(index, application.sources);
  for (const render of node.renders) {
    for (const chart of render.helmCharts) {
      if (chart.name === 'argocd-apps' && render.tool === 'helm' && !chart.location.file.endsWith('Chart.yaml')) continue; // a `chart:` source, listed below
      const fromChartYaml = chart.location.file === 'Chart.yaml' || chart.location.file.endsWith('/Chart.yaml');
      if (fromChartYaml) {
        const folder = chart.location.file.slice(0, Math.max(0, chart.location.file.length - 'Chart.yaml'.length)).replace(/\/$/, '');
        const extra = chartFolderValues.get(folder);
        charts.push({
          name: chart.name,
          repo: chart.repo,
          location: chart.location,
          namespace: chart.namespace ?? node.destinationNamespace,
          valuesFiles: [...chart.valuesFiles, ...(extra?.files ?? [])],
          valuesInline: extra?.inline,
          valuesPrefix: [chart.name],
          valuesComplete: extra?.complete ?? true,
          rendersCrdsFolder: !(extra?.skipCrds ?? false),
          how: 'Chart.yaml dependency',
        });
      } else {
        charts.push({
          name: chart.name,
          repo: chart.repo,
          location: chart.location,
          namespace: chart.namespace ?? node.destinationNamespace,
          valuesFiles: chart.valuesFiles,
          valuesInline: chart.valuesInline,
          valuesPrefix: [],
          valuesComplete: true,
          // kustomize runs `helm template` with --include-crds only when `includeCRDs: true`.
          rendersCrdsFolder: chart.includeCRDs === true,
          how: 'kustomize helmCharts',
        });
      }
    }
  }
  for (const source of application.sources) {
    if (source.chart === undefined) continue;
    const resolved = resolveValueFiles(index, source, undefined);
    charts.push({
      name: source.chart,
      repo: source.repoURL,
      location: locateField(index, application.object.origin, [...source.fieldPath, 'chart'], 'value'),
      namespace: node.destinationNamespace,
      valuesFiles: resolved.files,
      valuesInline: source.helm?.values,
      valuesPrefix: [],
      valuesComplete: resolved.complete,
      // Argo CD renders charts with --include-crds unless `helm.skipCrds`.
      rendersCrdsFolder: !(source.helm?.skipCrds ?? false),
      how: 'Helm source',
    });
  }
  return charts;
}

/** The value of a dotted values path for a chart (inline values first, then the last values file that sets it). */
export function chartValue(index: RepoIndex, chart: InstalledChart, dottedPath: string): unknown {
  const path = [...chart.valuesPrefix, ...dottedPath.split('.')];
  const inline = chart.valuesInline ? getPath(chart.valuesInline, path) : undefined;
  if (inline !== undefined && inline !== null) return inline;
  for (let position = chart.valuesFiles.length - 1; position >= 0; position--) {
    const file = chart.valuesFiles[position];
    const document = file === undefined ? undefined : index.parsed(file)?.documents[0];
    const value = getPath(document?.value, path);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** For in-repository chart folders rendered with a `helm:` block: the Application's own value files and options. */
function helmValueFilesByChartFolder(
  index: RepoIndex,
  sources: readonly ApplicationSource[],
): Map<string, { files: string[]; inline: Readonly<Record<string, unknown>> | undefined; complete: boolean; skipCrds: boolean }> {
  const byFolder = new Map<string, { files: string[]; inline: Readonly<Record<string, unknown>> | undefined; complete: boolean; skipCrds: boolean }>();
  for (const source of sources) {
    if (source.chart !== undefined || source.path === undefined) continue;
    const folder = normalizeRepoPath(source.path);
    if (folder === undefined) continue;
    const resolved = resolveValueFiles(index, source, folder);
    byFolder.set(folder, { files: resolved.files, inline: source.helm?.values, complete: resolved.complete, skipCrds: source.helm?.skipCrds ?? false });
  }
  return byFolder;
}

/**
 * Resolves `helm.valueFiles` to files of this repository: `$ref/path` from the repository root,
 * plain paths relative to the source folder (when the source is a folder of this repository).
 * A file that cannot be read here makes the values incomplete.
 */
function resolveValueFiles(index: RepoIndex, source: ApplicationSource, folder: string | undefined): { files: string[]; complete: boolean } {
  const files: string[] = [];
  let complete = true;
  for (const valueFile of source.helm?.valueFiles ?? []) {
    const reference = /^\$[^/]+\/(.*)$/.exec(valueFile);
    const candidate = reference ? joinRepoPath('', reference[1] ?? '') : folder !== undefined ? joinRepoPath(folder, valueFile) : undefined;
    if (candidate !== undefined && index.file(candidate) !== undefined) files.push(candidate);
    else if (!(source.helm?.ignoreMissingValueFiles ?? false) || !reference) complete = false;
  }
  return { files, complete };
}
