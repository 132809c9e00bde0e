// The objects whose annotations the wave rules read (each written place once), and what is written for an annotation there.
import { getPath, isRecord, objectFromBody, type KubeObject, type ObjectOrigin } from '../../../kube/kubeObject';
import { changedPlaces, nodesCameAndWent, ResultsByPosition } from '../../../model/nodePositions';
import type { AppNode, RepositoryModel } from '../../../model/types';
import type { RepoIndex } from '../../../repoIndex';
import type { SourceLocation } from '../../../text/span';
import { locate } from '../../../yaml/yamlDocument';
import type { Problem } from '../../rule';

/** An object Argo CD would apply (or an ApplicationSet template it copies), with the model node it belongs to. */
export interface WaveObject {
  readonly object: KubeObject;
  /** The Application or ApplicationSet node itself, or the Application that deploys this resource. */
  readonly node: AppNode;
  /** `node`: the object is the node; `resource`: a resource the node deploys; `template`: the node's ApplicationSet template. */
  readonly role: 'node' | 'resource' | 'template';
}

/** What a check found for one wave object, with the number of the place it is written at. */
interface Judged {
  readonly place: number;
  readonly problems: readonly Problem[];
}

/** Per node, per check: what the check found for the node's wave objects (a kept node keeps its list). */
const judgedByNode = new WeakMap<AppNode, Map<string, readonly Judged[]>>();

/**
 * What `judge` finds for every wave object of the model, in model order and each written place once
 * (on the first node that has it, as {@link waveObjects} lists them). `judge` may read the object, the
 * node and its children, and places in the node's files and rendered files: it runs once per node object
 * (kept nodes keep their findings, see `KeptNodes`), and only written places two nodes share need
 * the model order to decide which node reports them.
 */
export function judgeWaveObjects(model: RepositoryModel, check: string, judge: (item: WaveObject) => readonly Problem[]): Problem[] {
  const owners = placeOwnersOf(model);
  const problems: Problem[] = [];
  // The last model's lists by position: a node at the same place as then takes its list without a lookup.
  let byPosition = listsByCheck.get(check);
  if (byPosition === undefined) listsByCheck.set(check, (byPosition = new ResultsByPosition()));
  const lists = byPosition.resultsFor(model.nodes, (node) => judgedFor(node, check, judge));
  for (const position of placesJudged(check, lists)) {
    const list = lists[position] as readonly Judged[];
    const node = model.nodes[position] as AppNode;
    for (const judged of list) if (owners.reportsAt(node, judged.place)) problems.push(...judged.problems);
  }
  return problems;
}

/** Per check: the lists of the model it last judged, position by position. */
const listsByCheck = new Map<string, ResultsByPosition<readonly Judged[]>>();

/**
 * The positions of `lists` whose list found something, ascending: followed from the check's last lists at the places
 * replaced since (see `changedPlaces`), found by a pass over every list otherwise.
 */
function placesJudged(check: string, lists: readonly (readonly Judged[])[]): readonly number[] {
  const last = placesByCheck.get(check);
  if (last !== undefined && last.lists === lists) return last.places;
  const replaced = last === undefined ? undefined : changedPlaces(last.lists, lists);
  let places: number[];
  if (last !== undefined && replaced !== undefined) {
    const found = new Set(last.places);
    for (const position of replaced) {
      if (lists[position] === NOTHING_JUDGED) found.delete(position);
      else found.add(position);
    }
    places = [...found].sort((a, b) => a - b);
  } else {
    places = [];
    for (let position = 0; position < lists.length; position++) if (lists[position] !== NOTHING_JUDGED) places.push(position);
  }
  placesByCheck.set(check, { lists, places });
  return places;
}

const placesByCheck = new Map<string, { readonly lists: readonly (readonly Judged[])[]; readonly places: readonly number[] }>();

