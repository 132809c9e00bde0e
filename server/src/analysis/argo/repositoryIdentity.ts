// "Which repoURL is this repository": URL normalisation and the precedence option > git remote > inferred.
import { normalizeRepoPath } from '../text/repoPath';
import { isTemplated } from './plainValues';
import type { ApplicationSpec } from './types';

/** Schemes whose URLs name a git repository by host and path. */
const GIT_SCHEMES = new Set(['http', 'https', 'ssh', 'git', 'git+ssh', 'ssh+git', 'git+https']);

/**
 * A canonical key for a git URL, so that every spelling of one repository compares equal:
 * `https://host/org/repo` for `https://host/org/repo.git/`, `git@host:org/repo.git`,
 * `ssh://git@host:22/org/repo`, `https://user:token@HOST/org/repo`. Like Argo CD's
 * `NormalizeGitURL` the whole URL is lowercased (GitHub and GitLab paths are case-insensitive);
 * unlike it, the scheme, credentials, port, query and fragment are dropped, because only "is it
 * the same repository" matters here. Non-git URLs (`oci://…`, plain names) are only trimmed,
 * lowercased and stripped of a trailing `/`.
 */
export function normalizeGitUrl(url: string): string {
  const trimmed = url.trim().toLowerCase();
  const parts = splitGitUrl(trimmed);
  if (!parts) return trimmed.replace(/\/+$/, '');
  const path = parts.path
    .replace(/[?#].*$/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .join('/')
    .replace(/\.git$/, '');
  return path === '' ? `https://${parts.host}` : `https://${parts.host}/${path}`;
}

/** Host and path of a git URL (scheme URL or scp-like `user@host:path`), or undefined for anything else. */
function splitGitUrl(url: string): { host: string; path: string } | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/.exec(url);
  if (scheme) {
    if (!GIT_SCHEMES.has(scheme[1] ?? '')) return undefined;
    const rest = scheme[2] ?? '';
    const slash = rest.indexOf('/');
    const authority = slash < 0 ? rest : rest.slice(0, slash);
    const host = hostOf(authority);
    return host === '' ? undefined : { host, path: slash < 0 ? '' : rest.slice(slash + 1) };
  }
  // scp-like syntax: `[user@]host:path`, where the host part has no `/`.
  const scp = /^(?:[^@/:]+@)?([^@/:]+):(?!\/\/)(.*)$/.exec(url);
  if (scp && (scp[1] ?? '').includes('.')) return { host: scp[1] ?? '', path: scp[2] ?? '' };
  return undefined;
}

/** The host of a URL authority, without credentials or port. */
function hostOf(authority: string): string {
  const withoutCredentials = authority.slice(authority.lastIndexOf('@') + 1);
  return withoutCredentials.replace(/:\d*$/, '');
}

/** True for a URL that can only name a Helm or OCI registry (never a git repository). */
export function isNonGitUrl(url: string): boolean {
  return splitGitUrl(url.trim().toLowerCase()) === undefined;
}

/** How the identity of the analysed repository was decided. */
export type RepositoryIdentityHow = 'option' | 'git-remote' | 'inferred' | 'unknown';

/** Which `repoURL`s designate the repository being analysed. */
export interface RepositoryIdentity {
  /** Normalised URLs (see `normalizeGitUrl`). */
  readonly urls: ReadonlySet<string>;
  readonly how: RepositoryIdentityHow;
  /** True when a `repoURL` designates this repository; always false for OCI and other non-git URLs. */
  isThisRepository(url: string): boolean;
}

/** What `identifyRepository` decides from. */
export interface RepositoryIdentityInput {
  readonly gitRemoteUrls: readonly string[];
  /** A URL given by option or configuration: it wins over everything. */
  readonly explicitUrl?: string;
  /** Whole Applications (not patch fragments), for inference. */
  readonly applications: readonly ApplicationSpec[];
  /** True when a repository-relative folder exists. */
  readonly directoryExists: (path: string) => boolean;
  /** True when a repository-relative file exists (for `$ref/…` value files). */
  readonly fileExists?: (path: string) => boolean;
}

/**
 * Decides which repoURL is this repository. Precedence: the explicit option, then the git
 * remotes, then inference: among git `repoURL`s of non-chart sources whose `path` exists here,
 * the one used by the most Applications (ties: the most sources, then the smallest URL); a `ref`
 * source counts too when another source's `$ref/…` value file exists here; sources at
 * the repository root count only when no other source matches. Without
 * any of these the identity is `unknown` and no URL is this repository.
 */
export function identifyRepository(input: RepositoryIdentityInput): RepositoryIdentity {
  const explicit = input.explicitUrl?.trim();
  if (explicit) return identity(new Set([normalizeGitUrl(explicit)]), 'option');
  const remotes = input.gitRemoteUrls.filter((url) => url.trim() !== '' && !isNonGitUrl(url));
  if (remotes.length > 0) return identity(new Set(remotes.map(normalizeGitUrl)), 'git-remote');
  // A source at the root (`.`) matches any repository, so such sources only decide when nothing else does.
  const inferred =
    inferRepositoryUrl(input.applications, input, false) ?? inferRepositoryUrl(input.applications, input, true);
  return inferred === undefined ? identity(new Set(), 'unknown') : identity(new Set([inferred]), 'inferred');
}

function identity(urls: ReadonlySet<string>, how: RepositoryIdentityHow): RepositoryIdentity {
  return {
    urls,
    how,
    isThisRepository: (url: string) => !isNonGitUrl(url) && urls.has(normalizeGitUrl(url)),
  };
}

/** The normalised URL that best explains the Applications' local paths, or undefined. */
function inferRepositoryUrl(
  applications: readonly ApplicationSpec[],
  { directoryExists, fileExists }: Pick<RepositoryIdentityInput, 'directoryExists' | 'fileExists'>,
  countRoot: boolean,
): string | undefined {
  const votes = new Map<string, { applications: Set<ApplicationSpec>; sources: number }>();
  const vote = (application: ApplicationSpec, repoURL: string): void => {
    const key = normalizeGitUrl(repoURL);
    const entry = votes.get(key) ?? { applications: new Set(), sources: 0 };
    entry.applications.add(application);
    entry.sources += 1;
    votes.set(key, entry);
  };
  for (const application of applications) {
    // A `$ref/path` value file that exists here says the ref source is this repository (argocd-apps roots have no path).
    if (fileExists) {
      for (const source of application.sources) {
        for (const valueFile of source.helm?.valueFiles ?? []) {
          const match = /^\$([^/]+)\/(.+)$/.exec(valueFile);
          const refSource = match ? application.sources.find((candidate) => candidate.ref === match[1]) : undefined;
          const file = match ? normalizeRepoPath(match[2] ?? '') : undefined;
          const repoURL = refSource?.repoURL;
          if (repoURL === undefined || file === undefined || file === '' || isTemplated(repoURL) || isNonGitUrl(repoURL) || !fileExists(file)) continue;
          vote(application, repoURL);
        }
      }
    }
    for (const source of application.sources) {
      const { repoURL, path } = source;
      // Helm repositories and templated values say nothing about this repository.
      if (source.chart !== undefined || repoURL === undefined || path === undefined) continue;
      if (isTemplated(repoURL) || isTemplated(path) || isNonGitUrl(repoURL)) continue;
      const folder = normalizeRepoPath(path);
      if (folder === undefined || (folder === '' && !countRoot) || !directoryExists(folder)) continue;
      vote(application, repoURL);
    }
  }
  let best: { url: string; applications: number; sources: number } | undefined;
  for (const [url, entry] of votes) {
    const candidate = { url, applications: entry.applications.size, sources: entry.sources };
    if (
      !best ||
      candidate.applications > best.applications ||
      (candidate.applications === best.applications && (candidate.sources > best.sources || (candidate.sources === best.sources && candidate.url < best.url)))
    ) {
      best = candidate;
    }
  }
  return best?.url;
}
