// Locates ../shared/corpus (beside the repository) for corpus tests, and loads a repository of it once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, type Analysis } from '../../server/src/analysis/analyze';
import { readRepository } from '../../server/src/host/readRepository';

/** The corpus folder: `../shared/corpus` relative to the repository root. */
export const CORPUS_DIRECTORY = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');

/** The folder of one corpus repository, or undefined (with a printed reason) when it is absent. */
export function corpusRepository(name: string): string | undefined {
  const folder = join(CORPUS_DIRECTORY, name);
  if (existsSync(folder)) return folder;
  console.warn(`corpus repository absent: ${folder} (corpus tests skipped)`);
  return undefined;
}

const analyses = new Map<string, Promise<Analysis>>();

/** Reads and analyses a corpus repository once per test process. */
export function analyzeCorpusRepository(folder: string): Promise<Analysis> {
  let analysis = analyses.get(folder);
  if (!analysis) {
    analysis = readRepository(folder).then((snapshot) => analyze(snapshot));
    analyses.set(folder, analysis);
  }
  return analysis;
}

/** Every corpus repository's folder; none (with a printed reason) when the corpus is absent. */
export function corpusFolders(): string[] {
  try {
    return readdirSync(CORPUS_DIRECTORY, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(CORPUS_DIRECTORY, entry.name));
  } catch {
    console.warn(`corpus absent: ${CORPUS_DIRECTORY}`);
    return [];
  }
}

/** The YAML files (and JSON files with `json`) under `folder`, at most `maxBytes` each, `.git` and `node_modules` skipped, sorted. */
export function yamlFilesUnder(folder: string, options: { readonly json?: boolean; readonly maxBytes?: number } = {}): string[] {
  const pattern = options.json ? /\.(ya?ml|json)$/i : /\.ya?ml$/i;
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const full = join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && pattern.test(entry.name) && (options.maxBytes === undefined || statSync(full).size <= options.maxBytes)) files.push(full);
    }
  };
  walk(folder);
  return files.sort();
}