function judgedFor(node: AppNode, check: string, judge: (item: WaveObject) => readonly Problem[]): readonly Judged[] {
  let byCheck = judgedByNode.get(node);
  if (!byCheck) judgedByNode.set(node, (byCheck = new Map()));
  let judged = byCheck.get(check);
  if (judged === undefined) {
    const found: Judged[] = [];
    for (const item of waveObjectsOfNode(node)) {
      const problems = judge(item.waveObject);
      if (problems.length > 0) found.push({ place: item.place, problems });
    }
    // Most nodes find nothing: one shared empty list, which the pass over every node's list reads from the cache.
    byCheck.set(check, (judged = found.length === 0 ? NOTHING_JUDGED : found));
  }
  return judged;
}

const NOTHING_JUDGED: readonly Judged[] = [];

/**
 * How many nodes have each written place among their wave objects, kept up to date from one model to
 * the next by the nodes that came and went (a language server's models share most nodes).
 */
class PlaceOwners {
  /** The counted model's nodes, in its order. */
  #nodes: readonly AppNode[] = [];
  readonly #counts = new Map<number, number>();
  /** Per shared place: the node that reports it in the current model (worked out when first asked). */
  #firstOwners = new Map<number, AppNode | undefined>();
  #model: RepositoryModel | undefined;

  /** The model whose nodes are counted. */
  get model(): RepositoryModel | undefined {
    return this.#model;
  }

  /**
   * Takes the nodes of `model`: a node that came counts its places in, one that went counts them out (see
   * `nodesCameAndWent`). Models that share most nodes in the same order cost a pointer comparison per node.
   */
  follow(model: RepositoryModel): void {
    // A node that only moved (a wave edit reorders the model) counts in and out: it is not counted at all.
    for (const [node, step] of nodesCameAndWent(this.#nodes, model.nodes)) this.#count(node, step);
    this.#nodes = model.nodes;
    this.#model = model;
    this.#firstOwners = new Map();
  }

  /** True when `node` is the node that reports the place (the first node of the model that has it). */
  reportsAt(node: AppNode, place: number): boolean {
    if ((this.#counts.get(place) ?? 0) <= 1) return true;
    if (!this.#firstOwners.has(place)) {
      const first = this.#model?.nodes.find((candidate) => waveObjectsOfNode(candidate).some((item) => item.place === place));
      this.#firstOwners.set(place, first);
    }
    return this.#firstOwners.get(place) === node;
  }

  #count(node: AppNode, step: number): void {
    const seen = new Set<number>();
    for (const item of waveObjectsOfNode(node)) {
      if (seen.has(item.place)) continue;
      seen.add(item.place);
      const count = (this.#counts.get(item.place) ?? 0) + step;
      if (count === 0) this.#counts.delete(item.place);
      else this.#counts.set(item.place, count);
    }
  }
}

/** One instance follows the models as they are analysed, one after another (a language server's share most nodes). */
const owners = new PlaceOwners();

/** The place owners of `model`: moving them from the previous model costs the nodes that changed. */
function placeOwnersOf(model: RepositoryModel): PlaceOwners {
  if (owners.model !== model) owners.follow(model);
  return owners;
}

/** A stable key for the place an object is written (file, document, path). */
export function writtenPlaceKey(origin: ObjectOrigin): string {
  // Origins are immutable and kept with kept renders: each key is built once.
  let key = placeKeys.get(origin);
  if (key === undefined) placeKeys.set(origin, (key = `${origin.file}#${origin.documentIndex}#${origin.path.join('\u0000')}`));
  return key;
}

const placeKeys = new WeakMap<ObjectOrigin, string>();

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

/** Written places by number (a number compares faster than a key). Numbers are never reused; the table holds each place ever met. */
const placeNumbers = new Map<string, number>();

function placeNumber(key: string): number {
  let number = placeNumbers.get(key);
  if (number === undefined) placeNumbers.set(key, (number = placeNumbers.size));
  return number;
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
