// Go's `path.Base`, `path.Dir` and `path.Clean` for `/`-separated paths (their edge cases differ from Node's).

/** Go `path.Clean`: lexical normalisation; `''` becomes `.`. */
export function goPathClean(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(segment);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** Go `path.Base`: the last element; `.` for `''`, `/` for a path of slashes. */
export function goPathBase(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go `path.Dir`: everything but the last element, cleaned; `.` for a top-level name. */
export function goPathDir(path: string): string {
  const slash = path.lastIndexOf('/');
  return goPathClean(path.slice(0, slash + 1));
}
