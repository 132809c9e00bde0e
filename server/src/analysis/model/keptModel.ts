// The model kept from the previous analysis, and patching it when an edit touched only what some Applications render.
import type { ApplicationSpec } from '../argo/types';
import type { IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import type { ApplicationRender } from './renderApplication';
import type { AppNode, RepositoryModel } from './types';

/** What a full build of the model leaves for the next analysis (a language server's memo). */
export interface ModelRecord {
  /** Serial of the index the model was built (or last patched) on. */
  readonly serial: number;
  /** The options that are inputs of the model besides the files (repository URLs). */
  readonly factsKey: string;
  readonly model: RepositoryModel;
  /** The model's problems: the frame's, then each Application's own, in model order. */
  readonly problems: readonly Problem[];
  /**
   * What the build read outside the work done for each Application node (declared objects, readings of
   * written Applications, expansions, identity, Argo CD's configuration, roots…).
   */
  readonly frameReads: readonly IndexRead[];
  /** Problems of the build outside any node's own work. */
  readonly frameProblems: readonly Problem[];
  /** Per Application node id: its reading, render and own problems (reading, render, creation loops). */
  readonly applications: ReadonlyMap<string, ApplicationRecord>;
  /** Per node object: ids of the nodes built on it (one, but an object two Applications create has two nodes). */
  readonly nodeIdsByObject: ReadonlyMap<KubeObject, readonly string[]>;
  /** Per file read by some node's own work: the node objects whose work read it. */
  readonly objectsReadingFile: ReadonlyMap<string, ReadonlySet<KubeObject>>;
  /** Node objects whose own work made reads any changed file may alter (searches, derivations), with those reads. */
  readonly wholeIndexReads: ReadonlyMap<KubeObject, readonly IndexRead[]>;
  /** Render context parts that do not depend on the index (so a patch renders as the build did). */
  readonly renderFacts: RenderFacts;
}

/** What a render needs besides the index, as the full build set it. */
export interface RenderFacts {
  readonly isThisRepository: (url: string) => boolean;
  readonly kustomizeBuildOptions: string | undefined;
  readonly factsKey: string;
}

/** One Application node's own work. */
export interface ApplicationRecord {
  readonly reading: { readonly application: ApplicationSpec; readonly problems: readonly Problem[] };
  readonly render: ApplicationRender;
  /** Whether the reading's problems are the node's (generated Applications; a written one's are the frame's). */
  readonly generated: boolean;
  /** Creation loops met among its children. */
  readonly cycleProblems: readonly Problem[];
}

/** Builds the maps from each node object's reads to the files and whole-index reads. */
export function indexNodeReads(readsByObject: ReadonlyMap<KubeObject, readonly (readonly IndexRead[])[]>): {
  objectsReadingFile: Map<string, Set<KubeObject>>;
  wholeIndexReads: Map<KubeObject, IndexRead[]>;
} {
  const objectsReadingFile = new Map<string, Set<KubeObject>>();
  const wholeIndexReads = new Map<KubeObject, IndexRead[]>();
  for (const [object, lists] of readsByObject) addNodeReads(objectsReadingFile, wholeIndexReads, object, lists);
  return { objectsReadingFile, wholeIndexReads };
}

/** Adds one node object's reads to the maps of {@link indexNodeReads}. */
export function addNodeReads(
  objectsReadingFile: Map<string, Set<KubeObject>>,
  wholeIndexReads: Map<KubeObject, IndexRead[]>,
  object: KubeObject,
  lists: readonly (readonly IndexRead[])[],
): void {
  for (const reads of lists) {
    for (const read of reads) {
      if (read.kind === 'file' || read.kind === 'parsed') {
        let objects = objectsReadingFile.get(read.path);
        if (!objects) objectsReadingFile.set(read.path, (objects = new Set()));
        objects.add(object);
      } else if (read.kind === 'mentioning' || read.kind === 'derived' || read.kind === 'scan') {
        let whole = wholeIndexReads.get(object);
        if (!whole) wholeIndexReads.set(object, (whole = []));
        whole.push(read);
      }
    }
  }
}

/**
 * The node objects whose own work may answer differently in `index` (which follows the record's
 * index): those that read a changed file, and those whose searches or derivations now answer
 * differently. Undefined when the changes are structural (listings may differ: no patch).
 */
export function objectsToRedo(index: RepoIndex, record: ModelRecord): Set<KubeObject> | undefined {
  const changes = index.changesSince(record.serial);
  if (changes === undefined || changes.structural) return undefined;
  const redo = new Set<KubeObject>();
  for (const path of changes.files) for (const object of record.objectsReadingFile.get(path) ?? []) redo.add(object);
  if (changes.files.size > 0) {
    for (const [object, reads] of record.wholeIndexReads) if (!redo.has(object) && !index.answersAsBefore(reads)) redo.add(object);
  }
  return redo;
}

/** The parent that created or generated a node, if any. */
export function parentIdOf(node: AppNode): string | undefined {
  return node.generatedById ?? node.ordering.parentId;
}

/** An Application node's own problems: its reading's (generated ones only), its render's and its creation loops. */
export function ownProblemsOf(application: ApplicationRecord): readonly Problem[] {
  let problems = ownProblems.get(application);
  if (problems === undefined) ownProblems.set(application, (problems = collectOwnProblems(application)));
  return problems;
}

/** Records are immutable: each one's problems are gathered once (a patch keeps the records of untouched nodes). */
const ownProblems = new WeakMap<ApplicationRecord, readonly Problem[]>();

function collectOwnProblems(application: ApplicationRecord): readonly Problem[] {
  const { reading, render, generated, cycleProblems } = application;
  if (render.problems.length === 0 && cycleProblems.length === 0 && (!generated || reading.problems.length === 0) && render.renders.every((source) => source.problems.length === 0)) return NO_PROBLEMS;
  return [...(generated ? reading.problems : []), ...render.problems, ...render.renders.flatMap((source) => source.problems), ...cycleProblems];
}

const NO_PROBLEMS: readonly Problem[] = [];

/** The options that are inputs of the model besides the files, as a key. */
export function modelFactsKey(explicitRepoUrls: readonly string[]): string {
  return JSON.stringify(explicitRepoUrls);
}
