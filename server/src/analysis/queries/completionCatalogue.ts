// What completion offers besides waves: Argo CD's annotation keys and sync options, with one line of documentation each.
import { DEPENDS_ON_ANNOTATION } from '../dependencies/collectNeeds';

/** A fixed completion: what is inserted and why one would. */
export interface CatalogueEntry {
  readonly label: string;
  readonly documentation: string;
}

/** Annotation keys Argo CD reads on the objects it syncs (argocd-semantics.md §1, §4), and ours. */
export const ANNOTATION_KEYS: readonly CatalogueEntry[] = [
  { label: 'argocd.argoproj.io/sync-wave', documentation: 'Wave of this object in its Application\'s sync (a quoted integer, default "0"); lower waves are applied first.' },
  { label: 'argocd.argoproj.io/hook', documentation: 'Runs the object as a hook: PreSync, Sync, PostSync, SyncFail, PostDelete or Skip.' },
  { label: 'argocd.argoproj.io/hook-delete-policy', documentation: 'When a hook is deleted: HookSucceeded, HookFailed, BeforeHookCreation (the default).' },
  { label: 'argocd.argoproj.io/sync-options', documentation: 'Resource-level sync options, comma-separated, e.g. SkipDryRunOnMissingResource=true.' },
  { label: 'argocd.argoproj.io/compare-options', documentation: 'Comparison options, e.g. IgnoreExtraneous, ServerSideDiff=true.' },
  { label: 'argocd.argoproj.io/manifest-generate-paths', documentation: 'On an Application: the paths whose changes trigger manifest generation (webhooks).' },
  { label: 'argocd.argoproj.io/refresh', documentation: 'On an Application: `normal` or `hard` asks the controller for a refresh (removed once done).' },
  { label: DEPENDS_ON_ANNOTATION, documentation: 'GitOps Waves: the Applications this one needs, comma-separated names (checked against the waves; ignored by Argo CD).' },
];

/** Options valid both as `argocd.argoproj.io/sync-options` on a resource and in an Application's `syncOptions`. */
const SHARED_SYNC_OPTIONS: readonly CatalogueEntry[] = [
  { label: 'SkipDryRunOnMissingResource=true', documentation: 'Skip the dry run when the kind is not known yet (its CRD comes from another Application).' },
  { label: 'ServerSideApply=true', documentation: 'Apply server-side (for objects whose last-applied annotation would exceed 262144 bytes, e.g. large CRDs).' },
  { label: 'ServerSideApply=false', documentation: 'Apply client-side even when the Application applies server-side.' },
  { label: 'PruneLast=true', documentation: 'Prune in a final wave, after the others are healthy.' },
  { label: 'Replace=true', documentation: 'Use kubectl replace/create instead of apply (potentially destructive).' },
  { label: 'Validate=false', documentation: 'Apply without schema validation (kubectl --validate=false).' },
];

/** Sync options of a resource's `argocd.argoproj.io/sync-options` annotation. */
export const RESOURCE_SYNC_OPTIONS: readonly CatalogueEntry[] = [
  ...SHARED_SYNC_OPTIONS,
  { label: 'Force=true', documentation: 'Delete and re-create the object when applying fails (with Replace=true).' },
  { label: 'Prune=false', documentation: 'Never prune this object.' },
  { label: 'Prune=confirm', documentation: 'Prune this object only after a manual confirmation.' },
  { label: 'Delete=false', documentation: 'Keep this object when the Application is deleted.' },
  { label: 'Delete=confirm', documentation: 'Delete this object with the Application only after a manual confirmation.' },
];

/** Sync options of an Application's `spec.syncPolicy.syncOptions`. */
export const APPLICATION_SYNC_OPTIONS: readonly CatalogueEntry[] = [
  { label: 'CreateNamespace=true', documentation: 'Create spec.destination.namespace (only that one) before the sync.' },
  { label: 'ApplyOutOfSyncOnly=true', documentation: 'Apply only out-of-sync objects: a wave with none is skipped, with its health wait (argo-cd#5859).' },
  { label: 'PrunePropagationPolicy=foreground', documentation: 'Deletion propagation when pruning: foreground.' },
  { label: 'PrunePropagationPolicy=background', documentation: 'Deletion propagation when pruning: background (the default).' },
  { label: 'PrunePropagationPolicy=orphan', documentation: 'Deletion propagation when pruning: orphan the dependents.' },
  { label: 'RespectIgnoreDifferences=true', documentation: 'Keep the fields of ignoreDifferences as they are in the cluster when syncing.' },
  { label: 'FailOnSharedResource=true', documentation: 'Fail the sync when an object is already managed by another Application.' },
  ...SHARED_SYNC_OPTIONS,
];
