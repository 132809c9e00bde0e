// Contract of source rendering: what an Application source (a folder of this repository) deploys.
import type { KubeObject } from '../kube/kubeObject';
import type { Problem } from '../rules/rule';
import type { SourceLocation } from '../text/span';

/** How Argo CD would render a source folder (tool detection as in `GetAppSourceType`). */
export type SourceTool = 'directory' | 'kustomize' | 'helm' | 'plugin';

/** An external Helm chart a source pulls in (kustomize `helmCharts`, or an Application `chart:` source). */
export interface HelmChartReference {
  readonly name: string;
  readonly repo: string | undefined;
  readonly version: string | undefined;
  readonly releaseName: string | undefined;
  readonly namespace: string | undefined;
  /** Values files of this repository used by the chart (repository-relative paths that exist). */
  readonly valuesFiles: readonly string[];
  /** Inline values (kustomize `valuesInline`, Application `helm.valuesObject` / parsed `helm.values`). */
  readonly valuesInline: Readonly<Record<string, unknown>> | undefined;
  readonly includeCRDs: boolean | undefined;
  /** Where the chart is declared. */
  readonly location: SourceLocation;
}

/** Options from the Application's `source.directory` block. */
export interface DirectoryOptions {
  readonly recurse: boolean;
  /** gobwas glob without separators (`*` crosses `/`), `{a,b}` alternatives; relative to the source path. */
  readonly include: string | undefined;
  readonly exclude: string | undefined;
}

/** Options from the Application's `source.kustomize` block that change what is rendered. */
export interface KustomizeOverrides {
  readonly namePrefix?: string;
  readonly nameSuffix?: string;
  readonly namespace?: string;
  readonly commonLabels?: Readonly<Record<string, string>>;
  readonly commonAnnotations?: Readonly<Record<string, string>>;
  /** Inline patches (same shape as a kustomization's `patches`). */
  readonly patches?: readonly unknown[];
  readonly components?: readonly string[];
}

/** What to render: a folder of this repository and the Application's tool blocks. */
export interface SourceRequest {
  /** Repository-relative folder (`''` for the root), already normalised and known to be inside the repository. */
  readonly path: string;
  /** Present when the Application has a `directory:` block (it then forces the directory tool). */
  readonly directory?: DirectoryOptions;
  /** Present when the Application has a `kustomize:` block (it then forces the kustomize tool). */
  readonly kustomize?: KustomizeOverrides;
  /** True when the Application has a `helm:` block (it then forces the helm tool). */
  readonly helm?: boolean;
  /** True when the Application has a `plugin:` block (config management plugin: not rendered). */
  readonly plugin?: boolean;
  /**
   * argocd-cm `kustomize.buildOptions` when known (e.g. `--enable-helm --load-restrictor
   * LoadRestrictionsNone`); undefined when this repository does not configure Argo CD.
   */
  readonly kustomizeBuildOptions?: string;
}

/** The result of rendering one source. */
export interface SourceRender {
  readonly tool: SourceTool;
  /** Every object the source deploys, after Kustomize transformations. Helm templates are never guessed. */
  readonly objects: readonly KubeObject[];
  /** External charts pulled in (their objects are not known; their values files are). */
  readonly helmCharts: readonly HelmChartReference[];
  /** Remote resources (URLs) the source includes: recorded, never fetched. */
  readonly remoteResources: readonly { readonly url: string; readonly location: SourceLocation }[];
  /** Every repository file the render read (resources, patches, components, values files). */
  readonly filesRead: readonly string[];
  /**
   * Set when the source's objects are not (all) known statically, e.g. "rendered by Helm, not
   * expanded" for an in-repository chart, or "config management plugin".
   */
  readonly notExpanded: string | undefined;
  readonly problems: readonly Problem[];
}
