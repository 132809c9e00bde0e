// Builds the repository model: who creates whom (roots, orphans), every node's wave and what that wave means.
import { findClusterSecrets } from '../appsets/clusterSecrets';
import type { ExpansionContext, ExpansionResult } from '../appsets/expansionTypes';
import { findHealthCustomization } from '../argo/healthCustomization';
import { readApplication } from '../argo/readApplication';
import { readAppProject } from '../argo/readAppProject';
import type { ApplicationSpec, AppProjectSpec } from '../argo/types';
import { getPath, type KubeObject } from '../kube/kubeObject';
import { generatedApplicationObject, generatedInNameOrder } from './generatedApplications';
import { locateField } from '../kube/locateObject';
import type { RepoIndex } from '../repoIndex';
import { problem, type Problem } from '../rules/rule';
import { creationCycle } from '../rules/model/creation-cycle';
import { orphanProblem } from './orphanProblem';
import type { SourceRender } from '../sources/sourceRender';
import { chooseRootsAndOrphans } from './rootsAndOrphans';
import { findDeclaredArgoObjects, isArgoKind, originKey, type DeclaredArgoObjects } from './declaredObjects';
import { orderingOf } from './ordering';
import { renderApplication, type ApplicationRender, type RenderContext } from './renderApplication';
import { appProjectsDeployedBy, compareWaveThenName, createdObjectsOfApplication, resourcesOf } from './renderedObjects';
import { effectiveWave } from './syncWave';
import type { AppNode, RepositoryModel, ResourceNode } from './types';
import type { AnalysisMemo } from '../incremental/analysisMemo';
import { ShortKeys } from '../incremental/shortKeys';
import { LayeredCounts } from '../incremental/layeredCounts';
import type { ArgoConfigLocation } from '../argo/types';
import type { IndexRead } from '../incremental/indexReads';
import { NodeReadIndex } from './nodeReadIndex';
import { countFilesRead, unrenderedKustomizationFolders, unrenderedKustomizationProblems, type PassOneFacts } from './passOneFacts';
import { patchModel } from './patchModel';
import { applicationSetOf, expandWithMemo, fixedTemplateNamespace } from './applicationSets';
import { framePart, identifyThisRepository, repositoryOf, type ProjectReading } from './frameFacts';
import { modelFactsKey, ownProblemsOf, type ApplicationReading, type ApplicationRecord, type GeneratedPassOne, type ModelRecord, type RenderFacts } from './keptModel';
import { nodeIdsByFileOf } from './nodeIdsByFile';

/** Inputs of the model besides the files. */
export interface ModelOptions {
  /** URLs that designate this repository, from the command line or the project config (win over git remotes). */
  readonly explicitRepoUrls: readonly string[];
  /** Renders and expansions kept from earlier analyses (a language server). */
  readonly memo?: AnalysisMemo | undefined;
}

/** Builds the model and reports the problems met on the way. Never throws on repository content. */
export function buildModel(index: RepoIndex, options: ModelOptions): { model: RepositoryModel; problems: readonly Problem[] } {
  const memo = options.memo;
  const previous = memo?.modelRecord;
  if (memo !== undefined && previous !== undefined) {
    memo.modelRecord = undefined;
    const patched = patchModel(index, previous, memo, options.explicitRepoUrls);
    if (patched !== undefined) {
      memo.modelRecord = patched.record;
      memo.modelPatched = true;
      memo.nodesRemovedByPatch = patched.nodesRemoved;
      memo.keepEntriesOfLastBuild();
      return patched;
    }
  }
  const { model, problems, record } = new ModelBuilder(index, options, previous?.nodeReads).build();
  if (memo !== undefined) {
    memo.modelRecord = record;
    memo.modelPatched = false;
  }
  return { model, problems };
}

