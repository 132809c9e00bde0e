// Path containment checks for the repository walk (Argo CD's rules R3 and R5, reliability-security.md §3).
import path from 'node:path';

/**
 * True when `candidate` (an absolute real path) is the root or inside it. Inside means the
 * candidate starts with `root + separator`, so `/repo-other` is not inside `/repo` (R3).
 */
export function isInsideRoot(candidate: string, root: string): boolean {
  if (candidate === root) return true;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return candidate.startsWith(prefix);
}

/** The repository-relative `/`-separated path of an absolute path inside the root (`''` for the root). */
export function relativeToRoot(candidate: string, root: string): string {
  if (candidate === root) return '';
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return candidate.slice(prefix.length).split(path.sep).join('/');
}

/**
 * True when a relative link target, applied segment by segment from the link's folder, ever
 * steps above the repository root, even if it comes back later (`../repo/x`). This is Argo CD's
 * lexical walk of each target segment (R5); `linkFolder` is repository-relative.
 */
export function targetLeavesRoot(linkFolder: string, target: string): boolean {
  let depth = linkFolder === '' ? 0 : linkFolder.split('/').length;
  const separators = path.sep === '\\' ? /[\\/]/ : /\//;
  for (const segment of target.split(separators)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      depth--;
      if (depth < 0) return true;
    } else {
      depth++;
    }
  }
  return false;
}
