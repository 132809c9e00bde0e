// Renders what an Application deploys from this repository: each in-repository source, and argocd-apps values.
import type { ApplicationSource, ApplicationSpec } from '../argo/types';
import { objectsFromArgocdAppsValues } from '../argo/argocdAppsValues';
import { locateField } from '../kube/locateObject';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { problem, type Problem } from '../rules/rule';
import { pathEscapesRepository } from '../rules/source/path-escapes-repository';
import { sourcePathNotFound } from '../rules/model/source-path-not-found';
import { ObjectReadMemo, type ReadMemo } from '../incremental/readMemo';
import { renderSource } from '../sources/renderSource';
import type { HelmChartReference, SourceRender, SourceRequest } from '../sources/sourceRender';
import { joinRepoPath, normalizeRepoPath } from '../text/repoPath';
import type { IndexRead } from '../incremental/indexReads';
import { splicedKustomizeRender } from '../kustomize/splicedRender';

/** The chart whose values declare Applications and ApplicationSets. */
const ARGOCD_APPS_CHART = 'argocd-apps';

/** What rendering an Application's sources produced. */
export interface ApplicationRender {
  readonly renders: readonly SourceRender[];
  /** Human-readable descriptions of sources outside this repository. */
  readonly externalSources: readonly string[];
  /** Folders of this repository the Application renders. */
  readonly renderedFolders: readonly string[];
  readonly problems: readonly Problem[];
}

/** Shared state for rendering many Applications: the index, repository identity and a render cache. */
export interface RenderContext {
  readonly index: RepoIndex;
  readonly isThisRepository: (repoURL: string) => boolean;
  /** Renders of this analysis by request, when there is no `renderMemo` (which then does this job). */
  readonly renderCache: Map<string, SourceRender>;
  /** Renders kept from earlier analyses (a language server), reused while the files they read are unchanged. */
  readonly renderMemo?: ReadMemo<SourceRender> | undefined;
  /** argocd-cm `kustomize.buildOptions` (e.g. `--load-restrictor LoadRestrictionsNone`), when configured here. */
  readonly kustomizeBuildOptions: string | undefined;
  /**
   * A short key for what `isThisRepository` and `kustomizeBuildOptions` stand for; with `renderMemo`,
   * whole Application renders are kept under it.
   */
  readonly factsKey?: string | undefined;
}

/** Renders every source of an Application that lives in this repository. */
export function renderApplication(application: ApplicationSpec, context: RenderContext): ApplicationRender {
  // Readings are kept across analyses (see readApplication): so is what they render, while the files read are unchanged.
  if (context.renderMemo && context.factsKey !== undefined) return applicationRenders.get(context.index, application, () => renderSources(application, context), context.factsKey);
  return renderSources(application, context);
}

const applicationRenders = new ObjectReadMemo<ApplicationSpec, ApplicationRender>();

function renderSources(application: ApplicationSpec, context: RenderContext): ApplicationRender {
  const renders: SourceRender[] = [];
  const externalSources: string[] = [];
  const renderedFolders: string[] = [];
  const problems: Problem[] = [];
  const refs = new Map<string, ApplicationSource>();
  for (const source of application.sources) if (source.ref) refs.set(source.ref, source);

  for (const source of application.sources) {
    if (source.chart !== undefined) {
      externalSources.push(`Helm chart ${source.chart}${source.targetRevision ? ` ${source.targetRevision}` : ''} from ${source.repoURL ?? '(no repoURL)'}`);
      if (source.chart === ARGOCD_APPS_CHART) renders.push(renderArgocdAppsChart(application, source, refs, context));
      continue;
    }
    if (source.ref !== undefined && source.path === undefined) continue; // a `$ref` for value files only
    if (source.repoURL === undefined || !context.isThisRepository(source.repoURL)) {
      externalSources.push(`${source.repoURL ?? '(no repoURL)'}${source.path !== undefined ? ` path ${source.path}` : ''}`);
      continue;
    }
    const pathLocation = locateField(context.index, application.object.origin, [...source.fieldPath, 'path'], 'value');
    const folder = normalizeRepoPath(source.path ?? '');
    if (folder === undefined) {
      problems.push(problem(pathEscapesRepository, `Source path '${source.path}' climbs out of the repository.`, pathLocation));
      continue;
    }
    if (!context.index.isDirectory(folder)) {
      problems.push(problem(sourcePathNotFound, `Source path '${source.path ?? ''}' does not exist in this repository.`, pathLocation));
      continue;
    }
    renderedFolders.push(folder);
    const render = cachedRender(context, {
      path: folder,
      ...(source.directory ? { directory: source.directory } : {}),
      ...(source.kustomize ? { kustomize: source.kustomize } : {}),
      ...(source.helm ? { helm: true } : {}),
      ...(source.plugin ? { plugin: true } : {}),
      ...(context.kustomizeBuildOptions !== undefined ? { kustomizeBuildOptions: context.kustomizeBuildOptions } : {}),
    });
    renders.push(withArgocdAppsCharts(render, context));
  }
  return { renders, externalSources, renderedFolders, problems };
}

