// The node of an Application that creates nothing (a leaf), as a build's visit makes it: for patches that add one.
import type { ApplicationSpec } from '../argo/types';
import type { KubeObject } from '../kube/kubeObject';
import { orderingOf } from './ordering';
import type { ApplicationRender } from './renderApplication';
import { resourcesOf } from './renderedObjects';
import { effectiveWave } from './syncWave';
import type { AppNode } from './types';

/**
 * Where a leaf node comes from: a root (nothing creates it), a set that generated it with these parameters, or the
 * Application whose render creates it (its parent).
 */
export type LeafOrigin = { readonly generator: AppNode; readonly parameters: Readonly<Record<string, unknown>> } | { readonly parent: AppNode } | undefined;

/** The node `id` of a leaf Application `object` read as `application` and rendered as `render` (a root, generated, or a parent's child). */
export function leafApplicationNode(id: string, object: KubeObject, application: ApplicationSpec, render: ApplicationRender, from: LeafOrigin, healthCheckFile: string | undefined): AppNode {
  const wave = effectiveWave(object);
  const generator = from !== undefined && 'generator' in from ? from : undefined;
  const parent = from !== undefined && 'parent' in from ? from.parent : undefined;
  return {
    id,
    kind: 'Application',
    name: object.name,
    object,
    origin: object.origin,
    wave,
    ordering: orderingOf({ kind: 'Application', wave: wave.wave, parent: parent ? { id: parent.id, name: parent.name } : undefined, generatedBy: generator ? { name: generator.generator.name } : undefined, healthCheckFile }),
    generatedById: generator?.generator.id,
    generatorParameters: generator?.parameters,
    application,
    applicationSet: undefined,
    renders: render.renders,
    externalSources: render.externalSources,
    childIds: NO_CHILDREN,
    childIdsInRenderOrder: NO_CHILDREN,
    resources: resourcesOf(render),
    destinationNamespace: application.destination.namespace,
  };
}

const NO_CHILDREN: readonly string[] = [];
