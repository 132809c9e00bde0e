// RepoSnapshot: the whole input of the analysis (files, folders, git facts), built by a host.
import type { SourceLocation } from './text/span';

/** Why a host listed a file without giving its text. */
export type SkipReason = 'too-large' | 'binary' | 'not-utf8' | 'unreadable';

/** One file of the snapshot: its text, or why it has none. */
export type SnapshotFile =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'skipped'; readonly reason: SkipReason; readonly detail: string }
  /** A file the analysis only needs to know exists (README, `.tpl`, `.jsonnet`…). */
  | { readonly kind: 'listed' };

/** Something the host met while walking the repository that is not a file's content. */
export interface WalkProblem {
  readonly kind: 'symlink-escape' | 'symlink-loop' | 'unreadable-directory' | 'file-count-cap';
  readonly location: SourceLocation;
  readonly detail: string;
}

/**
 * Everything the analysis reads. Paths are repository-relative and `/`-separated, with no
 * leading `./` or `/`; the repository root folder is `''`.
 */
export interface RepoSnapshot {
  /** Every regular file found, by path. */
  readonly files: ReadonlyMap<string, SnapshotFile>;
  /** Every folder walked (hidden folders, `.git` and `node_modules` excluded), including `''`. */
  readonly directories: ReadonlySet<string>;
  /** URLs of the git remotes, when the host found a `.git` (for "which repoURL is this repository"). */
  readonly gitRemoteUrls: readonly string[];
  /** Problems met while walking. */
  readonly walkProblems: readonly WalkProblem[];
}

/** Builds a snapshot from file texts alone (tests, editors' in-memory buffers). Folders are derived. */
export function snapshotFromTexts(
  texts: Readonly<Record<string, string>>,
  extra: { gitRemoteUrls?: readonly string[]; listed?: readonly string[]; directories?: readonly string[] } = {},
): RepoSnapshot {
  const files = new Map<string, SnapshotFile>();
  for (const [path, text] of Object.entries(texts)) files.set(path, { kind: 'text', text });
  for (const path of extra.listed ?? []) files.set(path, { kind: 'listed' });
  const directories = new Set<string>(['']);
  for (const directory of extra.directories ?? []) addWithAncestors(directories, directory);
  for (const path of files.keys()) addWithAncestors(directories, parentDirectory(path));
  return { files, directories, gitRemoteUrls: extra.gitRemoteUrls ?? [], walkProblems: [] };
}

function addWithAncestors(directories: Set<string>, directory: string): void {
  let current = directory;
  while (current !== '' && !directories.has(current)) {
    directories.add(current);
    current = parentDirectory(current);
  }
}

/** The folder holding a repository path (`''` for top-level entries). */
export function parentDirectory(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
