// Contract of ApplicationSet expansion: what a set generates, offline.
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import type { ValuePath } from '../yaml/yamlDocument';

/** A cluster Argo CD knows: the local in-cluster default, or a cluster Secret found in the repository. */
export interface ClusterInfo {
  readonly name: string;
  readonly server: string;
  readonly project: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  /** True for the implicit local cluster (`in-cluster`, `https://kubernetes.default.svc`). */
  readonly implicit: boolean;
}

/** What the expander may consult. */
export interface ExpansionContext {
  readonly index: RepoIndex;
  /** True when a git `repoURL` designates the repository being analysed (git generators read it). */
  readonly isThisRepository: (repoURL: string) => boolean;
  /** Known clusters (see `findClusterSecrets`), without the implicit local one. */
  readonly clusterSecrets: readonly ClusterInfo[];
}

/** One Application an ApplicationSet generates. */
export interface GeneratedApplication {
  /** The rendered Application body (`apiVersion`, `kind: Application`, `metadata`, `spec`). */
  readonly body: Readonly<Record<string, unknown>>;
  /** The generator parameters that produced it (for hovers and explanations). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /**
   * Path, inside the ApplicationSet body, of the generator that produced it
   * (e.g. `['spec', 'generators', 0, 'git']`), to point findings at it.
   */
  readonly generatorPath: ValuePath;
}

/** Everything an expansion produced. */
export interface ExpansionResult {
  readonly applications: readonly GeneratedApplication[];
  /**
   * Problems located in the ApplicationSet's file (use the set's origin + `locateField`):
   * unknown template functions, live-only generators (info), patterns that match nothing…
   */
  readonly problems: readonly Problem[];
  /** True when some generator needed a live system or another repository, so the list may be incomplete. */
  readonly incomplete: boolean;
}
