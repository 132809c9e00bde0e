// Finds where this repository configures Argo CD itself: argocd-cm ConfigMaps and argo-cd chart values.
import { getPath, isRecord, objectFromDocument, stringField } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { basename, dirname, joinRepoPath } from '../text/repoPath';
import type { ValuePath, YamlDocument } from '../yaml/yamlDocument';
import { kustomizationFiles } from './kustomizationFiles';
import { stringItems } from './plainValues';
import { readApplication } from './readApplication';
import type { ArgoConfigLocation } from './types';

/** The chart name of argo-helm's Argo CD chart. */
export const ARGO_CD_CHART = 'argo-cd';

/** Where `configs.cm` sits in the argo-cd chart's values. */
const CHART_CM_PATH: ValuePath = ['configs', 'cm'];

/** A `helm.values` string of an Application installing argo-cd: the map is inside a string, so it cannot be a config location. */
export interface InlineValuesString {
  readonly document: YamlDocument;
  /** Path of the `values` string in the document. */
  readonly valuePath: ValuePath;
}

/** Every argo-cd configuration found: editable maps, and `helm.values` strings to read only. */
export interface ArgoCdConfiguration {
  readonly locations: readonly ArgoConfigLocation[];
  readonly valuesStrings: readonly InlineValuesString[];
}

/**
 * Finds argo-cd configuration: ConfigMaps named `argocd-cm` (`data`), and `configs.cm` in values
 * used by the argo-cd chart: a kustomization `helmCharts` entry named `argo-cd` (`valuesFile`,
 * `additionalValuesFiles`, `valuesInline`), an Application source with `chart: argo-cd`
 * (`$ref/…` value files of a ref source that is this repository, `valuesObject`, `values`), an
 * umbrella chart depending on argo-cd (`<alias>.configs.cm` in its `values.yaml`), and as a
 * fallback any `values*.yaml` with a top-level `configs` next to such a kustomization or Application.
 * Results are de-duplicated and sorted by file.
 */
export function findArgoCdConfiguration(index: RepoIndex, isThisRepository: (url: string) => boolean = () => true): ArgoCdConfiguration {
  const locations = new Map<string, ArgoConfigLocation>();
  const add = (location: ArgoConfigLocation): void => {
    locations.set(`${location.file}\u0000${location.documentIndex}\u0000${location.mapPath.join('\u0000')}`, location);
  };
  const addValuesFile = (file: string, mapPath: ValuePath = CHART_CM_PATH): void => {
    const document = index.parsed(file)?.documents[0];
    if (document) add({ container: 'helm-values', file, documentIndex: document.index, mapPath });
  };
  const installingFolders = new Set<string>();
  const valuesStrings: InlineValuesString[] = [];

  for (const file of index.filesMentioning('argocd-cm')) {
    for (const document of index.parsed(file)?.documents ?? []) {
      const object = objectFromDocument(document);
      if (object?.kind === 'ConfigMap' && object.group === '' && object.name === 'argocd-cm') {
        add({ container: 'argocd-cm', file, documentIndex: document.index, mapPath: ['data'] });
      }
    }
  }

  for (const kustomization of kustomizationFiles(index)) {
    const charts = (kustomization.document.value as Record<string, unknown>).helmCharts;
    if (!Array.isArray(charts)) continue;
    charts.forEach((chart: unknown, position) => {
      if (!isRecord(chart) || chart.name !== ARGO_CD_CHART) return;
      installingFolders.add(kustomization.directory);
      for (const relative of [stringField(chart, 'valuesFile'), ...stringItems(chart.additionalValuesFiles)]) {
        const file = relative === undefined ? undefined : joinRepoPath(kustomization.directory, relative);
        if (file !== undefined) addValuesFile(file);
      }
      if (isRecord(chart.valuesInline)) {
        add({ container: 'helm-values', file: kustomization.file, documentIndex: kustomization.document.index, mapPath: ['helmCharts', position, 'valuesInline', ...CHART_CM_PATH] });
      }
    });
  }

  for (const file of index.filesMentioning(ARGO_CD_CHART)) {
    if (basename(file) === 'Chart.yaml') {
      for (const document of index.parsed(file)?.documents ?? []) addUmbrellaChart(document, addValuesFile);
      continue;
    }
    for (const document of index.parsed(file)?.documents ?? []) {
      const object = objectFromDocument(document);
      if (object?.kind !== 'Application' || object.group !== 'argoproj.io') continue;
      const { application } = readApplication(object, index);
      const refs = new Map(application.sources.filter((source) => source.ref !== undefined).map((source) => [`$${source.ref}`, source]));
      for (const source of application.sources) {
        if (source.chart === undefined || basename(source.chart) !== ARGO_CD_CHART) continue;
        installingFolders.add(dirname(file));
        const helmPath = [...object.origin.path, ...source.fieldPath, 'helm'];
        for (const valueFile of source.helm?.valueFiles ?? []) {
          const slash = valueFile.indexOf('/');
          const refSource = slash < 0 ? undefined : refs.get(valueFile.slice(0, slash));
          if (!refSource?.repoURL || !isThisRepository(refSource.repoURL)) continue;
          // `$ref/…` is relative to the root of the ref source's repository, not to its `path`.
          const path = joinRepoPath('', valueFile.slice(slash + 1));
          if (path !== undefined) addValuesFile(path);
        }
        const helm = getPath(document.value, helmPath);
        if (isRecord(helm) && typeof helm.values === 'string' && !isRecord(helm.valuesObject)) {
          valuesStrings.push({ document, valuePath: [...helmPath, 'values'] });
        } else {
          add({ container: 'helm-values', file, documentIndex: document.index, mapPath: [...helmPath, 'valuesObject', ...CHART_CM_PATH] });
        }
      }
    }
  }

  for (const folder of installingFolders) {
    for (const file of index.filesIn(folder)) {
      if (!/^values[^/]*\.ya?ml$/.test(basename(file))) continue;
      const document = index.parsed(file)?.documents[0];
      if (document && isRecord(document.value) && isRecord(document.value.configs)) addValuesFile(file);
    }
  }

  const sorted = [...locations.values()].sort(
    (a, b) => a.file.localeCompare(b.file) || a.documentIndex - b.documentIndex || a.mapPath.join('/').localeCompare(b.mapPath.join('/')),
  );
  return { locations: sorted, valuesStrings };
}

/** An umbrella chart (`Chart.yaml` depending on argo-cd): its `values.yaml` configures argo-cd under the dependency's name or alias. */
function addUmbrellaChart(document: YamlDocument, addValuesFile: (file: string, mapPath: ValuePath) => void): void {
  const dependencies = getPath(document.value, ['dependencies']);
  if (!Array.isArray(dependencies)) return;
  for (const dependency of dependencies) {
    if (!isRecord(dependency) || dependency.name !== ARGO_CD_CHART) continue;
    const key = stringField(dependency, 'alias') ?? ARGO_CD_CHART;
    const chartRoot = dirname(document.file);
    addValuesFile(joinRepoPath(chartRoot, 'values.yaml') ?? 'values.yaml', [key, ...CHART_CM_PATH]);
  }
}
