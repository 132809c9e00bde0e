// Tidy checks: the analysis core stays pure (no IO, no LSP, no vscode), and every source file has a header line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files;
}

const IMPORT = /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
const FORBIDDEN_IN_CORE = /^(node:|fs$|fs\/|path$|child_process$|net$|http$|https$|os$|worker_threads$|vscode$|vscode-)/;

describe('layering', () => {
  it('keeps server/src/analysis free of IO, LSP and vscode imports, and of its hosts', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'server', 'src', 'analysis'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
        if (FORBIDDEN_IN_CORE.test(specifier) || /(^|\/)(host|cli|lsp)\//.test(specifier)) offenders.push(`${relative(ROOT, file)} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('starts every source file with a one-line header comment', () => {
    const missing = [...sourceFiles(join(ROOT, 'server', 'src')), ...sourceFiles(join(ROOT, 'client', 'src'))]
      .filter((file) => !readFileSync(file, 'utf8').startsWith('// '))
      .map((file) => relative(ROOT, file));
    expect(missing).toEqual([]);
  });
});
