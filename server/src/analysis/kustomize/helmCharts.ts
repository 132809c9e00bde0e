// helmCharts (kustomize's Helm chart inflation): recorded as chart references, never rendered.
import { isRecord } from '../kube/kubeObject';
import { problem } from '../rules/rule';
import { invalidKustomization } from '../rules/kustomize/invalid-kustomization';
import { missingResource } from '../rules/kustomize/missing-resource';
import type { HelmChartReference } from '../sources/sourceRender';
import { joinRepoPath } from '../text/repoPath';
import { kustomizationLocation } from './kustomizationFile';
import { checkFileInsideRoot, resolveReferencedPath } from './referencedPath';
import type { Level } from './renderContext';

/**
 * Records the kustomization's `helmCharts`. Values files are resolved relative to the
 * kustomization folder and must exist. A chart already present under `helmGlobals.chartHome`
 * (default `charts`) is used by kustomize instead of being pulled: its `values.yaml` comes first
 * in `valuesFiles`. The chart's objects are unknown, so the render becomes incomplete.
 */
export function recordHelmCharts(level: Level): void {
  const entries = level.value.helmCharts;
  if (!Array.isArray(entries) || entries.length === 0) return;
  level.complete = false;
  const globals = isRecord(level.value.helmGlobals) ? level.value.helmGlobals : {};
  const chartHome = typeof globals.chartHome === 'string' && globals.chartHome !== '' ? globals.chartHome : 'charts';
  entries.forEach((entry, entryIndex) => {
    const location = kustomizationLocation(level.kustomization, ['helmCharts', entryIndex]);
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '') {
      level.context.report(problem(invalidKustomization, 'A helmCharts entry needs a name.', location));
      return;
    }
    const valuesFiles: string[] = [];
    const localChart = joinRepoPath(level.kustomization.directory, `${chartHome}/${entry.name}`);
    if (localChart !== undefined && level.context.index.file(`${localChart}/Chart.yaml`) !== undefined) {
      level.context.filesRead.add(`${localChart}/Chart.yaml`);
      if (level.context.index.file(`${localChart}/values.yaml`) !== undefined) valuesFiles.push(`${localChart}/values.yaml`);
    }
    const written: { value: unknown; path: (string | number)[] }[] = [{ value: entry.valuesFile, path: ['helmCharts', entryIndex, 'valuesFile'] }];
    if (Array.isArray(entry.additionalValuesFiles)) {
      entry.additionalValuesFiles.forEach((value, fileIndex) => written.push({ value, path: ['helmCharts', entryIndex, 'additionalValuesFiles', fileIndex] }));
    }
    for (const { value, path } of written) {
      if (typeof value !== 'string' || value === '') continue;
      if (/^[a-z]+:\/\//i.test(value)) continue;
      const fileLocation = kustomizationLocation(level.kustomization, path);
      const resolved = resolveReferencedPath(level, value, fileLocation);
      if (resolved === undefined) continue;
      if (level.context.index.file(resolved) === undefined) {
        level.context.report(problem(missingResource, `Values file ${JSON.stringify(value)} of chart ${entry.name} not found (${resolved}); kustomize build fails.`, fileLocation));
        continue;
      }
      checkFileInsideRoot(level, resolved, fileLocation);
      level.context.filesRead.add(resolved);
      valuesFiles.push(resolved);
    }
    const reference: HelmChartReference = {
      name: entry.name,
      repo: stringOrUndefined(entry.repo),
      version: stringOrUndefined(entry.version),
      releaseName: stringOrUndefined(entry.releaseName),
      namespace: stringOrUndefined(entry.namespace),
      valuesFiles,
      valuesInline: isRecord(entry.valuesInline) ? entry.valuesInline : undefined,
      includeCRDs: typeof entry.includeCRDs === 'boolean' ? entry.includeCRDs : undefined,
      location,
    };
    level.context.helmCharts.push(reference);
  });
}

function stringOrUndefined(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
