// Applies a kustomization's patches (patches, patchesStrategicMerge, patchesJson6902) to its objects.
import { isRecord } from '../kube/kubeObject';
import { problem } from '../rules/rule';
import { invalidPatch } from '../rules/kustomize/invalid-patch';
import { jsonPatchFailed } from '../rules/kustomize/json-patch-failed';
import { patchMatchesNothing } from '../rules/kustomize/patch-matches-nothing';
import { patchTargetNotFound } from '../rules/kustomize/patch-target-not-found';
import type { SourceLocation } from '../text/span';
import { storePreviousId } from './builtinTransformers';
import { kustomizationLocation } from './kustomizationFile';
import type { WorkingObject } from './kustomizeTypes';
import { applyJsonPatch } from './jsonPatch';
import { loadPatchContent, type PatchContent, type StrategicPatchDocument } from './patchContent';
import { ensureMap } from './plainData';
import type { Level } from './renderContext';
import { describeId, idOfBody, idsEqual } from './resourceId';
import { applyStrategicMerge } from './strategicMerge';
import { compileSelector, selects } from './targetSelector';

/** API groups with built-in schemas: their keyed lists (containers, env…) merge item by item. */
const BUILTIN_GROUPS = new Set(['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'storage.k8s.io']);

/** `patchesStrategicMerge`: untargeted strategic merge patches (paths or, legacy, inline YAML). */
export function applyPatchesStrategicMerge(level: Level, objects: WorkingObject[]): WorkingObject[] {
  const entries = level.value.patchesStrategicMerge;
  if (!Array.isArray(entries)) return objects;
  let result = objects;
  entries.forEach((entry, entryIndex) => {
    const location = kustomizationLocation(level.kustomization, ['patchesStrategicMerge', entryIndex]);
    if (typeof entry !== 'string') {
      level.context.report(problem(invalidPatch, 'A patchesStrategicMerge entry must be a path (or inline YAML).', location));
      return;
    }
    const content = loadPatchContent(level, entry.includes('\n') ? { inline: entry, location } : { path: entry, location });
    if (!content) return;
    if (content.type === 'json') {
      level.context.report(problem(invalidPatch, 'patchesStrategicMerge holds a JSON 6902 patch; use patches with a target.', location));
      return;
    }
    for (const document of content.documents) result = applyUntargeted(level, result, document, location, {});
  });
  return result;
}

/** `patches`: strategic merge or JSON 6902 patches, each with an optional `target` selector. */
export function applyPatchesField(level: Level, objects: WorkingObject[]): WorkingObject[] {
  const entries = level.value.patches;
  if (!Array.isArray(entries)) return objects;
  let result = objects;
  entries.forEach((entry, entryIndex) => {
    const location = kustomizationLocation(level.kustomization, ['patches', entryIndex]);
    // A bare string is read leniently as a path (older kustomizations wrote patches that way).
    const fields: Record<string, unknown> = typeof entry === 'string' ? { path: entry } : isRecord(entry) ? entry : {};
    const hasPath = typeof fields.path === 'string' && fields.path !== '';
    const hasPatch = typeof fields.patch === 'string' && fields.patch.trim() !== '';
    if (hasPath === hasPatch) {
      level.context.report(problem(invalidPatch, hasPath ? 'A patch cannot have both path and patch.' : 'A patch needs a path or an inline patch.', location));
      return;
    }
    const content = loadPatchContent(level, hasPath ? { path: fields.path as string, location } : { inline: fields.patch as string, location });
    if (!content) return;
    const options = isRecord(fields.options) ? fields.options : {};
    if (fields.target === undefined || fields.target === null) {
      if (content.type === 'json') {
        level.context.report(problem(invalidPatch, 'A JSON 6902 patch needs a target; kustomize build fails.', location));
        return;
      }
      for (const document of content.documents) result = applyUntargeted(level, result, document, location, options);
      return;
    }
    const selector = compileSelector(fields.target);
    if (typeof selector === 'string') {
      level.context.report(problem(invalidPatch, `The patch target cannot be read: ${selector}.`, kustomizationLocation(level.kustomization, ['patches', entryIndex, 'target'])));
      return;
    }
    const selected = result.filter((object) => selects(selector, object));
    if (selected.length === 0) {
      if (level.complete && options.allowNoTargetMatch !== true) {
        level.context.report(
          problem(patchMatchesNothing, `The patch target ${describeSelector(fields.target)} selects no object of this build; the patch does nothing.`, kustomizationLocation(level.kustomization, ['patches', entryIndex, 'target'])),
        );
      }
      return;
    }
    result = applyToSelected(level, result, selected, content, location, options);
  });
  return result;
}

/** `patchesJson6902` (legacy): JSON patches with a required target; no match fails the build. */
export function applyPatchesJson6902(level: Level, objects: WorkingObject[]): WorkingObject[] {
  const entries = level.value.patchesJson6902;
  if (!Array.isArray(entries)) return objects;
  let result = objects;
  entries.forEach((entry, entryIndex) => {
    const location = kustomizationLocation(level.kustomization, ['patchesJson6902', entryIndex]);
    if (!isRecord(entry) || !isRecord(entry.target) || typeof entry.target.name !== 'string' || entry.target.name === '') {
      level.context.report(problem(invalidPatch, 'A patchesJson6902 entry needs a target with a name.', location));
      return;
    }
    const hasPath = typeof entry.path === 'string' && entry.path !== '';
    const inline = typeof entry.patch === 'string' ? entry.patch : typeof entry.jsonOp === 'string' ? entry.jsonOp : undefined;
    if (hasPath === (inline !== undefined)) {
      level.context.report(problem(invalidPatch, 'A patchesJson6902 entry needs exactly one of path and patch.', location));
      return;
    }
    const content = loadPatchContent(level, hasPath ? { path: entry.path as string, location } : { inline, location });
    if (!content) return;
    if (content.type !== 'json') {
      level.context.report(problem(invalidPatch, 'patchesJson6902 holds a strategic merge patch, not JSON 6902 operations.', location));
      return;
    }
    const selector = compileSelector(entry.target);
    if (typeof selector === 'string') {
      level.context.report(problem(invalidPatch, `The patch target cannot be read: ${selector}.`, location));
      return;
    }
    const selected = result.filter((object) => selects(selector, object));
    if (selected.length === 0) {
      if (level.complete) {
        level.context.report(
          problem(patchTargetNotFound, `No object matches the patchesJson6902 target ${describeSelector(entry.target)}; kustomize build fails ("patchesJson6902 target not found").`, kustomizationLocation(level.kustomization, ['patchesJson6902', entryIndex, 'target'])),
        );
      }
      return;
    }
    result = applyToSelected(level, result, selected, content, location, {});
  });
  return result;
}

function applyUntargeted(level: Level, objects: WorkingObject[], document: StrategicPatchDocument, entryLocation: SourceLocation, options: Readonly<Record<string, unknown>>): WorkingObject[] {
  const patchId = idOfBody(document.body);
  const matches = objects.filter((object) => [...object.previousIds, idOfBody(object.body)].some((id) => idsEqual(id, patchId)));
  if (matches.length === 0) {
    if (level.complete) {
      level.context.report(
        problem(patchTargetNotFound, `No object of this build is ${describeId(patchId)}; kustomize build fails ("no matches for Id … failed to find unique target for patch").`, document.nameLocation, [
          { message: 'patch listed here', location: entryLocation },
        ]),
      );
    }
    return objects;
  }
  return applyToSelected(level, objects, matches, { type: 'strategic', documents: [document] }, entryLocation, options);
}

function applyToSelected(
  level: Level,
  objects: WorkingObject[],
  selected: readonly WorkingObject[],
  content: PatchContent,
  location: SourceLocation,
  options: Readonly<Record<string, unknown>>,
): WorkingObject[] {
  const deleted = new Set<WorkingObject>();
  for (const object of selected) {
    if (content.type === 'json') {
      const outcome = applyJsonPatch(object.body, content.operations);
      if (!outcome.ok) {
        level.context.report(problem(jsonPatchFailed, `JSON patch operation ${outcome.operationIndex + 1} does not apply to ${describeId(idOfBody(object.body))}: ${outcome.reason}.`, location));
        continue;
      }
      if (!isRecord(outcome.value)) continue;
      if (idOfBody(outcome.value).name !== idOfBody(object.body).name) storePreviousId(object);
      object.body = outcome.value;
      continue;
    }
    for (const document of content.documents) {
      const before = idOfBody(object.body);
      const apiVersion = object.body.apiVersion;
      const merged = applyStrategicMerge(object.body, document.body, { useMergeKeys: BUILTIN_GROUPS.has(before.group) });
      if (merged === undefined) {
        deleted.add(object);
        break;
      }
      // As kustomize: a patch never moves an object, and renames or re-kinds it only when allowed.
      merged.apiVersion = apiVersion;
      if (options.allowKindChange !== true) merged.kind = before.kind;
      const metadata = ensureMap(merged, ['metadata']);
      if (options.allowNameChange !== true || typeof metadata.name !== 'string') metadata.name = before.name;
      if (before.namespace === '') delete metadata.namespace;
      else metadata.namespace = before.namespace;
      if (metadata.name !== before.name || merged.kind !== before.kind) storePreviousId(object);
      object.body = merged;
    }
  }
  return deleted.size === 0 ? objects : objects.filter((object) => !deleted.has(object));
}

function describeSelector(target: unknown): string {
  if (!isRecord(target)) return '{}';
  const parts = Object.entries(target)
    .filter(([, value]) => typeof value === 'string' && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`);
  return `{${parts.join(', ')}}`;
}
