// What Application renders deploy and create, worked out once per render (kept renders keep them): resources, children, AppProjects.
import { isArgoKind, isDeployedResource, originKey } from './declaredObjects';
import type { KubeObject } from '../kube/kubeObject';
import type { SourceRender } from '../sources/sourceRender';
import { hookTypes } from './hooks';
import type { ApplicationRender } from './renderApplication';
import { effectiveWave } from './syncWave';
import type { AppNode, ResourceNode } from './types';

/** AppProjects among a node's resources, by node: a kept node keeps its list. */
const appProjectsByNode = new WeakMap<AppNode, readonly KubeObject[]>();

/** The AppProjects a node deploys among its resources. */
export function appProjectsDeployedBy(node: AppNode): readonly KubeObject[] {
  let projects = appProjectsByNode.get(node);
  if (projects === undefined) {
    projects = node.resources.filter((resource) => isArgoKind(resource.object, 'AppProject')).map((resource) => resource.object);
    appProjectsByNode.set(node, projects);
  }
  return projects;
}

/**
 * The AppProjects a node deploys that are written nowhere (`writtenPlaces`: the origin keys of the written ones): a
 * build lists those among the model's projects. A deployed copy of a written AppProject is read where it is written.
 */
export function deployedOnlyProjects(node: AppNode, writtenPlaces: ReadonlySet<string>): readonly KubeObject[] {
  const projects = appProjectsDeployedBy(node);
  return projects.some((object) => writtenPlaces.has(originKey(object.origin))) ? projects.filter((object) => !writtenPlaces.has(originKey(object.origin))) : projects;
}

/** What an Application's sources create, in render order, by render: a kept render keeps its list. */
const createdByApplicationRender = new WeakMap<ApplicationRender, readonly KubeObject[]>();

/** The Applications and ApplicationSets an Application's sources create, in render order. */
export function createdObjectsOfApplication(render: ApplicationRender): readonly KubeObject[] {
  let created = createdByApplicationRender.get(render);
  if (created === undefined) createdByApplicationRender.set(render, (created = render.renders.length === 1 ? createdObjectsOf(render.renders[0] as SourceRender) : render.renders.flatMap(createdObjectsOf)));
  return created;
}

/** Created Applications and sets in wave then name order, by render: a kept render keeps its sorted list. */
const childrenByRender = new WeakMap<ApplicationRender, readonly KubeObject[]>();

/** What an Application's sources create (Applications and ApplicationSets), in wave then name order (the order nodes get). */
export function childrenInWaveOrder(render: ApplicationRender): readonly KubeObject[] {
  let children = childrenByRender.get(render);
  if (children === undefined) {
    children = [...createdObjectsOfApplication(render)].sort(compareWaveThenName);
    childrenByRender.set(render, children);
  }
  return children;
}

/** The order of an Application's children in its sync: wave, then name (a stable sort keeps render order between equals). */
export function compareWaveThenName(a: KubeObject, b: KubeObject): number {
  return effectiveWave(a).wave - effectiveWave(b).wave || a.name.localeCompare(b.name);
}

/** The Applications and ApplicationSets a render creates, by render: a kept render keeps them. */
const createdObjectsByRender = new WeakMap<SourceRender, readonly KubeObject[]>();

/** The Applications and ApplicationSets among a render's objects (what its Application creates), in render order. */
export function createdObjectsOf(render: SourceRender): readonly KubeObject[] {
  let created = createdObjectsByRender.get(render);
  if (!created) {
    created = render.objects.filter((object) => !isDeployedResource(object));
    createdObjectsByRender.set(render, created);
  }
  return created;
}

/** Resource nodes by render: a kept render keeps them. */
const resourceNodesByRender = new WeakMap<SourceRender, readonly ResourceNode[]>();

/** The resources a render deploys (its objects but Applications and ApplicationSets), with their waves and hooks. */
export function resourceNodesOf(render: SourceRender): readonly ResourceNode[] {
  let resources = resourceNodesByRender.get(render);
  if (!resources) {
    resources = render.objects.filter(isDeployedResource).map((object) => ({ object, wave: effectiveWave(object), hooks: hookTypes(object) }));
    resourceNodesByRender.set(render, resources);
  }
  return resources;
}

/** What an Application's renders deploy: one render's kept list as it is; several: their lists one after another. */
export function resourcesOf(render: ApplicationRender): readonly ResourceNode[] {
  return render.renders.length === 1 ? resourceNodesOf(render.renders[0] as SourceRender) : render.renders.flatMap(resourceNodesOf);
}
