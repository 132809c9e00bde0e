// The model kept from the previous analysis, and patching it when an edit touched only what some Applications render.
import type { ApplicationSpec } from '../argo/types';
import type { IndexRead } from '../incremental/indexReads';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import type { ApplicationRender } from './renderApplication';
import type { DeclaredArgoObjects } from './declaredObjects';
import type { ProjectReading } from './frameFacts';
import type { NodeIdsByFile } from './nodeIdsByFile';
import type { NodeReadIndex } from './nodeReadIndex';
import type { PassOneFacts } from './passOneFacts';
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
  /** Problems of the build outside any node's own work: the written Applications' readings', then `frameOwnProblems`. */
  readonly frameProblems: readonly Problem[];
  /** The build's problems but the readings' (orphans, expansions, projects, kustomizations nobody renders…). */
  readonly frameOwnProblems: readonly Problem[];
  /** The Argo CD objects written in the repository, as the build found them. */
  readonly declared: DeclaredArgoObjects;
  /** Each written Application's reading, in declared order. */
  readonly writtenReadings: ReadonlyMap<KubeObject, ApplicationReading>;
  /** Each written AppProject's reading, in declared order. */
  readonly projectReadings: ReadonlyMap<KubeObject, ProjectReading>;
  /** Pass 1's render of each written Application that is not a patch. */
  readonly passOneRenders: ReadonlyMap<KubeObject, ApplicationRender>;
  /** Pass 1's generated Applications of each written ApplicationSet, by the set's origin key. */
  readonly passOneGenerated: ReadonlyMap<string, GeneratedPassOne>;
  /** Pass 1's facts and decisions (roots, orphans, kustomizations nobody renders), for a patch to follow. */
  readonly passOne: PassOneFacts;
  /** The file holding the Application health check, if any (node orderings name it). */
  readonly healthCheckFile: string | undefined;
  /** The repository facts expansions were keyed by (see `expandWithMemo`). */
  readonly expansionFacts: string;
  /** The parse of each file some node is written in, as the build saw it (a patch keeps it current). */
  readonly originParses: ReadonlyMap<string, unknown>;
  /** Per Application node id: its reading, render and own problems (reading, render, creation loops). */
  readonly applications: ReadonlyMap<string, ApplicationRecord>;
  /** Per node object: ids of the nodes built on it (one, but an object two Applications create has two nodes). */
  readonly nodeIdsByObject: ReadonlyMap<KubeObject, readonly string[]>;
  /** Node ids by the file each node is written in (the record's index, which a patch updates). */
  readonly nodeIdsByFile: NodeIdsByFile;
  /**
   * Which node objects' own work read which files, and their reads any changed file may alter. One index
   * carried from build to build and patch to patch (each updates the entries of the objects it redid).
   */
  readonly nodeReads: NodeReadIndex;
  /** Render context parts that do not depend on the index (so a patch renders as the build did). */
  readonly renderFacts: RenderFacts;
}

/** The Applications a written ApplicationSet generated in pass 1, in expansion order, and their renders (one per object). */
export interface GeneratedPassOne {
  readonly objects: readonly KubeObject[];
  readonly renders: readonly ApplicationRender[];
}

/** What a render needs besides the index, as the full build set it. */
export interface RenderFacts {
  readonly isThisRepository: (url: string) => boolean;
  readonly kustomizeBuildOptions: string | undefined;
  readonly factsKey: string;
}

/** An Application read from its object, with what was wrong in it. */
export interface ApplicationReading {
  readonly application: ApplicationSpec;
  readonly problems: readonly Problem[];
}

/** One Application node's own work. */
export interface ApplicationRecord {
  readonly reading: ApplicationReading;
  readonly render: ApplicationRender;
  /** Whether the reading's problems are the node's (generated Applications; a written one's are the frame's). */
  readonly generated: boolean;
  /** Creation loops met among its children. */
  readonly cycleProblems: readonly Problem[];
}

/**
 * The node objects whose own work may answer differently in `index` (which follows the record's
 * index): those that read a changed (added, removed) file, those whose searches or derivations now
 * answer differently and, when files or folders came or went, those whose listings do. Undefined when
 * the index does not follow the record's, or Helm chart roots came or went (any file may parse differently).
 */
export function objectsToRedo(index: RepoIndex, record: ModelRecord): Set<KubeObject> | undefined {
  return record.nodeReads.objectsTouched(index, record.serial);
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
