// Leaves excluded paths out of a snapshot, by glob (`**` crosses folders, `*` stays in one), before anything reads it.
import { compileGobwasGlob } from './text/gobwasGlob';
import type { RepoSnapshot } from './snapshot';
import { parentDirectory } from './snapshot';

/**
 * The snapshot without the files (and folders) an `exclude` glob matches. A pattern matches a file's
 * repository path or one of its folders, so `legacy/**` and `legacy` both drop the `legacy` tree.
 * Invalid patterns match nothing. Returns the snapshot itself when nothing is excluded.
 */
export function excludeFiles(snapshot: RepoSnapshot, patterns: readonly string[]): RepoSnapshot {
  const matchers = patterns.map((pattern) => compileGobwasGlob(pattern.replace(/^\.?\//, '').replace(/\/$/, ''), '/')).filter((matcher): matcher is RegExp => matcher !== undefined);
  if (matchers.length === 0) return snapshot;
  // `**/x` must also match a top-level `x`, as in editor globs: try the path with a leading `/` too.
  const matches = (path: string): boolean => matchers.some((matcher) => matcher.test(path) || matcher.test(`/${path}`));
  const folderVerdicts = new Map<string, boolean>();
  const excludedFolder = (folder: string): boolean => {
    if (folder === '') return false;
    const known = folderVerdicts.get(folder);
    if (known !== undefined) return known;
    const verdict = matches(folder) || excludedFolder(parentDirectory(folder));
    folderVerdicts.set(folder, verdict);
    return verdict;
  };
  const files = new Map([...snapshot.files].filter(([path]) => !excludedFolder(parentDirectory(path)) && !matches(path)));
  const directories = new Set([...snapshot.directories].filter((folder) => !excludedFolder(folder)));
  return { ...snapshot, files, directories };
}
