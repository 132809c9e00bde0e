// AppProject permission checks, written after Argo CD's app_project_types.go (sources, destinations, resource kinds).
import type { AppProjectSpec } from '../argo/types';
import { goPathMatch } from '../appsets/goPathMatch';
import { normalizeRepoUrlLikeArgo } from './argoGitUrl';
import { argoGlobMatch, isDenyPattern } from './projectGlob';

/** The answer to "does the project permit this", and whether this reimplementation is sure of it. */
export interface PermissionVerdict {
  readonly permitted: boolean;
  /** False when the inputs use syntax whose treatment by Argo CD is not reproduced exactly. */
  readonly certain: boolean;
  /** The deny pattern that rejected it, when one did. */
  readonly deniedBy?: string;
}

/**
 * `IsSourcePermitted`: both sides normalised (`NormalizeGitURL`), gobwas globs with `/` as
 * separator. Each pattern that "matches" permits, where a `!deny` pattern "matches" every URL it
 * does not name; a deny pattern that names the URL rejects at once. So the documented rule "any
 * allow and no deny" holds, with one code-derived quirk: a project whose only entries are denies
 * permits every URL they do not name.
 */
export function isSourcePermitted(project: AppProjectSpec, repoURL: string): PermissionVerdict {
  const source = normalizeRepoUrlLikeArgo(repoURL);
  let certain = source.certain;
  let anyMatched = false;
  for (const written of project.sourceRepos) {
    const deny = isDenyPattern(written);
    const pattern = normalizeRepoUrlLikeArgo(deny ? written.slice(1) : written);
    certain &&= pattern.certain || pattern.normalized === '*';
    const normalized = deny ? `!${pattern.normalized}` : pattern.normalized;
    if (argoGlobMatch(normalized, source.normalized, true, '/')) anyMatched = true;
    else if (deny) return { permitted: false, certain, deniedBy: written };
  }
  return { permitted: anyMatched, certain };
}

/** An Application destination as Argo CD checks it: the cluster's server and name, and a namespace. */
export interface DestinationToCheck {
  /** Empty when unknown. */
  readonly server: string;
  /** Empty when unknown. */
  readonly name: string;
  readonly namespace: string;
}

/**
 * `isDestinationMatched`: an entry matches when (server or name) and namespace match (globs without
 * separator, `!` negates); any entry in which a deny pattern rejects the destination rejects it.
 * `PermitOnlyProjectScopedClusters` and project-scoped clusters are not modelled (callers lower
 * their certainty when the project could rely on them).
 */
export function isDestinationPermitted(project: AppProjectSpec, destination: DestinationToCheck): PermissionVerdict {
  let anyMatched = false;
  let deniedBy: string | undefined;
  for (const item of project.destinations) {
    const itemServer = item.server ?? '';
    const itemName = item.name ?? '';
    const itemNamespace = item.namespace ?? '';
    const nameMatched = destination.name !== '' && argoGlobMatch(itemName, destination.name, true);
    const serverMatched = destination.server !== '' && argoGlobMatch(itemServer, destination.server, true);
    const namespaceMatched = argoGlobMatch(itemNamespace, destination.namespace, true);
    if ((serverMatched || nameMatched) && namespaceMatched) anyMatched = true;
    else if ((!nameMatched && isDenyPattern(itemName)) || (!serverMatched && isDenyPattern(itemServer)) || (!namespaceMatched && isDenyPattern(itemNamespace))) {
      deniedBy ??= [itemServer || itemName, itemNamespace].join(' ');
    }
  }
  const permitted = anyMatched && deniedBy === undefined;
  return permitted || deniedBy === undefined ? { permitted, certain: true } : { permitted, certain: true, deniedBy };
}

/** A resource kind (and name) to check against the project's resource lists. */
export interface ResourceToCheck {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
}

/** Why a resource kind is not permitted. */
export type ResourceRefusal = 'not-whitelisted' | 'empty-whitelist' | 'blacklisted';

/** The answer for a resource kind: permitted, or refused and why. */
export interface ResourceVerdict {
  readonly permitted: boolean;
  readonly refusal?: ResourceRefusal;
}

/**
 * `IsGroupKindPermitted`. Cluster-scoped: permitted only when a non-empty whitelist names it (an
 * empty or missing `clusterResourceWhitelist` allows no cluster-scoped kind) and the blacklist does
 * not. Namespaced: a missing whitelist allows every kind, a present-but-empty one allows none.
 * `group`/`kind` match with Go's `filepath.Match`; an entry's optional `name` glob too.
 */
export function isResourcePermitted(project: AppProjectSpec, resource: ResourceToCheck, namespaced: boolean): ResourceVerdict {
  const whitelist = namespaced ? project.namespaceResourceWhitelist : project.clusterResourceWhitelist;
  const blacklist = namespaced ? project.namespaceResourceBlacklist : project.clusterResourceBlacklist;
  if (blacklist !== undefined && blacklist.length > 0 && isInList(resource, blacklist)) return { permitted: false, refusal: 'blacklisted' };
  if (namespaced && whitelist === undefined) return { permitted: true };
  if (whitelist === undefined || whitelist.length === 0) return { permitted: false, refusal: 'empty-whitelist' };
  return isInList(resource, whitelist) ? { permitted: true } : { permitted: false, refusal: 'not-whitelisted' };
}

/** `isResourceInList`: kind, then group, with `filepath.Match` (a malformed pattern matches nothing). */
function isInList(resource: ResourceToCheck, list: readonly { readonly group: string; readonly kind: string; readonly name?: string }[]): boolean {
  return list.some(
    (item) =>
      goPathMatch(item.kind, resource.kind).matched &&
      goPathMatch(item.group, resource.group).matched &&
      (item.name === undefined || goPathMatch(item.name, resource.name).matched),
  );
}
