// On every YAML/JSON file of the five corpus repositories and examples/homelab, the fast parse path equals `yaml` alone.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastDocumentValues } from '../../../server/src/analysis/yaml/fastValues';
import { findExcessiveNesting } from '../../../server/src/analysis/yaml/nestingGuard';
import { parseYamlFile, parseYamlFileWithYaml } from '../../../server/src/analysis/yaml/parseYamlFile';
import { corpusFolders, yamlFilesUnder } from '../../support/corpus';
import { parseDifference } from '../../support/sameParse';

const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..');
/** The CLI's default size cap: larger files are never parsed. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

describe('fast parse path on real repositories', () => {
  it('gives the same documents, values, spans and problems as yaml alone on every file, and takes the fast path for most', () => {
    const folders = [join(REPOSITORY_ROOT, 'examples', 'homelab'), ...corpusFolders()];
    const differences: string[] = [];
    let fast = 0;
    let files = 0;
    for (const folder of folders) {
      for (const file of yamlFilesUnder(folder, { json: true, maxBytes: MAX_FILE_BYTES })) {
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
