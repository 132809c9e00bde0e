// Renders a kustomization folder statically: resources, components, generators, patches and metadata transformers.
import { isRecord, objectFromBody, type KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { problem } from '../rules/rule';
import { kustomizationCycle } from '../rules/kustomize/cycle';
import { duplicateResource } from '../rules/kustomize/duplicate-resource';
import { invalidKustomization } from '../rules/kustomize/invalid-kustomization';
import { missingResource } from '../rules/kustomize/missing-resource';
import type { KustomizeOverrides } from '../sources/sourceRender';
import type { SourceLocation } from '../text/span';
import { FILE_START } from '../text/span';
import { applyPatchesField, applyPatchesJson6902, applyPatchesStrategicMerge } from './applyPatches';
import { addAnnotations, addLabels, addNamePrefixSuffix, setNamespace } from './builtinTransformers';
import { readFileObjects } from './fileResources';
import { runGenerators } from './generators';
import { recordHelmCharts } from './helmCharts';
import { kustomizationLocation, loadKustomization } from './kustomizationFile';
import type { KustomizeRender, WorkingObject } from './kustomizeTypes';
import { checkFileInsideRoot, resolveReferencedPath } from './referencedPath';
import { isRemoteResource } from './remoteResource';
import { RenderContext, type Level } from './renderContext';
import { describeId, idKey, idOfBody } from './resourceId';
import { isLocalConfig, recordDroppedLocalConfig } from './splicedRender';
import { readStringMap } from './stringMaps';

/**
 * Renders the kustomization in `directory` the way `kustomize build` would, as far as it can
 * be known without running anything: objects keep the origin where their document is written,
 * with name/namespace/labels/annotations/patches applied to their body. Helm charts and remote
 * bases are recorded, not expanded. `overrides` are an Argo CD Application's `kustomize:` block,
 * applied like Argo CD does (it edits the top kustomization before building). `buildOptions` is
 * argocd-cm's `kustomize.buildOptions` when known (`--load-restrictor LoadRestrictionsNone`
 * allows files outside a kustomization's folder).
 */
export function renderKustomization(index: RepoIndex, directory: string, overrides?: KustomizeOverrides, buildOptions?: string): KustomizeRender {
  const context = new RenderContext(index, buildOptions);
  const rendered = renderFolder(context, directory, { overrides, stack: [], initial: [], expectComponent: false });
  if (!rendered) {
    if (!context.problems.some((item) => item.location.file.startsWith(directory))) {
      context.report(problem(missingResource, `${directory || 'The repository root'} has no kustomization file; kustomize build fails.`, { file: directory, span: FILE_START }));
    }
  }
  const objects: KubeObject[] = [];
  let dropped = false;
  for (const working of rendered?.objects ?? []) {
    if (isLocalConfig(working.body)) {
      dropped = true;
      continue;
    }
    const object = objectFromBody(working.body, working.origin);
    if (object) objects.push(object);
  }
  if (dropped) recordDroppedLocalConfig(objects);
  return {
    objects,
    helmCharts: context.helmCharts,
    remoteResources: context.remoteResources,
    filesRead: [...context.filesRead].sort(),
    problems: context.problems,
    generated: context.generated,
    complete: rendered?.complete ?? false,
  };
}

interface FolderRequest {
  readonly overrides: KustomizeOverrides | undefined;
  /** Folders of the kustomizations being rendered above this one (for cycle detection). */
  readonly stack: readonly string[];
  /** Objects accumulated so far: a Component transforms its parent's objects. */
  readonly initial: WorkingObject[];
  readonly expectComponent: boolean;
  /** The entry that included this folder (for a Component-kind mismatch). */
  readonly includedAt?: SourceLocation;
}

interface FolderResult {
  readonly objects: WorkingObject[];
  readonly complete: boolean;
}

function renderFolder(context: RenderContext, directory: string, request: FolderRequest): FolderResult | undefined {
  const loaded = loadKustomization(context.index, directory);
  for (const item of loaded.problems) context.report(item);
  const kustomization = loaded.kustomization;
  if (!kustomization) return undefined;
  context.filesRead.add(kustomization.file);
  const isComponent = kustomization.value.kind === 'Component';
  if (request.includedAt && isComponent !== request.expectComponent) {
    context.report(
      problem(
        invalidKustomization,
        request.expectComponent
          ? `${directory} is listed as a component but its kustomization is not kind: Component; kustomize build fails.`
          : `${directory} is a Component; list it under components, not resources (kustomize build fails).`,
        request.includedAt,
      ),
    );
    return undefined;
  }
  const level: Level = { context, kustomization, value: withOverrides(kustomization.value, request.overrides), complete: true };
  const stack = [...request.stack, directory];

  let objects = [...request.initial];
  objects = accumulateResources(level, objects, stack);
  objects = runGenerators(level, objects);
  recordHelmCharts(level);
  objects = accumulateComponents(level, objects, stack);
  for (const field of ['generators', 'transformers', 'validators', 'replacements']) {
    // Plugins and replacements are not run here: what they produce or rename is unknown.
    if (Array.isArray(level.value[field]) && (level.value[field] as unknown[]).length > 0) level.complete = false;
  }

  objects = applyPatchesStrategicMerge(level, objects);
  objects = applyPatchesField(level, objects);
  if (typeof level.value.namespace === 'string' && level.value.namespace !== '') setNamespace(objects, level.value.namespace);
  addNamePrefixSuffix(objects, stringField(level.value.namePrefix), stringField(level.value.nameSuffix));
  applyLabels(level, objects);
  addAnnotations(objects, readStringMap(level, level.value.commonAnnotations, ['commonAnnotations']));
  objects = applyPatchesJson6902(level, objects);
  return { objects, complete: level.complete };
}

/** Applies `labels` entries then `commonLabels`, in kustomize's order. */
function applyLabels(level: Level, objects: WorkingObject[]): void {
  const entries = level.value.labels;
  if (Array.isArray(entries)) {
    entries.forEach((entry, entryIndex) => {
      if (!isRecord(entry)) return;
      const pairs = readStringMap(level, entry.pairs, ['labels', entryIndex, 'pairs']);
      const includeSelectors = entry.includeSelectors === true;
      addLabels(objects, pairs, { selectors: includeSelectors, templates: includeSelectors || entry.includeTemplates === true });
    });
  }
  addLabels(objects, readStringMap(level, level.value.commonLabels, ['commonLabels']), { selectors: true, templates: true });
}

function accumulateResources(level: Level, objects: WorkingObject[], stack: readonly string[]): WorkingObject[] {
  // One index of ids for the whole list: re-indexing the build at every entry was quadratic.
  const build = new UniqueObjects(objects);
  for (const field of ['resources', 'bases'] as const) {
    const entries = level.value[field];
    if (entries === undefined || entries === null) continue;
    if (!Array.isArray(entries)) {
      level.context.report(problem(invalidKustomization, `${field} must be a list; kustomize cannot read this kustomization.`, kustomizationLocation(level.kustomization, [field])));
      level.complete = false;
      continue;
    }
    entries.forEach((entry, entryIndex) => {
      const location = kustomizationLocation(level.kustomization, [field, entryIndex]);
      if (typeof entry !== 'string' || entry.trim() === '') {
        level.context.report(problem(invalidKustomization, `A ${field} entry must be a path or URL.`, location));
        return;
      }
      build.append(level, loadResource(level, entry, location, stack), location);
    });
  }
  return build.objects;
}

function loadResource(level: Level, entry: string, location: SourceLocation, stack: readonly string[]): WorkingObject[] {
  const { context } = level;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.trim()) || /^git::/i.test(entry.trim())) return recordRemote(level, entry, location);
  const path = resolveReferencedPath(level, entry, location);
  if (path === undefined) return [];
  if (context.index.file(path) !== undefined) {
    checkFileInsideRoot(level, path, location);
    context.filesRead.add(path);
    const read = readFileObjects(context.index, path);
    if (!read.readable) level.complete = false;
    return read.objects;
  }
  if (context.index.isDirectory(path)) {
    const cycleWith = stack.find((visited) => path === '' || visited === path || visited.startsWith(`${path}/`));
    if (cycleWith !== undefined) {
      context.report(problem(kustomizationCycle, `Cycle: ${path || 'the repository root'} contains ${cycleWith}, which is being built; kustomize reports "cycle detected".`, location));
      level.complete = false;
      return [];
    }
    const nested = renderFolder(context, path, { overrides: undefined, stack, initial: [], expectComponent: false, includedAt: location });
    if (!nested) {
      if (loadKustomizationMissing(level, path)) {
        context.report(problem(missingResource, `Folder ${path} has no kustomization file (kustomization.yaml, kustomization.yml or Kustomization); kustomize build fails.`, location));
      }
      level.complete = false;
      return [];
    }
    if (!nested.complete) level.complete = false;
    return nested.objects;
  }
  if (isRemoteResource(entry)) return recordRemote(level, entry, location);
  context.report(problem(missingResource, `Resource ${JSON.stringify(entry)} not found (${path || '(repository root)'}); kustomize build fails.`, location));
  level.complete = false;
  return [];
}

