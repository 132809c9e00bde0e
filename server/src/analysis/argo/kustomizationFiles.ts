// Finds kustomization files and reads them as plain YAML (no rendering): for patch and argo-cd chart lookups.
import { KUSTOMIZATION_FILE_NAMES } from '../kustomize/kustomizationFile';
import type { RepoIndex } from '../repoIndex';
import { basename, dirname } from '../text/repoPath';
import { parseYamlFile } from '../yaml/parseYamlFile';
import type { YamlDocument } from '../yaml/yamlDocument';

/** A kustomization file and its first document (a kustomization is one document). */
export interface KustomizationFile {
  readonly file: string;
  /** The folder holding it: paths inside it are relative to this folder. */
  readonly directory: string;
  readonly document: YamlDocument;
}

/** Every kustomization file of the repository that parses to a map, sorted by path; memoised per index. */
export function kustomizationFiles(index: RepoIndex): readonly KustomizationFile[] {
  // A derivation over a per-file scan: files that come or go cost their own scan, and an equal list stays the same list.
  return index.derived('argo/kustomization-files', (current) => current.scanEveryFile('argo/kustomization-file', scanKustomizationFile));
}

function scanKustomizationFile(index: RepoIndex, file: string): readonly KustomizationFile[] {
  if (!KUSTOMIZATION_FILE_NAMES.includes(basename(file))) return NONE;
  // `Kustomization` has no YAML extension, so the index does not parse it: parse it here.
  const parsed = index.parsed(file) ?? parseTextFile(index, file);
  const document = parsed?.documents[0];
  if (document && typeof document.value === 'object' && document.value !== null && !Array.isArray(document.value)) {
    return [{ file, directory: dirname(file), document }];
  }
  return NONE;
}

const NONE: readonly KustomizationFile[] = [];

function parseTextFile(index: RepoIndex, file: string): ReturnType<typeof parseYamlFile> | undefined {
  const text = index.text(file);
  return text === undefined ? undefined : parseYamlFile(file, text);
}
