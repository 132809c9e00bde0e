// The node of an Application that creates nothing (a leaf), as a build's visit makes it: for patches that add one.
import type { ApplicationSpec } from '../argo/types';
import type { KubeObject } from '../kube/kubeObject';
import { orderingOf } from './ordering';
import type { ApplicationRender } from './renderApplication';
import { resourcesOf } from './renderedObjects';
import { effectiveWave } from './syncWave';
import type { AppNode } from './types';

/** Where a leaf node comes from: a root (nothing creates it), or a set that generated it with these parameters. */
export type LeafOrigin = { readonly generator: AppNode; readonly parameters: Readonly<Record<string, unknown>> } | undefined;

/** The node `id` of a leaf Application `object` read as `application` and rendered as `render`, unordered (a root or generated). */
export function leafApplicationNode(id: string, object: KubeObject, application: ApplicationSpec, render: ApplicationRender, from: LeafOrigin, healthCheckFile: string | undefined): AppNode {
  const wave = effectiveWave(object);
  return {
    id,
    kind: 'Application',
    name: object.name,
    object,
    origin: object.origin,
    wave,
    ordering: orderingOf({ kind: 'Application', wave: wave.wave, parent: undefined, generatedBy: from ? { name: from.generator.name } : undefined, healthCheckFile }),
    generatedById: from?.generator.id,
    generatorParameters: from?.parameters,
    application,
    applicationSet: undefined,
    renders: render.renders,
    externalSources: render.externalSources,
    childIds: [],
    resources: resourcesOf(render),
    destinationNamespace: application.destination.namespace,
  };
}
