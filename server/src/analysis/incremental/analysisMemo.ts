// Everything a host keeps between analyses of the same repository so that an edit costs what it touched.
import type { ExpansionResult } from '../appsets/expansionTypes';
import type { Need } from '../dependencies/collectNeeds';
import type { ProviderFinding } from '../dependencies/collectProviders';
import { ParseCache } from '../parseCache';
import { RepoIndex } from '../repoIndex';
import type { RepoSnapshot } from '../snapshot';
import { snapshotChanges } from './snapshotChanges';
import type { SourceRender } from '../sources/sourceRender';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../yaml/parseYamlFile';
import { ObjectReadMemo, ReadMemo } from './readMemo';
import type { AppNode, RepositoryModel } from '../model/types';
import type { RecentCheckResults } from '../rules/check';
import { DuplicateNamesFollower } from '../model/duplicateNames';
import { FindingsFollower } from '../findings';
import type { ModelRecord } from '../model/keptModel';
import { KeptNodes } from './keptNodes';
import { keepEqualObjects } from './keptObjects';
import { NodeReadTracker } from './nodeReadTracker';
import { plainEqual } from './plainEqual';
import { KeptGraph } from '../dependencies/keptGraph';

/**
 * The caches a language server passes to every analysis of one folder. Each holds results of pure
 * computations checked against the new snapshot before reuse: parses by text; renders, expansions,
 * whole-index derivations and each node's needs and providers by the files and folders they read
 * (checked against the changes since the previous index, see `RepoIndex.following`). Readings and
 * Application renders are kept the same way by the objects they belong to (`ObjectReadMemo`). An
 * analysis with the memo returns exactly what it would return without it
 * (`test/unit/incremental/memoEquivalence.test.ts`).
 */
export class AnalysisMemo {
  readonly parseCache: ParseCache;
  /** Source renders by request. */
  readonly renders = new ReadMemo<SourceRender>(keepEqualObjects);
  /**
   * ApplicationSet expansions by set and by the repository facts they depend on. Follows the indexes (see
   * `ReadMemo.followIndex`): a model patch asks every set's expansion, and those the edit did not touch answer at once.
   */
  readonly expansions = new ReadMemo<ExpansionResult>(undefined, { followsIndexes: true });
  /** The last expansion of each set (by origin key), for {@link keptExpansion}. */
  readonly #lastExpansions = new Map<string, ExpansionResult>();
  /** Expansions found equal to a kept one, with the kept one given instead. */
  readonly #keptInstead = new WeakMap<ExpansionResult, ExpansionResult>();
  /**
   * Values derived from whole indexes (`RepoIndex.derived`: declared objects, kustomizations, Argo CD's
   * configuration…); one computed again but equal to the kept one stays the kept one, since readers
   * compare derived values by identity (an edited kustomization that patches the same files as before
   * leaves every Application reading as it was).
   */
  readonly derivations = new ReadMemo<unknown>((before, after) => (plainEqual(before, after) ? before : after), { followsIndexes: true });
  /** Each node's needs, by node object (kept while its inputs are, see `KeptNodes`) and the scope table. */
  readonly nodeNeeds = new ObjectReadMemo<AppNode, readonly Need[]>();
  /** Each Application node's providers, likewise. */
  readonly nodeProviders = new ObjectReadMemo<AppNode, readonly ProviderFinding[]>();
  /** The previous dependency graph and each node's lists, for the graph's early cut-off (see `KeptGraph`). */
  readonly keptGraph = new KeptGraph();
  /** The previous model and what patching it needs (see `patchModel`). */
  modelRecord: ModelRecord | undefined;
  /** True when the last model was patched (a patch keeps every node id, so nothing kept per id needs pruning). */
  modelPatched = false;
  /** True when the last model was patched and the patch removed nodes (generated Applications a set no longer generates). */
  nodesRemovedByPatch = false;
  /** The previous model's nodes, put in the place of equal new ones (see `KeptNodes`). */
  readonly keptNodes = new KeptNodes();
  /** What checks found per node (`keptPerNode`), by node object, check and the facts the check reads. */
  readonly checks = new ObjectReadMemo<AppNode, readonly unknown[]>();
  /** Which nodes an edit can have touched, for the checks' kept results (see `keptPerNode`). */
  readonly checkTracker = new NodeReadTracker();
  /** The last result of each per-node check by node id (see `keptPerNode`). */
  readonly recentCheckResults = new Map<string, RecentCheckResults>();
  /** The duplicate Application names, followed from model to model. */
  readonly duplicateNames = new DuplicateNamesFollower();
  /** The last analysis's problems and findings: the next one's findings follow them (see `toFindings`). */
  readonly findings = new FindingsFollower();

