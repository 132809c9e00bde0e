// Finds and reads the kustomization file of a folder (kustomization.yaml, kustomization.yml or Kustomization).
import { isRecord } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { problem } from '../rules/rule';
import { invalidKustomization } from '../rules/kustomize/invalid-kustomization';
import { lazyLocation } from '../text/lazyLocation';
import type { SourceLocation } from '../text/span';
import { FILE_START } from '../text/span';
import { parseYamlFile } from '../yaml/parseYamlFile';
import { locate, type ValuePath, type YamlDocument } from '../yaml/yamlDocument';

/** The file names kustomize recognises, in its order. */
export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The kustomization files present in a folder (normally zero or one). */
export function kustomizationFilesIn(index: RepoIndex, directory: string): string[] {
  return KUSTOMIZATION_FILE_NAMES.map((name) => (directory === '' ? name : `${directory}/${name}`)).filter((path) => index.file(path) !== undefined);
}

/** A loaded kustomization: its file, parsed document and map. */
export interface LoadedKustomization {
  readonly file: string;
  readonly directory: string;
  readonly document: YamlDocument | undefined;
  readonly value: Readonly<Record<string, unknown>>;
}

/** The outcome of loading: the kustomization, or undefined with the problems that explain why. */
export interface KustomizationLoad {
  readonly kustomization: LoadedKustomization | undefined;
  readonly problems: readonly Problem[];
}

/**
 * Loads the kustomization of a folder that has exactly one kustomization file. YAML syntax
 * problems of `kustomization.yaml|yml` are reported by the file-level parse rules, so they are
 * not repeated; an extension-less `Kustomization` is parsed here and its problems returned.
 */
export function loadKustomization(index: RepoIndex, directory: string): KustomizationLoad {
  const files = kustomizationFilesIn(index, directory);
  const file = files[0];
  if (file === undefined) return { kustomization: undefined, problems: [] };
  if (files.length > 1) {
    return {
      kustomization: undefined,
      problems: [problem(invalidKustomization, `Found several kustomization files in one folder (${files.join(', ')}); kustomize refuses to build it.`, { file, span: FILE_START })],
    };
  }
  const text = index.text(file);
  if (text === undefined) return { kustomization: undefined, problems: [] };
  const parsed = index.parsed(file) ?? parseYamlFile(file, text);
  const ownProblems = index.parsed(file) ? [] : parsed.problems;
  const documents = parsed.documents.filter((document) => document.value !== null);
  const document = documents[0];
  if (parsed.status !== 'yaml' || (!document && parsed.problems.length > 0)) return { kustomization: undefined, problems: ownProblems };
  const value = document?.value ?? {};
  if (!isRecord(value)) {
    return {
      kustomization: undefined,
      problems: [...ownProblems, problem(invalidKustomization, 'The kustomization is not a YAML map; kustomize cannot read it.', { file, span: document?.span ?? FILE_START })],
    };
  }
  return { kustomization: { file, directory, document, value }, problems: ownProblems };
}

/** Where a field of a kustomization is written (the value, or its closest written ancestor). */
export function kustomizationLocation(kustomization: LoadedKustomization, path: ValuePath, part: 'key' | 'value' = 'value'): SourceLocation {
  const document = kustomization.document;
  if (!document) return { file: kustomization.file, span: FILE_START };
  // Found when first read: most builds record locations they never report (lazyLocation.ts).
  return lazyLocation(
    kustomization.file,
    () => {
      const entry = locate(document, path, true);
      if (!entry) return document.span;
      return part === 'key' ? (entry.key ?? entry.value) : entry.value;
    },
    { source: document, documentIndex: document.index, path, fieldPath: [], part },
  );
}
