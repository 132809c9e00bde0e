// The shape of a chart catalogue entry: which Helm chart (or remote resource) installs which CRDs and named objects.

/** A condition on a chart's values: holds when any listed path is true; `default` when none is set. */
export interface ValuesCondition {
  /** Dotted values paths (`crds.enabled`); the condition holds when any of them is `true` (or `"true"`). */
  readonly anyOf: readonly string[];
  /** What the chart does when none of the paths is set. */
  readonly default: boolean;
}

/**
 * Where a chart keeps its CRDs, which decides whether a given install renders them:
 * - `crds-folder`: the chart's `crds/` folder. Argo CD's Helm renders it unless `helm.skipCrds`;
 *   kustomize's `helmCharts` renders it only with `includeCRDs: true`.
 * - `templates`: rendered as ordinary templates (usually behind a values flag).
 * - `runtime`: the chart's controller registers them when it starts (not part of the sync).
 */
export type CrdPlacement = 'crds-folder' | 'templates' | 'runtime';

/** CRDs of one API group a chart installs. */
export interface CatalogueCrds {
  readonly group: string;
  /** Kinds, exactly as written in `kind:` (`Certificate`, not `certificates`). */
  readonly kinds: readonly string[];
  /** Those of `kinds` that are cluster-scoped (they need no namespace). */
  readonly clusterScoped?: readonly string[];
  readonly placement: CrdPlacement;
  readonly when?: ValuesCondition;
}

/** Kinds of named objects a catalogue entry may provide besides CRDs. */
export const PROVIDED_OBJECT_KINDS = ['StorageClass', 'IngressClass', 'GatewayClass', 'VolumeSnapshotClass', 'PriorityClass', 'Service'] as const;

/** A kind of named object a catalogue entry may provide. */
export type ProvidedObjectKind = (typeof PROVIDED_OBJECT_KINDS)[number];

/** A named object a chart creates (a Service is created in the chart's namespace). */
export interface CatalogueObject {
  readonly kind: ProvidedObjectKind;
  readonly name: string;
  /** Values path whose string value, when set, is the name instead of `name`. */
  readonly nameFrom?: string;
  readonly when?: ValuesCondition;
  /** For StorageClass and VolumeSnapshotClass: whether it is marked as the cluster default. */
  readonly isDefault?: boolean | ValuesCondition;
  /** True when the chart's controller creates it at run time rather than the chart rendering it. */
  readonly atRuntime?: boolean;
}

/** One entry: the charts (or remote resources) it matches and what they install. */
export interface CatalogueEntry {
  /** Chart names as written in `helmCharts[].name`, `chart:` or a Chart.yaml dependency. */
  readonly charts: readonly string[];
  /** Substrings of the chart repository URL, one of which must match; absent: any repository. */
  readonly repos?: readonly string[];
  /** Substrings of kustomize remote resource URLs that install the same things (e.g. Gateway API CRDs). */
  readonly remoteResources?: readonly string[];
  readonly crds?: readonly CatalogueCrds[];
  readonly provides?: readonly CatalogueObject[];
  /** Where the entry comes from: `built-in`, or the config file. */
  readonly source?: string;
}
