// The directory tool: the Kubernetes objects of the YAML/JSON files of a folder (recursive on request).
import { isRecord, objectFromBody, type KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import { relativeRepoPath } from '../text/repoPath';
import { globMatches } from './globMatch';
import type { DirectoryOptions } from './sourceRender';
import { DOCUMENT_ROOT } from '../yaml/yamlDocument';

/** Files Argo CD considers manifests in a directory app (unless disableExtensionFilter). */
const MANIFEST_FILE = /\.(ya?ml|json|jsonnet)$/;

/** What a directory source deploys, the files it read, and whether jsonnet files were left out. */
export interface DirectoryRender {
  readonly objects: readonly KubeObject[];
  readonly filesRead: readonly string[];
  /** Jsonnet files Argo CD evaluates: their objects are unknown here. */
  readonly jsonnetFiles: readonly string[];
}

/**
 * Renders a directory source as Argo CD does: files directly in the folder (every depth with
 * `recurse`), `exclude` then `include` globs matched on the path relative to the folder (exclude
 * wins). Every document that is a Kubernetes object is deployed. Broken documents and chart
 * templates are skipped silently: file-level parse problems are reported once, elsewhere.
 */
export function renderDirectory(index: RepoIndex, path: string, options: DirectoryOptions | undefined): DirectoryRender {
  const candidates = options?.recurse ? index.filesUnder(path) : index.filesIn(path);
  const objects: KubeObject[] = [];
  const filesRead: string[] = [];
  const jsonnetFiles: string[] = [];
  for (const file of candidates) {
    if (!MANIFEST_FILE.test(file)) continue;
    const relative = relativeRepoPath(path, file) ?? file;
    if (options?.exclude && globMatches(options.exclude, relative)) continue;
    if (options?.include && !globMatches(options.include, relative)) continue;
    if (file.endsWith('.jsonnet')) {
      jsonnetFiles.push(file);
      continue;
    }
    const parsed = index.parsed(file);
    if (!parsed) continue;
    filesRead.push(file);
    for (const document of parsed.documents) {
      if (!isRecord(document.value)) continue;
      const object = objectFromBody(document.value, { file, documentIndex: document.index, path: DOCUMENT_ROOT });
      if (object) objects.push(object);
    }
  }
  return { objects, filesRead, jsonnetFiles };
}