/** One use only: holds the caches of a single build. */
class ModelBuilder {
  readonly #index: RepoIndex;
  readonly #options: ModelOptions;
  /** The build's own problems, but the readings' of written Applications (kept per object in `#writtenReadings`). */
  readonly #problems: Problem[] = [];
  /** Each written Application's reading, in declared order (their problems are the build's). */
  readonly #writtenReadings = new Map<KubeObject, ApplicationReading>();
  /** Each written AppProject's reading, in declared order (their problems are the build's). */
  readonly #projectReadings = new Map<KubeObject, ProjectReading>();
  /** Pass 1's render of each written Application (what it creates and renders decides roots and orphans). */
  readonly #passOneRenders = new Map<KubeObject, ApplicationRender>();
  /** Pass 1's generated Applications of each written ApplicationSet (by its origin key) and their renders. */
  readonly #passOneGenerated = new Map<string, GeneratedPassOne>();
  #declared: DeclaredArgoObjects | undefined;
  /** With a memo: pass 1's facts and decisions, for patches. */
  #passOne: PassOneFacts | undefined;
  /** The parse of each file some node is written in, as the nodes were kept by it. */
  readonly #originParses = new Map<string, unknown>();
  readonly #renderCache = new Map<string, SourceRender>();
  readonly #expansionCache = new Map<string, ExpansionResult>();
  /** Renders of this build by reading (readings are kept per object, so pass 1 and the visits share them). */
  readonly #applicationRenderCache = new Map<ApplicationSpec, ApplicationRender>();
  #renderContext!: RenderContext;
  #expansionContext!: ExpansionContext;
  /** Everything an expansion depends on besides the files it reads (for the memo's keys). */
  #expansionFacts = '';
  #healthCheckFile: string | undefined;
  readonly #nodes: AppNode[] = [];
  readonly #nodesById = new Map<string, AppNode>();
  /** With a memo: each node object's own reads (reading, render), kept apart from the build's. */
  readonly #readsByObject = new Map<KubeObject, (readonly IndexRead[])[]>();
  /** Each Application node's reading, render and own problems (the rest of the problems are the build's). */
  readonly #applications = new Map<string, ApplicationRecord>();
  #renderFacts!: RenderFacts;

  /** The previous build's index of node reads, updated by this build (a memo's), or a new one. */
  readonly #nodeReads: NodeReadIndex;

  constructor(index: RepoIndex, options: ModelOptions, nodeReads: NodeReadIndex | undefined) {
    this.#index = index;
    this.#options = options;
    this.#nodeReads = nodeReads ?? new NodeReadIndex();
  }

