// Pure posix helpers for repository-relative paths (`/`-separated, no leading `./` or `/`, root is `''`).

/**
 * Normalises a repository-relative path: drops `.` segments, empty segments (`a//b`, trailing `/`)
 * and a leading `/` (the repository root), and resolves `..`. Returns undefined when the path
 * climbs above the repository root with `..` (e.g. `../x`, `a/../../x`). The root is `''`.
 */
export function normalizeRepoPath(path: string): string | undefined {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      // Climbing above the root is an escape, never silently clamped.
      if (segments.length === 0) return undefined;
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  return segments.join('/');
}

/**
 * Joins a repository-relative folder and a path relative to it, then normalises the result.
 * Returns undefined when the result escapes the repository. An absolute `relative` (leading `/`)
 * is taken from the repository root, as Argo CD does for Helm value files.
 */
export function joinRepoPath(directory: string, relative: string): string | undefined {
  if (relative.startsWith('/')) return normalizeRepoPath(relative);
  return normalizeRepoPath(directory === '' ? relative : `${directory}/${relative}`);
}

/** The folder holding a repository path (`''` for a top-level entry or the root itself). */
export function dirname(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? '' : trimmed.slice(0, slash);
}

/** The last segment of a repository path (`''` for the root). */
export function basename(path: string): string {
  const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? trimmed : trimmed.slice(slash + 1);
}

/**
 * The path of `path` relative to the folder `directory`, or undefined when it is not inside it.
 * `relativeRepoPath('apps', 'apps/a/b.yaml')` is `'a/b.yaml'`; the root contains everything.
 */
export function relativeRepoPath(directory: string, path: string): string | undefined {
  if (directory === '') return path;
  if (path === directory) return '';
  return path.startsWith(`${directory}/`) ? path.slice(directory.length + 1) : undefined;
}
