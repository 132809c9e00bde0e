// Loads a repository of the shared corpus (`/work/shared/corpus`, i.e. `../shared/corpus` from the repo root) for tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';

/** The corpus folder, resolved from the repository root. */
export const CORPUS_ROOT = resolve(__dirname, '../../../../shared/corpus');

/** True when the corpus is present (CI has it; a fresh clone may not). */
export const corpusPresent = existsSync(CORPUS_ROOT);

/** A corpus repository as a RepoIndex: every file read as text (the corpus holds only data files). */
export function corpusIndex(folder: string): RepoIndex {
  const root = join(CORPUS_ROOT, folder);
  const texts: Record<string, string> = {};
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) walk(path);
      else texts[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(root);
  return new RepoIndex(snapshotFromTexts(texts));
}