  /** The model, its problems, and with a memo what the next analysis needs to patch it (see `ModelRecord`). */
  build(): { model: RepositoryModel; problems: Problem[]; record?: ModelRecord } {
    if (!this.#options.memo) return this.#build();
    const { value, reads: frameReads } = this.#index.recordReads(() => this.#build());
    this.#nodeReads.update(this.#readsByObject);
    const nodeIdsByObject = new Map<KubeObject, string[]>();
    for (const node of value.model.nodes) {
      const ids = nodeIdsByObject.get(node.object);
      if (ids) ids.push(node.id);
      else nodeIdsByObject.set(node.object, [node.id]);
    }
    const record: ModelRecord = {
      serial: this.#index.serial,
      factsKey: modelFactsKey(this.#options.explicitRepoUrls),
      model: value.model,
      problems: value.problems,
      frameReads,
      frameProblems: framePart(this.#writtenReadings, this.#projectReadings, this.#problems),
      frameOwnProblems: this.#problems,
      declared: this.#declared as DeclaredArgoObjects,
      writtenReadings: this.#writtenReadings,
      projectReadings: this.#projectReadings,
      passOneRenders: this.#passOneRenders,
      passOneGenerated: this.#passOneGenerated,
      passOne: this.#passOne as PassOneFacts,
      healthCheckFile: this.#healthCheckFile,
      expansionFacts: this.#expansionFacts,
      originParses: this.#originParses,
      applications: this.#applications,
      nodeIdsByObject,
      nodeIdsByFile: nodeIdsByFileOf(value.model.nodes),
      nodeReads: this.#nodeReads,
      renderFacts: this.#renderFacts,
    };
    return { ...value, record };
  }

  #build(): { model: RepositoryModel; problems: Problem[] } {
    const index = this.#index;
    // The written objects and their readings are checked apart by a patch (see `patchWrittenObjects`), not
    // through the build's own reads: an edit of one written Application must not hide what else read its file.
    const declared = this.#apartFromFrame(() => {
      const found = findDeclaredArgoObjects(index);
      for (const object of found.applications) this.#writtenReadings.set(object, readApplication(object, index));
      return found;
    });
    this.#declared = declared;
    const declaredApplications = new Map<string, ApplicationSpec>();
    for (const [object, reading] of this.#writtenReadings) declaredApplications.set(originKey(object.origin), reading.application);
    const projects: AppProjectSpec[] = [];
    for (const object of declared.projects) {
      const reading = readAppProject(object, index);
      this.#projectReadings.set(object, reading);
      projects.push(reading.project);
    }
    const identity = identifyThisRepository(index, this.#options.explicitRepoUrls, this.#writtenReadings.values());
    const explicit = new Set(this.#options.explicitRepoUrls);
    const isThisRepository = (url: string): boolean => explicit.has(url) || identity.isThisRepository(url);
    const health = findHealthCustomization(index);
    this.#healthCheckFile = health.health[0]?.location.file;
    const buildOptions = kustomizeBuildOptions(index, health.configLocations);
    this.#renderFacts = {
      isThisRepository,
      kustomizeBuildOptions: buildOptions,
      factsKey: shortKey(JSON.stringify([[...explicit], [...identity.urls], buildOptions ?? null])),
    };
    this.#renderContext = { ...this.#renderFacts, index, renderCache: this.#renderCache, renderMemo: this.#options.memo?.renders };
    const clusterSecrets = findClusterSecrets(index);
    this.#expansionContext = { index, isThisRepository, clusterSecrets };
    this.#expansionFacts = shortKey(JSON.stringify([[...explicit], [...identity.urls], clusterSecrets]));

    // Pass 1: who creates whom, among the objects written in the repository.
    const creators = new Map<string, Set<string>>();
    /** What every Application (written or generated) renders. */
    const applicationRenders: ApplicationRender[] = [];
    /** Folder → keys of the Applications (or sets, for generated ones) that render it. */
    const renderedFolders = new Map<string, Set<string>>();
    const addRendered = (folders: readonly string[], rendererKey: string): void => {
      for (const folder of folders) {
        let renderers = renderedFolders.get(folder);
        if (!renderers) renderedFolders.set(folder, (renderers = new Set()));
        renderers.add(rendererKey);
      }
    };
    const addCreated = (creatorKey: string, objects: readonly KubeObject[]): void => {
      for (const object of objects) {
        if (!isArgoKind(object, 'Application') && !isArgoKind(object, 'ApplicationSet')) continue;
        const key = originKey(object.origin);
        if (key === creatorKey) continue;
        let set = creators.get(key);
        if (!set) creators.set(key, (set = new Set()));
        set.add(creatorKey);
      }
    };
    for (const object of declared.applications) {
      const key = originKey(object.origin);
      const application = declaredApplications.get(key);
      if (application === undefined || application.looksLikePatch) continue;
      const render = this.#apart(object, () => this.#renderApplication(application));
      this.#passOneRenders.set(object, render);
      applicationRenders.push(render);
      addRendered(render.renderedFolders, key);
      addCreated(key, createdObjectsOfApplication(render));
    }
    for (const object of declared.applicationSets) {
      const key = originKey(object.origin);
      const generated: GeneratedPassOne = { objects: [], renders: [] };
      for (const { body } of this.#expand(object).applications) {
        const generatedObject = generatedApplicationObject(object, body);
        if (!generatedObject) continue;
        const render = this.#apart(generatedObject, () => this.#renderApplication(readApplication(generatedObject, index).application));
        applicationRenders.push(render);
        addRendered(render.renderedFolders, key);
        addCreated(key, createdObjectsOfApplication(render));
        (generated.objects as KubeObject[]).push(generatedObject);
        (generated.renders as ApplicationRender[]).push(render);
      }
      this.#passOneGenerated.set(key, generated);
    }

    // Roots and orphans: never created by an Application; applied by hand, or forgotten in a rendered folder.
    const candidates = [...declared.applications.filter((object) => !declaredApplications.get(originKey(object.origin))?.looksLikePatch), ...declared.applicationSets];
    const creationFacts = { candidates: candidates.map((object) => ({ key: originKey(object.origin), file: object.origin.file })), creators, renderedFolders };
    const decision = chooseRootsAndOrphans(creationFacts);
    const orphanKeys = new Set(decision.orphans.keys());
    const orphans = candidates.filter((object) => orphanKeys.has(originKey(object.origin)));
    for (const object of orphans) {
      const renderingFolder = decision.orphans.get(originKey(object.origin)) ?? '';
      // Apart from the frame: it reads the orphan's own file, which a patch checks with the written objects (followOrphans).
      this.#problems.push(this.#apartFromFrame(() => orphanProblem(index, object, renderingFolder)));
    }
    const rootKeys = new Set(decision.rootKeys);
    let filesRead: Map<string, number> | undefined; // counted only if a kustomization's folder is not rendered (or for the record)
    const countFiles = (): Map<string, number> => (filesRead ??= countFilesRead(applicationRenders));
    const unrenderedAt = this.#problems.length;
    const unrendered = new Map<string, readonly Problem[]>();
    for (const folder of unrenderedKustomizationFolders(index, renderedFolders, (file) => countFiles().has(file))) {
      const found = unrenderedKustomizationProblems(this.#renderContext, folder);
      unrendered.set(folder, found);
      this.#problems.push(...found);
    }
    if (this.#options.memo) {
      this.#passOne = {
        candidates: creationFacts.candidates,
        creators,
        renderedFolders,
        filesRead: LayeredCounts.of(countFiles()),
        decision,
        unrendered,
        unrenderedAt: { start: unrenderedAt, count: this.#problems.length - unrenderedAt },
      };
    }
    const rootObjects = candidates.filter((object) => rootKeys.has(originKey(object.origin)));
    const rootIds: string[] = [];
    for (const object of rootObjects) rootIds.push(this.#visit(object, undefined, new Set()));
    // Objects in a creation loop with no root: start from each one not reached yet, so nothing is lost.
    const reached = new Set(this.#nodes.map((node) => originKey(node.origin)));
    for (const object of candidates) {
      const key = originKey(object.origin);
      if (reached.has(key) || orphanKeys.has(key)) continue;
      rootIds.push(this.#visit(object, undefined, new Set()));
      this.#nodes.forEach((node) => reached.add(originKey(node.origin)));
    }

    // AppProjects that exist only as rendered objects (the argocd-apps chart's `projects:` values) are projects too.
    const projectOrigins = new Set(declared.projects.map((object) => originKey(object.origin)));
    for (const node of this.#nodes) {
      for (const object of appProjectsDeployedBy(node)) {
        if (projectOrigins.has(originKey(object.origin))) continue;
        projectOrigins.add(originKey(object.origin));
        const { project, problems } = readAppProject(object, index);
        this.#problems.push(...problems);
        projects.push(project);
      }
    }

    this.#options.memo?.keptNodes.finishModel();
    // The build's own problems, then each Application's, in model order (a patch gives them in the same order).
    const problems = [...framePart(this.#writtenReadings, this.#projectReadings, this.#problems)];
    for (const node of this.#nodes) {
      const application = this.#applications.get(node.id);
      if (application) problems.push(...ownProblemsOf(application));
    }
    const model: RepositoryModel = {
      rootIds,
      nodes: this.#nodes,
      nodesById: this.#nodesById,
      orphans,
      projects,
      healthCustomizations: health.health,
      argoConfigLocations: health.configLocations,
      repository: repositoryOf(this.#options.explicitRepoUrls, identity),
    };
    return { model, problems };
  }

  /** With a memo, runs `compute` without adding its reads to the build's own (a patch checks its result another way). */
  #apartFromFrame<T>(compute: () => T): T {
    return this.#options.memo ? this.#index.recordReadsApart(compute).value : compute();
  }

  /** Runs a node's own work; with a memo, its reads are kept apart, under the node's object. */
  #apart<T>(object: KubeObject, compute: () => T): T {
    if (!this.#options.memo) return compute();
    const { value, reads } = this.#index.recordReadsApart(compute);
    const lists = this.#readsByObject.get(object);
    if (lists) lists.push(...reads);
    else this.#readsByObject.set(object, [...reads]);
    return value;
  }

  #renderApplication(application: ApplicationSpec): ApplicationRender {
    const cached = this.#applicationRenderCache.get(application);
    if (cached) return cached;
    const render = renderApplication(application, this.#renderContext);
    this.#applicationRenderCache.set(application, render);
    return render;
  }

  #expand(applicationSet: KubeObject): ExpansionResult {
    const key = originKey(applicationSet.origin);
    const cached = this.#expansionCache.get(key);
    if (cached) return cached;
    // Checked apart by a patch too: it expands every written set again through the memo.
    const result = this.#apartFromFrame(() => expandWithMemo(applicationSet, this.#expansionContext, this.#expansionFacts, this.#options.memo));
    this.#expansionCache.set(key, result);
    this.#problems.push(...result.problems);
    return result;
  }

  #uniqueId(base: string): string {
    if (!this.#nodesById.has(base)) return base;
    let counter = 2;
    while (this.#nodesById.has(`${base}~${counter}`)) counter++;
    return `${base}~${counter}`;
  }

  /**
   * Adds the node for an Application or ApplicationSet object and, recursively, what it creates.
   * `stack` holds the origin keys of the objects above it, to stop creation loops.
   */
  #visit(object: KubeObject, parent: AppNode | undefined, stack: Set<string>, generatedBy?: { node: AppNode; parameters: Readonly<Record<string, unknown>> }): string {
    const index = this.#index;
    const kind = object.kind === 'ApplicationSet' ? 'ApplicationSet' : 'Application';
    const id = this.#uniqueId(generatedBy ? `${generatedBy.node.id}/${object.name}` : originKey(object.origin));
    const wave = effectiveWave(object);
    const ordering = orderingOf({
      kind,
      wave: wave.wave,
      parent: parent ? { id: parent.id, name: parent.name } : undefined,
      generatedBy: generatedBy ? { name: generatedBy.node.name } : undefined,
      healthCheckFile: this.#healthCheckFile,
    });
    const key = originKey(object.origin);
    const childStack = new Set(stack).add(generatedBy ? `${key}/${object.name}` : key);
    const node: AppNode & { childIds: string[]; childIdsInRenderOrder: readonly string[]; resources: readonly ResourceNode[] } = {
      id,
      kind,
      name: object.name,
      object,
      origin: object.origin,
      wave,
      ordering,
      generatedById: generatedBy?.node.id,
      generatorParameters: generatedBy?.parameters,
      application: undefined,
      applicationSet: undefined,
      renders: [],
      externalSources: [],
      childIds: [],
      childIdsInRenderOrder: [],
      resources: [],
      destinationNamespace: undefined,
    };
    this.#nodesById.set(id, node);
    const position = this.#nodes.push(node) - 1;

    if (kind === 'ApplicationSet') {
      const applicationSet = applicationSetOf(object, index);
      const expansion = this.#expand(object);
      Object.assign(node, { applicationSet, destinationNamespace: fixedTemplateNamespace(applicationSet) });
      const generatedNodes = generatedInNameOrder(object, expansion);
      for (const { generatedObject, parameters } of generatedNodes) {
        node.childIds.push(this.#visit(generatedObject, undefined, childStack, { node, parameters }));
      }
      node.childIdsInRenderOrder = node.childIds;
      this.#keep(node, position);
      return id;
    }

    const reading = this.#apart(object, () => readApplication(object, index));
    const { application } = reading;
    // An Application another one creates is the rendered object (a Kustomize copy), not the written one pass 1 read.
    const render = this.#apart(object, () => this.#renderApplication(application));
    const cycleProblems: Problem[] = [];
    Object.assign(node, {
      application,
      renders: render.renders,
      externalSources: render.externalSources,
      destinationNamespace: application.destination.namespace,
    });
    // Visited in render order (the node list's, see `RepositoryModel.nodes`), kept in wave order too (a stable sort).
    const visited: { readonly child: KubeObject; readonly id: string }[] = [];
    for (const child of createdObjectsOfApplication(render)) {
      const childKey = originKey(child.origin);
      if (childStack.has(childKey)) {
        cycleProblems.push(
          problem(creationCycle, `${child.kind} ${child.name} is created again by ${object.name}, which it creates itself: a creation loop.`, locateField(index, child.origin, ['metadata', 'name'])),
        );
        continue;
      }
      visited.push({ child, id: this.#visit(child, node, childStack) });
    }
    node.childIdsInRenderOrder = visited.map((entry) => entry.id);
    node.childIds = visited.sort((a, b) => compareWaveThenName(a.child, b.child)).map((entry) => entry.id);
    node.resources = resourcesOf(render);
    this.#applications.set(id, { reading, render, generated: generatedBy !== undefined, cycleProblems });
    this.#keep(node, position);
    return id;
  }

  /** With a memo, puts the previous analysis's node in the place of an equal new one (see `KeptNodes`). */
  #keep(node: AppNode, position: number): void {
    const memo = this.#options.memo;
    if (memo === undefined) return;
    // The parse of the node's file decides whether a kept node serves; it is recorded apart (a patch redoes every
    // node of an edited written file, and asks the others' files again, see `patchModel`).
    const originParse = this.#apartFromFrame(() => this.#index.parsed(node.origin.file));
    this.#originParses.set(node.origin.file, originParse);
    const kept = memo.keptNodes.keep(node, originParse);
    if (kept === undefined || kept === node) return;
    this.#nodesById.set(node.id, kept);
    this.#nodes[position] = kept;
  }
}

/** Short keys for long descriptions of an analysis's facts (repository URLs, cluster Secrets…). */
const factKeys = new ShortKeys('facts');

function shortKey(contents: string): string {
  return factKeys.keyOf(contents);
}

/** argocd-cm's `kustomize.buildOptions`, from the first place this repository configures Argo CD that sets it. */
function kustomizeBuildOptions(index: RepoIndex, locations: readonly ArgoConfigLocation[]): string | undefined {
  for (const location of locations) {
    const document = index.parsed(location.file)?.documents.find((candidate) => candidate.index === location.documentIndex);
    const value = getPath(getPath(document?.value, location.mapPath), ['kustomize.buildOptions']);
    if (typeof value === 'string') return value;
  }
  return undefined;
}
