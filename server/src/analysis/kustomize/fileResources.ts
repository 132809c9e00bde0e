// Reads the Kubernetes objects of a resource file a kustomization lists (List kinds expanded).
import { isObjectBody, isRecord } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { parseYamlFile, type ParsedFile } from '../yaml/parseYamlFile';
import type { WorkingObject } from './kustomizeTypes';
import { DOCUMENT_ROOT } from '../yaml/yamlDocument';

/** The objects of a file, and whether all of its documents could be read. */
export interface FileObjects {
  readonly objects: WorkingObject[];
  /** False when the file has no text, is Go-templated, or has documents that did not parse. */
  readonly readable: boolean;
}

/** Parses any repository file as YAML (also extension-less or odd names), memoised by the index when it can. */
export function parseAnyYaml(index: RepoIndex, path: string): ParsedFile | undefined {
  const memoised = index.parsed(path);
  if (memoised) return memoised;
  const text = index.text(path);
  return text === undefined ? undefined : parseYamlFile(path, text);
}

/**
 * The objects of a resource file: every document with a string apiVersion and kind; a
 * `…List` document with `items` contributes its items (kustomize expands lists).
 */
export function readFileObjects(index: RepoIndex, path: string): FileObjects {
  const parsed = parseAnyYaml(index, path);
  if (!parsed) return { objects: [], readable: false };
  const objects: WorkingObject[] = [];
  for (const document of parsed.documents) {
    const value = document.value;
    if (isRecord(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item, itemIndex) => {
        const origin = { file: path, documentIndex: document.index, path: ['items', itemIndex] };
        if (isObjectBody(item)) objects.push({ body: item, origin, previousIds: [] });
      });
      continue;
    }
    const origin = { file: path, documentIndex: document.index, path: DOCUMENT_ROOT };
    if (isObjectBody(value)) objects.push({ body: value, origin, previousIds: [] });
  }
  return { objects, readable: parsed.status === 'yaml' && parsed.problems.length === 0 };
}
