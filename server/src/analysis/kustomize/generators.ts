// configMapGenerator and secretGenerator: the ConfigMaps and Secrets a kustomization generates.
import { isRecord } from '../kube/kubeObject';
import { problem } from '../rules/rule';
import { invalidKustomization } from '../rules/kustomize/invalid-kustomization';
import { missingGeneratorFile } from '../rules/kustomize/missing-generator-file';
import { basename } from '../text/repoPath';
import { kustomizationLocation } from './kustomizationFile';
import type { WorkingObject } from './kustomizeTypes';
import { ensureMap, ownedBody, ownedMap } from './plainData';
import { checkFileInsideRoot, resolveReferencedPath } from './referencedPath';
import type { Level } from './renderContext';
import { idOfBody, idsEqual } from './resourceId';
import { readStringMap } from './stringMaps';

/**
 * Runs the kustomization's generators, appending to `objects` (or merging into an existing
 * object for `behavior: merge|replace`). Names are kept without kustomize's content hash; the
 * hash is recorded as a note. Secret values are not kept: only their keys.
 */
export function runGenerators(level: Level, objects: WorkingObject[]): WorkingObject[] {
  const globalOptions = isRecord(level.value.generatorOptions) ? level.value.generatorOptions : {};
  let result = objects;
  for (const field of ['configMapGenerator', 'secretGenerator'] as const) {
    const entries = level.value[field];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, entryIndex) => {
      result = generateOne(level, result, field, entry, entryIndex, globalOptions);
    });
  }
  return result;
}

function generateOne(
  level: Level,
  objects: WorkingObject[],
  field: 'configMapGenerator' | 'secretGenerator',
  entry: unknown,
  entryIndex: number,
  globalOptions: Readonly<Record<string, unknown>>,
): WorkingObject[] {
  const location = kustomizationLocation(level.kustomization, [field, entryIndex]);
  if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '') {
    level.context.report(problem(invalidKustomization, `A ${field} entry needs a name.`, location));
    return objects;
  }
  const kind = field === 'configMapGenerator' ? 'ConfigMap' : 'Secret';
  const options = isRecord(entry.options) ? entry.options : {};
  const data = readGeneratorData(level, entry, field, entryIndex);
  const body: Record<string, unknown> = { apiVersion: 'v1', kind, metadata: { name: entry.name } };
  if (typeof entry.namespace === 'string' && entry.namespace !== '') ensureMap(body, ['metadata']).namespace = entry.namespace;
  const labels = { ...readStringMap(level, globalOptions.labels, ['generatorOptions', 'labels']), ...readStringMap(level, options.labels, [field, entryIndex, 'options', 'labels']) };
  const annotations = {
    ...readStringMap(level, globalOptions.annotations, ['generatorOptions', 'annotations']),
    ...readStringMap(level, options.annotations, [field, entryIndex, 'options', 'annotations']),
  };
  if (Object.keys(labels).length > 0) ensureMap(body, ['metadata']).labels = labels;
  if (Object.keys(annotations).length > 0) ensureMap(body, ['metadata']).annotations = annotations;
  if (kind === 'Secret') body.type = typeof entry.type === 'string' ? entry.type : 'Opaque';
  body.data = kind === 'Secret' ? Object.fromEntries(Object.keys(data).map((key) => [key, ''])) : data;
  const disableHash = options.disableNameSuffixHash === true || (options.disableNameSuffixHash === undefined && globalOptions.disableNameSuffixHash === true);
  level.context.generated.push({ kind, name: entry.name, nameHashSuffixed: !disableHash, location });

  const behavior = typeof entry.behavior === 'string' ? entry.behavior : 'create';
  const id = idOfBody(body);
  const existing = objects.find((object) => idsEqual(idOfBody(object.body), id));
  if (existing && (behavior === 'merge' || behavior === 'replace')) {
    // The existing object's body may still be its file's parse: changed through owned copies only.
    if (behavior === 'merge') {
      ownedBody(existing).data = { ...(isRecord(existing.body.data) ? existing.body.data : {}), ...(body.data as Record<string, unknown>) };
      Object.assign(ownedMap(existing, ['metadata', 'labels']), labels);
      Object.assign(ownedMap(existing, ['metadata', 'annotations']), annotations);
    } else {
      ownedBody(existing).data = body.data;
    }
    return objects;
  }
  const origin = { file: level.kustomization.file, documentIndex: level.kustomization.document?.index ?? 0, path: [field, entryIndex] };
  return [...objects, { body, origin, previousIds: [] }];
}

function readGeneratorData(level: Level, entry: Readonly<Record<string, unknown>>, field: string, entryIndex: number): Record<string, string> {
  const data: Record<string, string> = {};
  const literals = Array.isArray(entry.literals) ? entry.literals : [];
  for (const literal of literals) {
    if (typeof literal !== 'string') continue;
    const equals = literal.indexOf('=');
    if (equals > 0) data[literal.slice(0, equals)] = unquote(literal.slice(equals + 1));
  }
  const files = Array.isArray(entry.files) ? entry.files : [];
  files.forEach((fileEntry, fileIndex) => {
    if (typeof fileEntry !== 'string') return;
    const equals = fileEntry.indexOf('=');
    const key = equals > 0 ? fileEntry.slice(0, equals) : undefined;
    const written = equals > 0 ? fileEntry.slice(equals + 1) : fileEntry;
    const text = readGeneratorFile(level, written, [field, entryIndex, 'files', fileIndex]);
    data[key ?? basename(written)] = text ?? '';
  });
  const envs = [...(Array.isArray(entry.envs) ? entry.envs : []), ...(typeof entry.env === 'string' ? [entry.env] : [])];
  envs.forEach((envEntry, envIndex) => {
    if (typeof envEntry !== 'string') return;
    const path = Array.isArray(entry.envs) && envIndex < entry.envs.length ? [field, entryIndex, 'envs', envIndex] : [field, entryIndex, 'env'];
    const text = readGeneratorFile(level, envEntry, path);
    for (const line of (text ?? '').split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const equals = trimmed.indexOf('=');
      if (equals > 0) data[trimmed.slice(0, equals)] = trimmed.slice(equals + 1);
    }
  });
  return data;
}

function readGeneratorFile(level: Level, written: string, locationPath: (string | number)[]): string | undefined {
  const location = kustomizationLocation(level.kustomization, locationPath);
  const path = resolveReferencedPath(level, written, location);
  if (path === undefined) return undefined;
  if (level.context.index.file(path) === undefined) {
    level.context.report(problem(missingGeneratorFile, `Generator file ${JSON.stringify(written)} is not in this repository (${path}); kustomize build fails unless it exists where Argo CD checks out.`, location));
    return undefined;
  }
  checkFileInsideRoot(level, path, location);
  level.context.filesRead.add(path);
  return level.context.index.text(path);
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/s.exec(value);
  return match ? (match[2] ?? '') : value;
}
