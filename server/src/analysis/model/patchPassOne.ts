// Pass 1 of a patched build: the renders of renderers an edit touched, and of the Applications a set now generates.
import type { ExpansionResult } from '../appsets/expansionTypes';
import { readApplication } from '../argo/readApplication';
import type { IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import { originKey } from './declaredObjects';
import { generatedApplicationObject } from './generatedApplications';
import type { GeneratedPassOne, ModelRecord } from './keptModel';
import { shapeOf, type RenderChange } from './passOneFacts';
import { createdPairs, creationChange, sameRenderShape } from './patchNodes';
import { renderApplication, type ApplicationRender, type RenderContext } from './renderApplication';
import { createdObjectsOfApplication } from './renderedObjects';

/** Pass 1's renders done again for the renderers an edit touched (see {@link renderTouchedPassOne}). */
export interface TouchedPassOne {
  /** New renders of written Applications (the same objects). */
  readonly renders: ReadonlyMap<KubeObject, ApplicationRender>;
  /** New pass 1 of the written sets whose generated Applications render otherwise (the same objects). */
  readonly generated: ReadonlyMap<string, GeneratedPassOne>;
  /** The reads of each render done again, by its object. */
  readonly reads: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>;
  readonly reshaped: readonly RenderChange[];
  readonly reshapedRenders: ReadonlyMap<string, ApplicationRender>;
  /** Written Applications whose new render creates Applications it did not, or no more creates some it did. */
  readonly creations: readonly CreatorChange[];
}

/** A written Application whose render now creates other Applications (by place) than before: those it no more creates, those it now creates. */
export interface CreatorChange {
  readonly creator: KubeObject;
  readonly removed: readonly KubeObject[];
  readonly added: readonly KubeObject[];
}

/**
 * Pass 1 again for its renderers that the edit touched but did not replace: written Applications (roots, orphans,
 * the written documents of Applications others create) and the Applications written sets generate, whose render
 * read a changed file. Each must create the same objects as before (who creates whom decides roots and orphans),
 * but a written Application may create Applications at other places (a kustomization listing one more, or one
 * less: see `CreatorChange`); it may render other folders or read other kustomizations (followed like an edited
 * one's), a generated one may not (its node could not follow). Undefined when only a build can tell.
 */
export function renderTouchedPassOne(
  redo: ReadonlySet<KubeObject>,
  replaced: ReadonlyMap<KubeObject, KubeObject>,
  gone: ReadonlySet<KubeObject>,
  reexpanded: ReadonlyMap<string, ExpansionResult>,
  record: ModelRecord,
  context: RenderContext,
): TouchedPassOne | undefined {
  const renders = new Map<KubeObject, ApplicationRender>();
  const generated = new Map<string, GeneratedPassOne>();
  const reads = new Map<KubeObject, readonly (readonly IndexRead[])[]>();
  const reshaped: RenderChange[] = [];
  const reshapedRenders = new Map<string, ApplicationRender>();
  const creations: CreatorChange[] = [];
  const generatedPlaces = generatedPlacesOf(record);
  for (const object of redo) {
    if (replaced.has(object) || gone.has(object)) continue;
    const before = record.passOneRenders.get(object);
    if (before !== undefined) {
      const reading = record.writtenReadings.get(object);
      if (reading === undefined) return undefined;
      const { value: render, reads: renderReads } = context.index.recordReadsApart(() => renderApplication(reading.application, context));
      reads.set(object, renderReads);
      if (render === before) continue;
      const change = creationChange(before, render);
      if (change === undefined) return undefined;
      if (change.added.length > 0 || change.removed.length > 0) creations.push({ creator: object, removed: change.removed, added: change.added });
      renders.set(object, render);
      if (!sameRenderShape(before, render)) {
        reshaped.push({ key: originKey(object.origin), before: shapeOf([before]), after: shapeOf([render]) });
        reshapedRenders.set(originKey(object.origin), render);
      }
      continue;
    }
    const place = generatedPlaces.get(object);
    if (place === undefined || reexpanded.has(place)) continue;
    const kept = generated.get(place) ?? (record.passOneGenerated.get(place) as GeneratedPassOne);
    const position = kept.objects.indexOf(object);
    const previous = kept.renders[position] as ApplicationRender;
    const { value: render, reads: renderReads } = context.index.recordReadsApart(() => renderApplication(readApplication(object, context.index).application, context));
    reads.set(object, renderReads);
    if (render === previous) continue;
    if (createdPairs(previous, render) === undefined || !sameRenderShape(previous, render)) return undefined;
    generated.set(place, { objects: kept.objects, renders: kept.renders.map((other, at) => (at === position ? render : other)) });
  }
  return { renders, generated, reads, reshaped, reshapedRenders, creations };
}

/** The set place of each Application pass 1 generated, by record. */
const generatedPlacesByRecord = new WeakMap<ReadonlyMap<string, GeneratedPassOne>, ReadonlyMap<KubeObject, string>>();

function generatedPlacesOf(record: ModelRecord): ReadonlyMap<KubeObject, string> {
  let places = generatedPlacesByRecord.get(record.passOneGenerated);
  if (places === undefined) {
    const byObject = new Map<KubeObject, string>();
    for (const [place, { objects }] of record.passOneGenerated) for (const object of objects) byObject.set(object, place);
    generatedPlacesByRecord.set(record.passOneGenerated, (places = byObject));
  }
  return places;
}

/**
 * Pass 1's generated Applications of a written set's expansion and their renders (each render's reads kept in
 * `reads` under its object), as a build makes them; undefined when one creates Applications or sets.
 */
export function generatedPassOne(set: KubeObject, expansion: ExpansionResult, context: RenderContext, reads: Map<KubeObject, readonly (readonly IndexRead[])[]>): GeneratedPassOne | undefined {
  const objects: KubeObject[] = [];
  const renders: ApplicationRender[] = [];
  for (const { body } of expansion.applications) {
    const object = generatedApplicationObject(set, body);
    if (object === undefined) continue;
    const { value: render, reads: renderReads } = context.index.recordReadsApart(() => renderApplication(readApplication(object, context.index).application, context));
    if (createsAnything(render)) return undefined;
    objects.push(object);
    renders.push(render);
    reads.set(object, [...(reads.get(object) ?? []), ...renderReads]);
  }
  return { objects, renders };
}

/** True when a render creates Applications or ApplicationSets. */
export function createsAnything(render: ApplicationRender): boolean {
  return createdObjectsOfApplication(render).length > 0;
}