function loadKustomizationMissing(level: Level, path: string): boolean {
  return !['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((name) => level.context.index.file(path === '' ? name : `${path}/${name}`) !== undefined);
}

function recordRemote(level: Level, url: string, location: SourceLocation): WorkingObject[] {
  level.context.remoteResources.push({ url, location });
  level.complete = false;
  return [];
}

function accumulateComponents(level: Level, objects: WorkingObject[], stack: readonly string[]): WorkingObject[] {
  const entries = level.value.components;
  if (!Array.isArray(entries)) return objects;
  let result = objects;
  entries.forEach((entry, entryIndex) => {
    const location = kustomizationLocation(level.kustomization, ['components', entryIndex]);
    if (typeof entry !== 'string' || entry.trim() === '') {
      level.context.report(problem(invalidKustomization, 'A components entry must be a path or URL.', location));
      return;
    }
    const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ? undefined : resolveReferencedPath(level, entry, location);
    if (path === undefined || !level.context.index.isDirectory(path)) {
      if (isRemoteResource(entry)) recordRemote(level, entry, location);
      else if (path !== undefined) {
        level.context.report(problem(missingResource, `Component folder ${JSON.stringify(entry)} not found (${path}); kustomize build fails.`, location));
        level.complete = false;
      }
      return;
    }
    if (stack.some((visited) => path === '' || visited === path || visited.startsWith(`${path}/`))) {
      level.context.report(problem(kustomizationCycle, `Cycle: component ${path} contains a kustomization being built.`, location));
      level.complete = false;
      return;
    }
    const rendered = renderFolder(level.context, path, { overrides: undefined, stack, initial: result, expectComponent: true, includedAt: location });
    if (!rendered) {
      if (loadKustomizationMissing(level, path)) level.context.report(problem(missingResource, `Component folder ${path} has no kustomization file; kustomize build fails.`, location));
      level.complete = false;
      return;
    }
    if (!rendered.complete) level.complete = false;
    result = rendered.objects;
  });
  return result;
}

/**
 * The objects a kustomization's resources add up to, indexed by id. Ids do not change while the
 * resources are loaded (transformers run afterwards), so the index built once stays true.
 */
class UniqueObjects {
  readonly objects: WorkingObject[];
  readonly #byId = new Map<string, WorkingObject>();

  constructor(initial: readonly WorkingObject[]) {
    this.objects = [...initial];
    for (const object of this.objects) {
      const key = idKey(idOfBody(object.body));
      if (!this.#byId.has(key)) this.#byId.set(key, object);
    }
  }

  /** Appends objects, reporting (and dropping) one whose id is already taken: kustomize refuses duplicates. */
  append(level: Level, added: readonly WorkingObject[], location: SourceLocation): void {
    for (const object of added) {
      const id = idOfBody(object.body);
      const key = idKey(id);
      const existing = id.name === '' ? undefined : this.#byId.get(key);
      if (existing) {
        level.context.report(
          problem(duplicateResource, `${describeId(id)} is already in this build (from ${existing.origin.file}); kustomize build fails ("may not add resource with an already registered id").`, location, [
            { message: 'first declared here', location: { file: existing.origin.file, span: FILE_START } },
          ]),
        );
        continue;
      }
      this.objects.push(object);
      if (!this.#byId.has(key)) this.#byId.set(key, object);
    }
  }
}

/** Merges an Application's `kustomize:` overrides into the top kustomization, as Argo CD's `kustomize edit` calls do. */
function withOverrides(value: Readonly<Record<string, unknown>>, overrides: KustomizeOverrides | undefined): Readonly<Record<string, unknown>> {
  if (!overrides) return value;
  const merged: Record<string, unknown> = { ...value };
  if (overrides.namePrefix !== undefined) merged.namePrefix = overrides.namePrefix;
  if (overrides.nameSuffix !== undefined) merged.nameSuffix = overrides.nameSuffix;
  if (overrides.namespace !== undefined) merged.namespace = overrides.namespace;
  if (overrides.commonLabels) merged.commonLabels = { ...(isRecord(value.commonLabels) ? value.commonLabels : {}), ...overrides.commonLabels };
  if (overrides.commonAnnotations) merged.commonAnnotations = { ...(isRecord(value.commonAnnotations) ? value.commonAnnotations : {}), ...overrides.commonAnnotations };
  if (overrides.patches) merged.patches = [...(Array.isArray(value.patches) ? value.patches : []), ...overrides.patches];
  if (overrides.components) merged.components = [...(Array.isArray(value.components) ? value.components : []), ...overrides.components];
  return merged;
}

function stringField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
