// AppProject matching as Argo CD's app_project_types.go does it: source globs and denies, destinations, resource lists.
import { describe, expect, it } from 'vitest';
import type { AppProjectSpec } from '../../../server/src/analysis/argo/types';
import { normalizeRepoUrlLikeArgo } from '../../../server/src/analysis/projects/argoGitUrl';
import { projectGlobMatches } from '../../../server/src/analysis/projects/projectGlob';
import { isDestinationPermitted, isResourcePermitted, isSourcePermitted } from '../../../server/src/analysis/projects/projectPermissions';
import { resolveDestination } from '../../../server/src/analysis/projects/destinationCluster';
import { IMPLICIT_LOCAL_CLUSTER } from '../../../server/src/analysis/appsets/clusterSecrets';

function project(spec: Partial<Omit<AppProjectSpec, 'object' | 'name'>>): AppProjectSpec {
  return {
    object: { apiVersion: 'argoproj.io/v1alpha1', group: 'argoproj.io', kind: 'AppProject', name: 'team', namespace: 'argocd', labels: {}, annotations: {}, nonStringAnnotationKeys: [], body: {}, origin: { file: 'p.yaml', documentIndex: 0, path: [] } },
    name: 'team',
    sourceRepos: [],
    destinations: [],
    clusterResourceWhitelist: undefined,
    clusterResourceBlacklist: undefined,
    namespaceResourceWhitelist: undefined,
    namespaceResourceBlacklist: undefined,
    sourceNamespaces: [],
    ...spec,
  };
}

describe('normalizeRepoUrlLikeArgo', () => {
  it.each([
    ['https://GitHub.com/Org/Repo.git', 'https://github.com/org/repo'],
    ['  https://github.com/org/repo  ', 'https://github.com/org/repo'],
    ['git@github.com:org/repo.git', 'git@github.com/org/repo'],
    ['ssh://git@github.com/org/repo.git', 'git@github.com/org/repo'],
    ['https://github.com/org/repo/', 'https://github.com/org/repo/'],
    ['https://charts.jetstack.io', 'https://charts.jetstack.io'],
  ])('%s → %s', (url, normalized) => {
    expect(normalizeRepoUrlLikeArgo(url)).toEqual({ normalized, certain: true });
  });

  it('is unsure of URLs that Go would escape or split (queries, braces, spaces)', () => {
    expect(normalizeRepoUrlLikeArgo('https://github.com/org/{a,b}').certain).toBe(false);
    expect(normalizeRepoUrlLikeArgo('https://github.com/org/repo?ref=x').certain).toBe(false);
  });
});

describe('projectGlobMatches', () => {
  it.each([
    ['https://github.com/org/*', 'https://github.com/org/repo', '/', true],
    ['https://github.com/org/*', 'https://github.com/org/team/repo', '/', false],
    ['https://github.com/org/**', 'https://github.com/org/team/repo', '/', true],
    ['https://github.com/org/rep?', 'https://github.com/org/repo', '/', true],
    ['https://github.com/{org,other}/repo', 'https://github.com/other/repo', '/', true],
    ['team-*', 'team-a/sub', undefined, true],
    ['team-[ab]', 'team-c', undefined, false],
    ['team-[!ab]', 'team-c', undefined, true],
    ['team-{a', 'team-a', undefined, false],
  ])('%s on %s (separator %s) → %s', (pattern, text, separator, expected) => {
    expect(projectGlobMatches(pattern, text, separator)).toBe(expected);
  });
});

describe('isSourcePermitted', () => {
  const cases: [string, string[], string, boolean][] = [
    ['a star allows everything', ['*'], 'https://github.com/org/repo', true],
    ['no sourceRepos allows nothing', [], 'https://github.com/org/repo', false],
    ['.git and case do not matter', ['https://github.com/Org/Repo.git'], 'https://github.com/org/repo', true],
    ['https and ssh are different repositories', ['https://github.com/org/*'], 'git@github.com:org/repo.git', false],
    ['* stays in one path segment', ['https://github.com/org/*'], 'https://github.com/org/team/repo', false],
    ['** crosses segments', ['https://github.com/org/**'], 'https://github.com/org/team/repo', true],
    ['a deny that names the URL wins over an allow', ['https://github.com/org/*', '!https://github.com/org/secret'], 'https://github.com/org/secret', false],
    ['a deny that does not name the URL leaves the allow', ['https://github.com/org/*', '!https://github.com/org/secret'], 'https://github.com/org/repo', true],
    ['a lone deny permits what it does not name (code-derived quirk)', ['!https://github.com/org/secret'], 'https://github.com/org/repo', true],
    // `*` never crosses `/` there, and the `*` shortcut applies only to allow patterns: the docs call '!*' invalid.
    ['"!*" rejects no URL with a "/" in it (code-derived)', ['*', '!*'], 'https://github.com/org/repo', true],
    ['"!**" rejects everything', ['*', '!**'], 'https://github.com/org/repo', false],
  ];
  it.each(cases)('%s', (_title, sourceRepos, url, permitted) => {
    expect(isSourcePermitted(project({ sourceRepos }), url).permitted).toBe(permitted);
  });

  it('names the deny pattern that rejected the URL', () => {
    expect(isSourcePermitted(project({ sourceRepos: ['*', '!https://github.com/org/secret.git'] }), 'https://github.com/org/secret')).toEqual({
      permitted: false,
      certain: true,
      deniedBy: '!https://github.com/org/secret.git',
    });
  });
});

