// Renders an Application source folder with the tool Argo CD would use (directory, kustomize, helm, plugin).
import { renderKustomization } from '../kustomize/renderKustomization';
import type { RepoIndex } from '../repoIndex';
import { detectTool } from './detectTool';
import { renderDirectory } from './directorySource';
import { renderHelmChart } from './helmSource';
import type { SourceRender, SourceRequest } from './sourceRender';

/** Why an in-repository chart's objects are unknown. */
export const HELM_NOT_EXPANDED = 'rendered by Helm, not expanded';
/** Why a plugin source's objects are unknown. */
export const PLUGIN_NOT_EXPANDED = 'rendered by a config management plugin, not expanded';

/**
 * What a source folder deploys, as far as it is known statically. Never throws; problems are
 * findings (file-level parse problems are not repeated). Kustomize sources are rendered with the
 * Application's overrides; Helm charts and plugins are recorded as not expanded.
 */
export function renderSource(index: RepoIndex, request: SourceRequest): SourceRender {
  const detection = detectTool(index, request);
  if (detection.conflictingBlocks) {
    return {
      tool: detection.tool,
      objects: [],
      helmCharts: [],
      remoteResources: [],
      filesRead: [],
      notExpanded: `Argo CD refuses a source with several tool blocks (${detection.conflictingBlocks.join(', ')}): "multiple application sources defined"`,
      problems: [],
    };
  }
  switch (detection.tool) {
    case 'kustomize': {
      const render = renderKustomization(index, request.path, request.kustomize, request.kustomizeBuildOptions);
      return {
        tool: 'kustomize',
        objects: render.objects,
        helmCharts: render.helmCharts,
        remoteResources: render.remoteResources,
        filesRead: render.filesRead,
        notExpanded: undefined,
        problems: render.problems,
      };
    }
    case 'helm': {
      const render = renderHelmChart(index, request.path);
      return { tool: 'helm', objects: render.objects, helmCharts: render.helmCharts, remoteResources: [], filesRead: render.filesRead, notExpanded: HELM_NOT_EXPANDED, problems: [] };
    }
    case 'plugin':
      return { tool: 'plugin', objects: [], helmCharts: [], remoteResources: [], filesRead: [], notExpanded: PLUGIN_NOT_EXPANDED, problems: [] };
    case 'directory': {
      const render = renderDirectory(index, request.path, request.directory);
      return {
        tool: 'directory',
        objects: render.objects,
        helmCharts: [],
        remoteResources: [],
        filesRead: render.filesRead,
        notExpanded: render.jsonnetFiles.length > 0 ? `jsonnet files evaluated by Argo CD, not expanded: ${render.jsonnetFiles.join(', ')}` : undefined,
        problems: [],
      };
    }
  }
}
