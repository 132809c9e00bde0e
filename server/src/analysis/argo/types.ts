// Contract of the Argo CD object readers: Application, ApplicationSet, AppProject, health customisation.
import type { KubeObject } from '../kube/kubeObject';
import type { SourceLocation } from '../text/span';
import type { ValuePath } from '../yaml/yamlDocument';
import type { DirectoryOptions, KustomizeOverrides } from '../sources/sourceRender';

/** `spec.source` or one entry of `spec.sources`. */
export interface ApplicationSource {
  /** Index in `spec.sources`, or undefined for `spec.source`. */
  readonly sourceIndex: number | undefined;
  /** Path of this source inside the object body (`['spec','source']` or `['spec','sources',1]`). */
  readonly fieldPath: ValuePath;
  readonly repoURL: string | undefined;
  /** As written (not normalised). */
  readonly path: string | undefined;
  readonly chart: string | undefined;
  readonly targetRevision: string | undefined;
  /** `ref` name exposing this source as `$name` to other sources' value files. */
  readonly ref: string | undefined;
  readonly helm: HelmSourceOptions | undefined;
  readonly kustomize: KustomizeOverrides | undefined;
  readonly directory: DirectoryOptions | undefined;
  /** True when a `plugin:` block is present. */
  readonly plugin: boolean;
}

/** The `helm:` block of a source. */
export interface HelmSourceOptions {
  /** As written, e.g. `values.yaml`, `$values/envs/prod.yaml`, `/abs/from/root.yaml`. */
  readonly valueFiles: readonly string[];
  /** `valuesObject` when set (it replaces `values` entirely, as Argo CD's `ValuesYAML` does), else the `values` YAML string parsed; undefined when neither is set or parsing failed. */
  readonly values: Readonly<Record<string, unknown>> | undefined;
  readonly releaseName: string | undefined;
  readonly ignoreMissingValueFiles: boolean;
  readonly skipCrds: boolean;
}

/** `spec.syncPolicy` of an Application. */
export interface ApplicationSyncPolicy {
  /** True when `syncPolicy.automated` is present (and `enabled` is not false). */
  readonly automated: boolean;
  readonly prune: boolean;
  readonly selfHeal: boolean;
  /** `syncOptions` as a map: `CreateNamespace=true` → `CreateNamespace` → `'true'`. */
  readonly syncOptions: ReadonlyMap<string, string>;
  readonly managedNamespaceMetadata: boolean;
}

/** An Application as the model needs it. */
export interface ApplicationSpec {
  readonly object: KubeObject;
  readonly name: string;
  /** `spec.project`, or undefined when missing. */
  readonly project: string | undefined;
  /** The sources Argo CD uses: `spec.sources` when present (then `source` is ignored), else `[spec.source]`. */
  readonly sources: readonly ApplicationSource[];
  readonly destination: { readonly server: string | undefined; readonly name: string | undefined; readonly namespace: string | undefined };
  readonly syncPolicy: ApplicationSyncPolicy;
  /**
   * True when the document is a Kustomize patch fragment rather than a whole Application (a
   * kustomization uses its file as a patch, or it lacks two of `spec.destination`, `spec.project` and a
   * source with `repoURL`/`chart`): never report it as invalid.
   */
  readonly looksLikePatch: boolean;
}

/** An ApplicationSet as the model needs it (generators and template stay raw: the expander reads them). */
export interface ApplicationSetSpec {
  readonly object: KubeObject;
  readonly name: string;
  readonly goTemplate: boolean;
  readonly goTemplateOptions: readonly string[];
  readonly generators: readonly unknown[];
  readonly template: Readonly<Record<string, unknown>> | undefined;
  readonly templatePatch: string | undefined;
  /** `spec.strategy.type` (`AllAtOnce` | `RollingSync`) or undefined. */
  readonly strategyType: string | undefined;
  /** `spec.syncPolicy.applicationsSync` or undefined. */
  readonly applicationsSync: string | undefined;
  readonly preserveResourcesOnDeletion: boolean;
}

/** An AppProject's permissions (globs as written). */
export interface AppProjectSpec {
  readonly object: KubeObject;
  readonly name: string;
  readonly sourceRepos: readonly string[];
  readonly destinations: readonly { readonly server: string | undefined; readonly name: string | undefined; readonly namespace: string | undefined }[];
  /** undefined when the field is absent (absent whitelist ≠ empty whitelist). */
  readonly clusterResourceWhitelist: readonly { readonly group: string; readonly kind: string; readonly name?: string }[] | undefined;
  readonly clusterResourceBlacklist: readonly { readonly group: string; readonly kind: string; readonly name?: string }[] | undefined;
  readonly namespaceResourceWhitelist: readonly { readonly group: string; readonly kind: string }[] | undefined;
  readonly namespaceResourceBlacklist: readonly { readonly group: string; readonly kind: string }[] | undefined;
  readonly sourceNamespaces: readonly string[];
}

/** Where this repository configures the Application health check that makes app-of-apps waves gate. */
export interface ApplicationHealthCustomization {
  /** `split-key`: `resource.customizations.health.argoproj.io_Application`; `legacy`: `resource.customizations` block. */
  readonly format: 'split-key' | 'legacy';
  /** `argocd-cm`: a ConfigMap named argocd-cm; `helm-values`: `configs.cm` in argo-cd chart values. */
  readonly container: 'argocd-cm' | 'helm-values';
  /** The key that holds the Lua. */
  readonly location: SourceLocation;
  /** True when the Lua reads `obj.status.health.status` (the documented script) rather than something else. */
  readonly readsChildHealth: boolean;
}

/** Where an argo-cd installation is configured (argocd-cm or chart values), even without the health check: quick-fixes edit it. */
export interface ArgoConfigLocation {
  readonly container: 'argocd-cm' | 'helm-values';
  readonly file: string;
  readonly documentIndex: number;
  /** Path of the map that receives `resource.customizations.*` keys (`['data']` or `['configs','cm']`). */
  readonly mapPath: ValuePath;
}
