// On every YAML/JSON file of the five corpus repositories and examples/homelab, the fast parse path equals `yaml` alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastDocumentValues } from '../../../server/src/analysis/yaml/fastValues';
import { findExcessiveNesting } from '../../../server/src/analysis/yaml/nestingGuard';
import { parseYamlFile, parseYamlFileWithYaml } from '../../../server/src/analysis/yaml/parseYamlFile';
import { CORPUS_DIRECTORY } from '../../support/corpus';
import { parseDifference } from '../../support/sameParse';

const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..');
/** The CLI's default size cap: larger files are never parsed. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

function yamlFilesUnder(folder: string): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.name === '.git' || entry.name === 'node_modules') continue;
      const full = join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name) && statSync(full).size <= MAX_FILE_BYTES) files.push(full);
    }
  };
  walk(folder);
  return files.sort();
}

function corpusFolders(): string[] {
  try {
    return readdirSync(CORPUS_DIRECTORY, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(CORPUS_DIRECTORY, entry.name));
  } catch {
    console.warn(`corpus absent: ${CORPUS_DIRECTORY} (only examples/homelab is compared)`);
    return [];
  }
}

describe('fast parse path on real repositories', () => {
  it('gives the same documents, values, spans and problems as yaml alone on every file, and takes the fast path for most', () => {
    const folders = [join(REPOSITORY_ROOT, 'examples', 'homelab'), ...corpusFolders()];
    const differences: string[] = [];
    let fast = 0;
    let files = 0;
    for (const folder of folders) {
      for (const file of yamlFilesUnder(folder)) {
        const text = readFileSync(file, 'utf8');
        files++;
        const name = relative(folder, file);
        const difference = parseDifference(parseYamlFile(name, text), parseYamlFileWithYaml(name, text));
        if (difference) differences.push(`${relative(REPOSITORY_ROOT, file)}: ${difference}`);
        if (!findExcessiveNesting(text) && fastDocumentValues(text)) fast++;
      }
    }
    expect(differences).toEqual([]);
    expect(files).toBeGreaterThan(50);
    // Real manifests are plain: if most of them left the fast path, it would have silently stopped paying.
    expect(fast / files).toBeGreaterThan(0.8);
    console.log(`fast parse path: ${fast} of ${files} files`);
  });
});
