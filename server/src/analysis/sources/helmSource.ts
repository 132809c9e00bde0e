// The helm tool for an in-repository chart: not rendered; its crds/ files and Chart.yaml dependencies are known.
import { isRecord, objectFromBody, type KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { FILE_START } from '../text/span';
import { DOCUMENT_ROOT, locate } from '../yaml/yamlDocument';
import type { HelmChartReference } from './sourceRender';

/** What is known of an in-repository chart without running Helm. */
export interface HelmRender {
  /** Plain YAML CRDs under the chart's `crds/` folder (Helm installs them as they are). */
  readonly objects: readonly KubeObject[];
  /** The chart's `dependencies:` from Chart.yaml, each with the chart's values.yaml. */
  readonly helmCharts: readonly HelmChartReference[];
  readonly filesRead: readonly string[];
}

/** Reads an in-repository chart: `crds/` objects and Chart.yaml dependencies. Templates are never guessed. */
export function renderHelmChart(index: RepoIndex, chartPath: string): HelmRender {
  const prefix = chartPath === '' ? '' : `${chartPath}/`;
  const objects: KubeObject[] = [];
  const filesRead: string[] = [];
  for (const file of index.filesUnder(`${prefix}crds`)) {
    const parsed = index.parsed(file);
    if (!parsed) continue;
    filesRead.push(file);
    for (const document of parsed.documents) {
      const object = objectFromBody(document.value, { file, documentIndex: document.index, path: DOCUMENT_ROOT });
      if (object) objects.push(object);
    }
  }
  const chartFile = `${prefix}Chart.yaml`;
  const valuesFile = `${prefix}values.yaml`;
  const valuesFiles = index.file(valuesFile) !== undefined ? [valuesFile] : [];
  const helmCharts: HelmChartReference[] = [];
  const chart = index.parsed(chartFile);
  if (chart) filesRead.push(chartFile);
  const document = chart?.documents[0];
  const dependencies = isRecord(document?.value) ? document.value.dependencies : undefined;
  if (document && Array.isArray(dependencies)) {
    dependencies.forEach((dependency, dependencyIndex) => {
      if (!isRecord(dependency) || typeof dependency.name !== 'string') return;
      const entry = locate(document, ['dependencies', dependencyIndex], true);
      helmCharts.push({
        name: dependency.name,
        repo: typeof dependency.repository === 'string' ? dependency.repository : undefined,
        version: typeof dependency.version === 'string' ? dependency.version : typeof dependency.version === 'number' ? String(dependency.version) : undefined,
        releaseName: undefined,
        namespace: undefined,
        valuesFiles,
        valuesInline: undefined,
        includeCRDs: undefined,
        location: { file: chartFile, span: entry?.value ?? FILE_START },
      });
    });
  }
  if (valuesFiles.length > 0) filesRead.push(valuesFile);
  return { objects, helmCharts, filesRead };
}
