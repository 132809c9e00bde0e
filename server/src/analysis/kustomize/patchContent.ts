// Loads the content of a kustomize patch (a file or an inline string) as a JSON 6902 or strategic merge patch.
import { isRecord } from '../kube/kubeObject';
import { problem } from '../rules/rule';
import { invalidPatch } from '../rules/kustomize/invalid-patch';
import { missingResource } from '../rules/kustomize/missing-resource';
import type { SourceLocation } from '../text/span';
import { parseYamlFile } from '../yaml/parseYamlFile';
import { locate, type YamlDocument } from '../yaml/yamlDocument';
import { parseAnyYaml } from './fileResources';
import { looksLikeJsonPatch } from './jsonPatch';
import { checkFileInsideRoot, resolveReferencedPath } from './referencedPath';
import type { Level } from './renderContext';

/** One strategic-merge patch document, with where to point at it. */
export interface StrategicPatchDocument {
  readonly body: Readonly<Record<string, unknown>>;
  /** The patch's `metadata.name` when written in a file (what a user edits to fix a mismatch). */
  readonly nameLocation: SourceLocation;
}

/** The content of a patch: JSON 6902 operations or strategic merge documents. */
export type PatchContent =
  | { readonly type: 'json'; readonly operations: readonly Record<string, unknown>[] }
  | { readonly type: 'strategic'; readonly documents: readonly StrategicPatchDocument[] };

/** Where a patch comes from: a file path or inline text, as written in the kustomization. */
export interface PatchSource {
  readonly path?: string;
  readonly inline?: string;
  /** The kustomization entry (for problems). */
  readonly location: SourceLocation;
}

/** Loads and classifies a patch; undefined (reported) when it cannot be read. */
export function loadPatchContent(level: Level, source: PatchSource): PatchContent | undefined {
  let documents: readonly YamlDocument[];
  let fromFile = false;
  if (source.path !== undefined) {
    const path = resolveReferencedPath(level, source.path, source.location);
    if (path === undefined) return undefined;
    if (level.context.index.file(path) === undefined) {
      level.context.report(problem(missingResource, `Patch file ${JSON.stringify(source.path)} not found (${path}); kustomize build fails.`, source.location));
      level.complete = false;
      return undefined;
    }
    checkFileInsideRoot(level, path, source.location);
    level.context.filesRead.add(path);
    const parsed = parseAnyYaml(level.context.index, path);
    if (!parsed || parsed.status !== 'yaml') {
      level.complete = false;
      return undefined;
    }
    documents = parsed.documents;
    fromFile = true;
  } else {
    const parsed = parseYamlFile(level.kustomization.file, source.inline ?? '');
    if (parsed.status !== 'yaml' || parsed.problems.length > 0) {
      level.context.report(problem(invalidPatch, `The inline patch is not valid YAML: ${parsed.problems[0]?.message ?? 'unreadable'}`, source.location));
      return undefined;
    }
    documents = parsed.documents;
  }
  const values = documents.filter((document) => document.value !== null);
  const first = values[0];
  if (!first) {
    level.context.report(problem(invalidPatch, 'The patch is empty.', source.location));
    return undefined;
  }
  if (Array.isArray(first.value)) {
    if (!looksLikeJsonPatch(first.value)) {
      level.context.report(problem(invalidPatch, 'The patch is a list but not JSON 6902 operations (each needs op and path).', source.location));
      return undefined;
    }
    return { type: 'json', operations: first.value };
  }
  const strategic: StrategicPatchDocument[] = [];
  for (const document of values) {
    if (!isRecord(document.value)) {
      level.context.report(problem(invalidPatch, 'The patch is neither a JSON 6902 list nor a strategic merge map.', source.location));
      return undefined;
    }
    const nameEntry = fromFile ? locate(document, ['metadata', 'name'], true) : undefined;
    const nameLocation = nameEntry ? { file: document.file, span: nameEntry.value } : source.location;
    strategic.push({ body: document.value, nameLocation });
  }
  return { type: 'strategic', documents: strategic };
}