  /** The index of the previous analysis, which the next one follows (see `RepoIndex.following`). */
  #previousIndex: RepoIndex | undefined;

  constructor(limits: ParseLimits = DEFAULT_PARSE_LIMITS) {
    this.parseCache = new ParseCache(limits);
  }

  /**
   * The index an analysis of `snapshot` works on: one that follows the previous analysis's index
   * (taking over its work on unchanged files) when made with the same limits, a new one otherwise.
   */
  indexFor(snapshot: RepoSnapshot, limits: ParseLimits): RepoIndex {
    const previous = this.#previousIndex;
    // Asked again for the same snapshot (a host parses ahead of the analysis): the same index.
    if (previous !== undefined && previous.snapshot === snapshot && this.parseCache.accepts(limits)) return previous;
    const sameLimits = this.parseCache.accepts(limits);
    const changes = previous !== undefined && sameLimits ? snapshotChanges(previous.snapshot, snapshot) : undefined;
    const index = previous !== undefined && changes !== undefined ? RepoIndex.following(previous, snapshot, changes, this.parseCache) : new RepoIndex(snapshot, limits, this.parseCache, this.derivations);
    if (previous !== undefined && changes !== undefined) this.expansions.followIndex(index, previous.serial);
    // Parses of files that went are dropped, so the cache holds no more than the repository.
    if (changes === undefined) this.parseCache.retain((path) => snapshot.files.has(path));
    else if (changes.structural) for (const path of changes.files) if (!snapshot.files.has(path)) this.parseCache.forget(path);
    this.#previousIndex = sameLimits ? index : undefined;
    return index;
  }

  /** After an analysis: forgets what is kept for node ids its model no longer has (node objects hold renders). */
  retainNodesOf(model: RepositoryModel): void {
    const hasNode = (id: string): boolean => model.nodesById.has(id);
    this.keptGraph.retainNodes(hasNode);
    this.checkTracker.retainNodes(hasNode);
    for (const { byNode } of this.recentCheckResults.values()) for (const id of byNode.keys()) if (!hasNode(id)) byNode.delete(id);
  }

  /**
   * Early cut-off for expansions: `result`, or the previous expansion of the set written at `setKey` when
   * both generate equal Applications and report nothing (an edited comment or annotation of the set, which
   * the expansion does not read). What was built on the previous result (generated objects, their nodes) holds.
   */
  keptExpansion(setKey: string, result: ExpansionResult): ExpansionResult {
    const previous = this.#lastExpansions.get(setKey);
    if (previous === result) return result;
    if (previous !== undefined && (this.#keptInstead.get(result) === previous || sameGeneratedApplications(previous, result))) {
      // The memo keeps handing out `result` for the set's new body: compare it once.
      this.#keptInstead.set(result, previous);
      return previous;
    }
    this.#lastExpansions.set(setKey, result);
    return result;
  }

  /** The expansion {@link keptExpansion} last gave for the set written at `setKey`. */
  lastExpansionOf(setKey: string): ExpansionResult | undefined {
    return this.#lastExpansions.get(setKey);
  }

  /**
   * Called when an analysis patched the previous model instead of building it: renders, expansions and
   * derivations it did not look up stay for the next full build (see `ReadMemo.undoGeneration`).
   */
  keepEntriesOfLastBuild(): void {
    this.renders.undoGeneration();
    this.expansions.undoGeneration();
    this.derivations.undoGeneration();
  }

  /** Called by `analyze` at the start of each analysis: forgets what the previous one did not use. */
  nextGeneration(): void {
    this.renders.nextGeneration();
    this.expansions.nextGeneration();
    this.derivations.nextGeneration();
  }
}

/** True when two expansions generate equal Applications (bodies and parameters), both complete alike, and neither reports a problem. */
function sameGeneratedApplications(a: ExpansionResult, b: ExpansionResult): boolean {
  return a.problems.length === 0 && b.problems.length === 0 && a.incomplete === b.incomplete && plainEqual(a.applications, b.applications);
}