describe('isDestinationPermitted', () => {
  const inCluster = (namespace: string) => resolveDestination([IMPLICIT_LOCAL_CLUSTER], { server: 'https://kubernetes.default.svc', name: undefined, namespace });
  const cases: [string, AppProjectSpec['destinations'], string, boolean][] = [
    ['server and namespace globs', [{ server: '*', name: undefined, namespace: 'team-*' }], 'team-a', true],
    ['namespace glob has no separator', [{ server: 'https://kubernetes.default.svc', name: undefined, namespace: 'team*' }], 'team/a', true],
    ['a namespace outside the globs', [{ server: '*', name: undefined, namespace: 'team-*' }], 'kube-system', false],
    ['the cluster name resolved from the server matches', [{ server: undefined, name: 'in-cluster', namespace: '*' }], 'apps', true],
    ['no destinations allow nothing', [], 'apps', false],
    ['a deny namespace rejects even with another allow', [{ server: '*', name: undefined, namespace: '*' }, { server: '*', name: undefined, namespace: '!kube-system' }], 'kube-system', false],
    ['a deny namespace does not reject others', [{ server: '*', name: undefined, namespace: '*' }, { server: '*', name: undefined, namespace: '!kube-system' }], 'apps', true],
    ['a missing namespace matches only an empty one', [{ server: '*', name: undefined, namespace: undefined }], 'apps', false],
  ];
  it.each(cases)('%s', (_title, destinations, namespace, permitted) => {
    expect(isDestinationPermitted(project({ destinations }), inCluster(namespace)).permitted).toBe(permitted);
  });

  it('leaves the other side unknown for a cluster the repository does not declare', () => {
    expect(resolveDestination([IMPLICIT_LOCAL_CLUSTER], { server: 'https://prod.example.com', name: undefined, namespace: 'a' })).toEqual({
      server: 'https://prod.example.com',
      name: '',
      namespace: 'a',
      clusterKnown: false,
    });
  });
});

describe('isResourcePermitted', () => {
  const namespaceObject = { group: '', kind: 'Namespace', name: 'team1-apps' };
  const deployment = { group: 'apps', kind: 'Deployment', name: 'web' };
  it.each([
    ['missing cluster whitelist allows no cluster-scoped kind', project({}), namespaceObject, false, 'empty-whitelist'],
    ['empty cluster whitelist allows none either', project({ clusterResourceWhitelist: [] }), namespaceObject, false, 'empty-whitelist'],
    ['*/* allows every cluster-scoped kind', project({ clusterResourceWhitelist: [{ group: '*', kind: '*' }] }), namespaceObject, false, undefined],
    ['a listed kind', project({ clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }] }), namespaceObject, false, undefined],
    ['an unlisted kind', project({ clusterResourceWhitelist: [{ group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' }] }), namespaceObject, false, 'not-whitelisted'],
    ['a name glob that matches', project({ clusterResourceWhitelist: [{ group: '', kind: 'Namespace', name: 'team1-*' }] }), namespaceObject, false, undefined],
    ['a name glob that does not match', project({ clusterResourceWhitelist: [{ group: '', kind: 'Namespace', name: 'team2-*' }] }), namespaceObject, false, 'not-whitelisted'],
    ['the blacklist wins', project({ clusterResourceWhitelist: [{ group: '*', kind: '*' }], clusterResourceBlacklist: [{ group: '', kind: 'Namespace' }] }), namespaceObject, false, 'blacklisted'],
    ['missing namespaced whitelist allows every namespaced kind', project({}), deployment, true, undefined],
    ['empty namespaced whitelist allows none (code-derived)', project({ namespaceResourceWhitelist: [] }), deployment, true, 'empty-whitelist'],
    ['namespaced whitelist with a kind glob', project({ namespaceResourceWhitelist: [{ group: 'apps', kind: 'Deploy*' }] }), deployment, true, undefined],
    ['namespaced blacklist', project({ namespaceResourceBlacklist: [{ group: '*', kind: 'Deployment' }] }), deployment, true, 'blacklisted'],
  ] as const)('%s', (_title, spec, resource, namespaced, refusal) => {
    const verdict = isResourcePermitted(spec, resource, namespaced);
    expect(verdict.permitted).toBe(refusal === undefined);
    expect(verdict.refusal).toBe(refusal);
  });
});
