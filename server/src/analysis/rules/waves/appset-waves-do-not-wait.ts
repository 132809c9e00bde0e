// Rule waves/appset-waves-do-not-wait: later waves of a parent's sync wait only until an ApplicationSet has generated its Applications.
import type { KubeObject } from '../../kube/kubeObject';
import { locateField } from '../../kube/locateObject';
import type { AppNode, RepositoryModel, ResourceNode } from '../../model/types';
import { SYNC_WAVE_ANNOTATION } from '../../model/syncWave';
import type { RepoIndex } from '../../repoIndex';
import type { SourceLocation } from '../../text/span';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import { hasCustomApplicationSetHealth } from './support/appSetHealth';
import { writtenAnnotation } from './support/waveObjects';
import { NodesWhere } from '../../model/nodePositions';

const MAX_NAMES_PER_WAVE = 4;

/** An object of a parent's sync that runs in a wave after an ApplicationSet. */
interface LaterItem {
  readonly wave: number;
  readonly label: string;
  readonly object: KubeObject;
  /** The child's id when the item is a child Application or ApplicationSet (undefined for a resource). */
  readonly childId: string | undefined;
}

/** A parent sync orders an ApplicationSet before later waves, which then wait for generation, not health. */
export const appsetWavesDoNotWait = defineCheck(
  {
    id: 'waves/appset-waves-do-not-wait',
    defaultSeverity: 'warning',
    summary: "Later waves after an ApplicationSet wait only until its Applications are generated, not until they are healthy.",
  },
  (context) => {
    const { index, model } = context;
    if (hasCustomApplicationSetHealth(index, model)) return [];
    const problems: Problem[] = [];
    for (const set of setsOrderedByGeneration.of(model.nodes)) {
      // With RollingSync, v3.2+ keeps the set Progressing until every step is Healthy (code-derived).
      if (set.applicationSet?.strategyType === 'RollingSync' || set.ordering.parentId === undefined) continue;
      const parent = model.nodesById.get(set.ordering.parentId);
      if (!parent) continue;
      const found = keptProblem(index, model, set, parent) ?? judgeSet(index, model, set, parent);
      if (found !== NOTHING) problems.push(found);
    }
    return problems;
  },
);

/** The ApplicationSets a parent orders whose wave gates on generation (followed from one model to the next). */
const setsOrderedByGeneration = new NodesWhere((node) => node.kind === 'ApplicationSet' && node.ordering.gating === 'generation' && node.ordering.parentId !== undefined);

/** What a set's judgement found: its problem, or nothing to say. */
const NOTHING = 'nothing';
type Judgement = Problem | typeof NOTHING;

/**
 * A set's judgement and what it read: the set (the key: the same node object), its parent's name, resources
 * and children as the model had them, and the parse of each file it located a place in. After an edit the
 * parent of an edited node is a new object, and so is the edited node, but what the judgement reads of them
 * is usually the same: a child counts as the same when it is the same object, or another node for the same
 * Kubernetes object with the same name, kind, parent and wave. The places hold while those files have the same parses.
 */
interface KeptJudgement {
  readonly parentName: string;
  readonly resources: AppNode['resources'];
  readonly children: readonly (AppNode | undefined)[];
  readonly parses: ReadonlyMap<string, unknown>;
  /** True when two later items sorted alike (their order then came from the children's). */
  readonly sortedAlike: boolean;
  /** The serial of the index the judgement was last made or held in. */
  readonly serial: number;
  readonly judgement: Judgement;
}

const judgementsBySet = new WeakMap<AppNode, KeptJudgement>();

