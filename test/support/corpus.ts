// Locates ../shared/corpus (beside the repository) for corpus tests, and loads a repository of it once.
import { existsSync } from 'node:fs';
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
