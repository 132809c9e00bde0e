// The objects whose annotations the wave rules read (each written place once), and what is written for an annotation there.
import { getPath, isRecord, objectFromBody, type KubeObject, type ObjectOrigin } from '../../../kube/kubeObject';
import type { AppNode, RepositoryModel } from '../../../model/types';
import type { RepoIndex } from '../../../repoIndex';
import type { SourceLocation } from '../../../text/span';
import { locate } from '../../../yaml/yamlDocument';

/** An object Argo CD would apply (or an ApplicationSet template it copies), with the model node it belongs to. */
export interface WaveObject {
  readonly object: KubeObject;
  /** The Application or ApplicationSet node itself, or the Application that deploys this resource. */
  readonly node: AppNode;
  /** `node`: the object is the node; `resource`: a resource the node deploys; `template`: the node's ApplicationSet template. */
  readonly role: 'node' | 'resource' | 'template';
}

/** A stable key for the place an object is written (file, document, path). */
export function writtenPlaceKey(origin: ObjectOrigin): string {
  // Origins are immutable and kept with kept renders: each key is built once.
  let key = placeKeys.get(origin);
  if (key === undefined) placeKeys.set(origin, (key = `${origin.file}#${origin.documentIndex}#${origin.path.join('\u0000')}`));
  return key;
}

const placeKeys = new WeakMap<ObjectOrigin, string>();

/**
 * Every Application, ApplicationSet, ApplicationSet template and deployed resource of the model,
 * each written place once (a file rendered by two Applications, or a template shared by every
 * Application a set generates, counts once), in model order.
 */
export function waveObjects(model: RepositoryModel): readonly WaveObject[] {
  let objects = waveObjectsByModel.get(model);
  if (!objects) waveObjectsByModel.set(model, (objects = collectWaveObjects(model)));
  return objects;
}

/** The wave rules share one list per model. */
const waveObjectsByModel = new WeakMap<RepositoryModel, readonly WaveObject[]>();

function collectWaveObjects(model: RepositoryModel): WaveObject[] {
  const stamp = nextStamp();
  const result: WaveObject[] = [];
  for (const node of model.nodes) {
    for (const item of waveObjectsOfNode(node)) {
      if (placeStamps[item.place] === stamp) continue;
      placeStamps[item.place] = stamp;
      result.push(item.waveObject);
    }
  }
  return result;
}

/** A wave object with the number of the place it is written at (see {@link placeNumber}). */
interface NumberedWaveObject {
  readonly waveObject: WaveObject;
  readonly place: number;
}

/** Each node's own list, before places written twice are dropped: a kept node keeps its list. */
const waveObjectsByNode = new WeakMap<AppNode, readonly NumberedWaveObject[]>();

/** The node, its set's template (for an ApplicationSet), and the resources it deploys, in that order. */
function waveObjectsOfNode(node: AppNode): readonly NumberedWaveObject[] {
  let items = waveObjectsByNode.get(node);
  if (items !== undefined) return items;
  const list: WaveObject[] = [{ object: node.object, node, role: 'node' }];
  if (node.kind === 'ApplicationSet') {
    const template = templateObject(node);
    if (template) list.push({ object: template, node, role: 'template' });
  }
  for (const resource of node.resources) list.push({ object: resource.object, node, role: 'resource' });
  items = list.map((waveObject) => ({ waveObject, place: placeNumber(writtenPlaceKey(waveObject.object.origin)) }));
  waveObjectsByNode.set(node, items);
  return items;
}

/**
 * Written places by number, so dropping places met before is an array lookup (a list of every
 * resource is made after each edit). Numbers are never reused; the table holds each place ever met.
 */
const placeNumbers = new Map<string, number>();
/** For each place number, the stamp of the last list that took it. */
let placeStamps = new Uint32Array(1024);
let lastStamp = 0;

function placeNumber(key: string): number {
  let number = placeNumbers.get(key);
  if (number === undefined) {
    placeNumbers.set(key, (number = placeNumbers.size));
    if (number >= placeStamps.length) {
      const grown = new Uint32Array(placeStamps.length * 2);
      grown.set(placeStamps);
      placeStamps = grown;
    }
  }
  return number;
}

function nextStamp(): number {
  if (lastStamp === 0xffffffff) {
    placeStamps.fill(0);
    lastStamp = 0;
  }
  return ++lastStamp;
}

/** An ApplicationSet's template metadata as an object (origin at `spec.template`), so its annotations read like an Application's. */
export function templateObject(node: AppNode): KubeObject | undefined {
  const template = node.applicationSet?.template;
  if (!isRecord(template)) return undefined;
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  return objectFromBody(
    { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata, spec: isRecord(template.spec) ? template.spec : {} },
    { ...node.origin, path: [...node.origin.path, 'spec', 'template'] },
  );
}

/** An annotation as written in the object's own document: its plain value and where the value is. */
export interface WrittenAnnotation {
  /** The value as YAML reads it (a string, number, boolean, null…). */
  readonly value: unknown;
  readonly location: SourceLocation;
}

/**
 * The annotation `key` as written at the object's origin, or undefined when that document does not
 * write it there (it came from a Kustomize transformation or a patch): then no fix edits it.
 */
export function writtenAnnotation(index: RepoIndex, origin: ObjectOrigin, key: string): WrittenAnnotation | undefined {
  const document = index.parsed(origin.file)?.documents.find((candidate) => candidate.index === origin.documentIndex);
  if (!document) return undefined;
  const path = [...origin.path, 'metadata', 'annotations', key];
  const annotations = getPath(document.value, path.slice(0, -1));
  if (!isRecord(annotations) || !(key in annotations)) return undefined;
  const entry = locate(document, path);
  if (!entry) return undefined;
  const span = entry.value.start === entry.value.end && entry.key ? entry.key : entry.value;
  return { value: annotations[key], location: { file: origin.file, span } };
}