function keptProblem(index: RepoIndex, model: RepositoryModel, set: AppNode, parent: AppNode): Judgement | undefined {
  const kept = judgementsBySet.get(set);
  if (kept === undefined || kept.parentName !== parent.name || !sameResourceObjects(kept.resources, parent.resources)) return undefined;
  // Only the children that changed are compared (the sets of one parent share the lists): a child that only moved (a
  // wave edit reorders them) says the same, as the later items are sorted by wave and label; unless two of them
  // sort alike, when their order came from the children's.
  const children = childrenOf(model, parent);
  const changes = childChanges(kept.children, children);
  if (changes === undefined || (kept.sortedAlike && changes.moved)) return undefined;
  for (const [before, after] of changes.pairs) if (!sameChild(before, after, parent, set)) return undefined;
  if (!parsesHold(index, kept)) return undefined;
  // Held for these children in this index: the next edit compares with them (the sets of a parent then share one
  // comparison) and looks only at the files it changed.
  if (kept.children !== children || kept.resources !== parent.resources || kept.serial !== index.serial) {
    judgementsBySet.set(set, { ...kept, children, resources: parent.resources, serial: index.serial });
  }
  return kept.judgement;
}

/**
 * True when every file the judgement located a place in has the parse it had: only the files changed since the index
 * it was last held in are looked at when this index follows that one with the same chart roots (every other file parses
 * as it did), every file otherwise (a set's problem names hundreds of later items).
 */
function parsesHold(index: RepoIndex, kept: KeptJudgement): boolean {
  if (kept.serial === index.serial) return true;
  const changes = index.chartRootsKeptSince(kept.serial) ? index.changesSince(kept.serial) : undefined;
  if (changes !== undefined) {
    for (const path of changes.files) if (kept.parses.has(path) && index.parsed(path) !== kept.parses.get(path)) return false;
    return true;
  }
  for (const [file, parse] of kept.parses) if (index.parsed(file) !== parse) return false;
  return true;
}

/** The parent's children in `model`, one list per parent node object (its sets share it). */
function childrenOf(model: RepositoryModel, parent: AppNode): readonly (AppNode | undefined)[] {
  let children = childrenByParent.get(parent);
  if (children === undefined) childrenByParent.set(parent, (children = parent.childIds.map((id) => model.nodesById.get(id))));
  return children;
}

const childrenByParent = new WeakMap<AppNode, readonly (AppNode | undefined)[]>();

/** How two lists of a parent's children differ: the children that are other objects, paired by id, and whether any moved. */
interface ChildChanges {
  /** Per id whose node differs: the node before and after (undefined where the id is not there). */
  readonly pairs: readonly (readonly [AppNode | undefined, AppNode | undefined])[];
  /** True when a node is at another place than before. */
  readonly moved: boolean;
}

/**
 * How two lists of children differ, or undefined when their lengths differ or a child id has no node; worked out once
 * per pair (the last one asked for each earlier list), whichever of the parent's sets asks. Costs a pointer
 * comparison per place, and the places that differ.
 */
function childChanges(before: readonly (AppNode | undefined)[], after: readonly (AppNode | undefined)[]): ChildChanges | undefined {
  if (before === after) return NO_CHILD_CHANGES;
  if (before.length !== after.length) return undefined;
  const known = changesByList.get(before);
  if (known !== undefined && known.after === after) return known.changes;
  const went = new Map<string, AppNode>();
  const came = new Map<string, AppNode>();
  for (let position = 0; position < before.length; position++) {
    const was = before[position];
    const is = after[position];
    if (was === is) continue;
    if (was === undefined || is === undefined) return undefined;
    went.set(was.id, was);
    came.set(is.id, is);
  }
  let moved = false;
  const pairs: [AppNode | undefined, AppNode | undefined][] = [];
  for (const [id, node] of came) {
    const was = went.get(id);
    if (was === node) moved = true;
    else pairs.push([was, node]);
  }
  for (const [id, node] of went) if (!came.has(id)) pairs.push([node, undefined]);
  const changes: ChildChanges = { pairs, moved };
  changesByList.set(before, { after, changes });
  return changes;
}

const changesByList = new WeakMap<readonly (AppNode | undefined)[], { readonly after: readonly (AppNode | undefined)[]; readonly changes: ChildChanges }>();
const NO_CHILD_CHANGES: ChildChanges = { pairs: [], moved: false };

/**
 * True when two lists of resources are of the same objects (a resource's wave and hooks follow from its object): a
 * parent whose render was done again for an edit of one file keeps the objects of the others (`keepEqualObjects`).
 */
