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
  return index.derived('argo/kustomization-files', scanKustomizationFiles);
}

function scanKustomizationFiles(index: RepoIndex): readonly KustomizationFile[] {
  const found: KustomizationFile[] = [];
  for (const file of index.allFiles()) {
    if (!KUSTOMIZATION_FILE_NAMES.includes(basename(file))) continue;
    // `Kustomization` has no YAML extension, so the index does not parse it: parse it here.
    const parsed = index.parsed(file) ?? parseTextFile(index, file);
    const document = parsed?.documents[0];
    if (document && typeof document.value === 'object' && document.value !== null && !Array.isArray(document.value)) {
      found.push({ file, directory: dirname(file), document });
    }
  }
  return found;
}

function parseTextFile(index: RepoIndex, file: string): ReturnType<typeof parseYamlFile> | undefined {
  const text = index.text(file);
  return text === undefined ? undefined : parseYamlFile(file, text);
}
