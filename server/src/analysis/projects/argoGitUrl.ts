// Argo CD's `git.NormalizeGitURL`, as AppProject `sourceRepos` matching applies it to both sides.

/** A normalised URL, and whether this reimplementation is sure to agree with Argo CD's. */
export interface ArgoNormalizedUrl {
  readonly normalized: string;
  /**
   * False when Go's `url.Parse`/`String()` round trip may change the text (escapes, `?` queries,
   * `#` fragments, braces, spaces, non-ASCII): the comparison is then only a good guess.
   */
  readonly certain: boolean;
}

/** Argo CD's `sshURLRegex`: `[ssh://]user@rest`, with no `/` or `:` before the `@`. */
const SSH_URL = /^(ssh:\/\/)?([^/:]*?)@[^@]+$/;

/** Characters that Go's URL parser may escape, reinterpret or reject. */
const UNSURE_CHARACTERS = /[{}?#%\s\\"<>^`|]|[^\x20-\x7e]/;

/**
 * Normalises like Argo CD's `NormalizeGitURL` (util/git/git.go): trim and lowercase; an SSH URL
 * without `ssh://` has its first `:` replaced by `/`; a trailing `.git` is removed; `ssh://` is
 * dropped. Unlike this project's `normalizeGitUrl`, the scheme is kept: to Argo CD
 * `https://github.com/org/repo` and `git@github.com:org/repo` are different repositories.
 */
export function normalizeRepoUrlLikeArgo(url: string): ArgoNormalizedUrl {
  let repo = url.trim().toLowerCase();
  if (SSH_URL.test(repo) && !repo.startsWith('ssh://')) repo = `ssh://${repo.replace(':', '/')}`;
  if (repo.endsWith('.git')) repo = repo.slice(0, -'.git'.length);
  const normalized = repo.startsWith('ssh://') ? repo.slice('ssh://'.length) : repo;
  return { normalized, certain: !UNSURE_CHARACTERS.test(normalized) };
}