function sameResourceObjects(before: readonly ResourceNode[], after: readonly ResourceNode[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (let position = 0; position < before.length; position++) if ((before[position] as ResourceNode).object !== (after[position] as ResourceNode).object) return false;
  return true;
}

/**
 * True when two nodes say the same to this check: what {@link laterItems} reads. A child that is a later item neither
 * before nor after (another parent's, or in a wave not after the set's) says nothing; a later item must keep its
 * kind, name, wave and object (where it is written, which the finding points at).
 */
function sameChild(before: AppNode | undefined, after: AppNode | undefined, parent: AppNode, set: AppNode): boolean {
  if (before === after) return true;
  const isLater = (node: AppNode | undefined): boolean => node !== undefined && node.ordering.parentId === parent.id && node.wave.wave > set.wave.wave;
  // Neither a later item: what the judgement reads of the children is the same (a child moved between earlier waves).
  if (!isLater(before) && !isLater(after)) return before !== undefined && after !== undefined;
  if (before === undefined || after === undefined) return false;
  if (before.kind !== after.kind || before.name !== after.name || before.wave.wave !== after.wave.wave || before.ordering.parentId !== after.ordering.parentId) return false;
  return before.object === after.object;
}

function judgeSet(index: RepoIndex, model: RepositoryModel, set: AppNode, parent: AppNode): Judgement {
  const later = laterItems(model, parent, set);
  let judgement: Judgement = NOTHING;
  if (later.length > 0) {
    const generated = set.childIds.length;
    const message = `ApplicationSet ${set.name} is in wave ${set.wave.wave} of ${parent.name}'s sync, but later waves do not wait for its Applications to be healthy: its built-in health check turns Healthy as soon as it has generated them ("All applications have been generated successfully"). ${describeLater(later)} ${new Set(later.map((item) => item.wave)).size === 1 ? 'starts' : 'start'} once ${set.name}'s ${generated === 1 ? 'Application exists' : `${generated} Applications exist`}, healthy or not.`;
    judgement = problem(
      appsetWavesDoNotWait,
      message,
      waveOrNameLocation(index, set.object),
      later.map((item) => ({ message: `${item.label} (wave ${item.wave}) does not wait for ${set.name}'s Applications`, location: waveOrNameLocation(index, item.object) })),
    );
  }
  const parses = new Map<string, unknown>();
  if (judgement !== NOTHING) for (const object of [set.object, ...later.map((item) => item.object)]) parses.set(object.origin.file, index.parsed(object.origin.file));
  const sortedAlike = later.some((item, position) => position > 0 && compareLater(later[position - 1] as LaterItem, item) === 0);
  judgementsBySet.set(set, { parentName: parent.name, resources: parent.resources, children: childrenOf(model, parent), parses, sortedAlike, judgement, serial: index.serial });
  return judgement;
}

/** Children and plain resources of the parent's Sync phase in a wave after the set's (a suffix of the parent's sorted items). */
function laterItems(model: RepositoryModel, parent: AppNode, set: AppNode): readonly LaterItem[] {
  const items = syncItemsInOrder(model, parent);
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((items[middle] as LaterItem).wave <= set.wave.wave) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? items : items.slice(low);
}

/**
 * The parent's children it syncs and its plain resources, sorted by wave and label: worked out once per parent node
 * object (its sets in every wave read suffixes of it; the last list of each parent id is kept). A parent that is
 * another object with the same child ids and resources (an edit below one of its children copies it) takes its last
 * list, the changed children's items put in place, while each of those sorts as before (same kind, name, wave and
 * parent); a wave edit sorts again.
 */
function syncItemsInOrder(model: RepositoryModel, parent: AppNode): readonly LaterItem[] {
  const children = childrenOf(model, parent);
  const last = itemsByParentId.get(parent.id);
  // The same children list (one per parent node object): the items made for it.
  if (last !== undefined && last.children === children) return last.items;
  const followed = followedItems(last, parent, children);
  if (followed !== undefined) {
    itemsByParentId.set(parent.id, followed);
    return followed.items;
  }
  const items: LaterItem[] = [];
  for (const child of children) {
    if (!child || child.ordering.parentId !== parent.id) continue;
    items.push({ wave: child.wave.wave, label: `${child.kind} ${child.name}`, object: child.object, childId: child.id });
  }
  for (const resource of parent.resources) {
    if (resource.hooks.length > 0) continue;
    items.push({ wave: resource.wave.wave, label: `${resource.object.kind} ${resource.object.name}`, object: resource.object, childId: undefined });
  }
  items.sort(compareLater);
  const sorted: SortedItems = { childIds: parent.childIds, resources: parent.resources, children, items };
  // Parents that went are forgotten once they are many (their lists hold node objects of older models).
  if (itemsByParentId.size >= MAX_PARENTS_FOLLOWED) for (const id of itemsByParentId.keys()) if (!model.nodesById.has(id)) itemsByParentId.delete(id);
  itemsByParentId.set(parent.id, sorted);
  return items;
}

/** A parent's sorted sync items, and the child ids, resources and children they were made from. */
interface SortedItems {
  readonly childIds: readonly string[];
  readonly resources: AppNode['resources'];
  readonly children: readonly (AppNode | undefined)[];
  readonly items: readonly LaterItem[];
}

/** The last sorted items of each parent id (a parent made again for an edit below it follows them). */
const itemsByParentId = new Map<string, SortedItems>();
/** Parent ids {@link itemsByParentId} holds before it forgets those the model no longer has. */
const MAX_PARENTS_FOLLOWED = 256;

/**
 * `last`'s items for a parent with the same child ids and resources whose children changed in place only, each
 * changed child sorting as before: its item takes the child's object. Undefined otherwise (sort again).
 */
function followedItems(last: SortedItems | undefined, parent: AppNode, children: readonly (AppNode | undefined)[]): SortedItems | undefined {
  if (last === undefined || last.childIds !== parent.childIds || last.resources !== parent.resources) return undefined;
  const changes = childChanges(last.children, children);
  if (changes === undefined || changes.moved) return undefined;
  const objects = new Map<string, KubeObject>();
  for (const [before, after] of changes.pairs) {
    if (before === undefined || after === undefined || before.id !== after.id || before.kind !== after.kind || before.name !== after.name || before.wave.wave !== after.wave.wave) return undefined;
    if ((before.ordering.parentId === parent.id) !== (after.ordering.parentId === parent.id)) return undefined;
    objects.set(after.id, after.object);
  }
  const items = objects.size === 0 ? last.items : last.items.map((item) => (item.childId !== undefined && objects.has(item.childId) ? { ...item, object: objects.get(item.childId) as KubeObject } : item));
  return { childIds: parent.childIds, resources: parent.resources, children, items };
}

function compareLater(a: LaterItem, b: LaterItem): number {
  return a.wave - b.wave || a.label.localeCompare(b.label);
}

function describeLater(items: readonly LaterItem[]): string {
  const waves = [...new Set(items.map((item) => item.wave))];
  const parts = waves.map((wave) => {
    const labels = items.filter((item) => item.wave === wave).map((item) => item.label);
    const shown = labels.slice(0, MAX_NAMES_PER_WAVE).join(', ');
    return `wave ${wave} (${shown}${labels.length > MAX_NAMES_PER_WAVE ? ` and ${labels.length - MAX_NAMES_PER_WAVE} more` : ''})`;
  });
  const text = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where a later item's (or the set's) wave is written, else its name: located once per object and parse of its file. */
function waveOrNameLocation(index: RepoIndex, object: KubeObject): SourceLocation {
  const parse = index.parsed(object.origin.file);
  const known = locationsByObject.get(object);
  if (known !== undefined && known.parse === parse) return known.location;
  const location = writtenAnnotation(index, object.origin, SYNC_WAVE_ANNOTATION)?.location ?? locateField(index, object.origin, ['metadata', 'name']);
  locationsByObject.set(object, { parse, location });
  return location;
}

const locationsByObject = new WeakMap<KubeObject, { readonly parse: unknown; readonly location: SourceLocation }>();