/** Renders a folder of this repository as an Application without tool blocks would (cached). */
export function renderApplicationFolder(context: RenderContext, folder: string): SourceRender {
  return cachedRender(context, {
    path: folder,
    ...(context.kustomizeBuildOptions !== undefined ? { kustomizeBuildOptions: context.kustomizeBuildOptions } : {}),
  });
}

function cachedRender(context: RenderContext, request: SourceRequest): SourceRender {
  const key = JSON.stringify(request);
  // With a memo, through it even when this analysis rendered it already: a hit adds its reads to the open recording.
  if (context.renderMemo) {
    const index = context.index;
    // A kustomization that only lists files, some of which changed: the kept render with their objects put in place.
    const splice = (kept: SourceRender, keptReads: readonly IndexRead[], checkedIn: number): ReturnType<typeof splicedKustomizeRender> => {
      const changed = index.changedFileReads(keptReads, checkedIn);
      return changed === undefined ? undefined : splicedKustomizeRender(index, request, kept, keptReads, changed);
    };
    return context.renderMemo.get(index, key, () => renderSource(index, request), splice);
  }
  const cached = context.renderCache.get(key);
  if (cached) return cached;
  const render = renderSource(context.index, request);
  context.renderCache.set(key, render);
  return render;
}

/** Adds the Applications declared in the values of argocd-apps charts that a Kustomize source pulls in. */
function withArgocdAppsCharts(render: SourceRender, context: RenderContext): SourceRender {
  const charts = render.helmCharts.filter((chart) => chart.name === ARGOCD_APPS_CHART);
  if (charts.length === 0) return render;
  const extra = charts.flatMap((chart) => objectsFromValuesFiles(chart.valuesFiles, context.index));
  return { ...render, objects: [...render.objects, ...extra] };
}

function objectsFromValuesFiles(valuesFiles: readonly string[], index: RepoIndex): KubeObject[] {
  return valuesFiles.flatMap((file) => (index.parsed(file)?.documents ?? []).flatMap((document) => objectsFromArgocdAppsValues(document)));
}

/** An Application whose source is the argocd-apps chart: its Applications come from the value files of this repository. */
function renderArgocdAppsChart(
  application: ApplicationSpec,
  source: ApplicationSource,
  refs: ReadonlyMap<string, ApplicationSource>,
  context: RenderContext,
): SourceRender {
  const valuesFiles: string[] = [];
  for (const valueFile of source.helm?.valueFiles ?? []) {
    const match = /^\$([^/]+)\/(.*)$/.exec(valueFile);
    if (!match) continue; // relative to the external chart: not in this repository
    const refSource = refs.get(match[1] ?? '');
    if (!refSource?.repoURL || !context.isThisRepository(refSource.repoURL)) continue;
    const file = joinRepoPath('', match[2] ?? '');
    if (file !== undefined && context.index.file(file)) valuesFiles.push(file);
  }
  const chart: HelmChartReference = {
    name: ARGOCD_APPS_CHART,
    repo: source.repoURL,
    version: source.targetRevision,
    releaseName: source.helm?.releaseName,
    namespace: application.destination.namespace,
    valuesFiles,
    valuesInline: source.helm?.values,
    includeCRDs: undefined,
    location: locateField(context.index, application.object.origin, [...source.fieldPath, 'chart']),
  };
  return {
    tool: 'helm',
    objects: objectsFromValuesFiles(valuesFiles, context.index),
    helmCharts: [chart],
    remoteResources: [],
    filesRead: valuesFiles,
    notExpanded: 'rendered by Helm: only the Applications declared in the argocd-apps values are known',
    problems: [],
  };
}
