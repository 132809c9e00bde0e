// The files the benchmark's floors read: every *.yaml, *.yml and *.json file of a folder, hidden entries skipped.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every *.yaml, *.yml and *.json file under `root`, skipping hidden files and folders (as the CLI does). */
export function listYamlFiles(root) {
  const files = [];
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name)) files.push(full);
    }
  };
  walk(root);
  return files;
}
