// Finds the analysed folder's path inside its git working tree, so CI formats name files as GitHub does.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * `''` when `directory` is the root of its git working tree (or in none), else its path from that
 * root with `/` separators and a trailing `/` (e.g. `deploy/gitops/`). Findings are relative to the
 * analysed folder; GitHub annotations and SARIF `%SRCROOT%` URIs are relative to the repository root.
 */
export function gitRootPrefix(directory: string): string {
  for (let folder = directory; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) {
      const path = relative(folder, directory).split(sep).join('/');
      return path === '' ? '' : `${path}/`;
    }
    if (dirname(folder) === folder) return '';
  }
}
