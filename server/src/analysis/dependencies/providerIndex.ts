// Indexes, once per analysis, everything that satisfies a need: by kind of need and lookup key, so each lookup is constant time.
import type { DependencyEdge, DependencyEnd, DependencyKind } from './types';

/** Lookup key of the default StorageClass / VolumeSnapshotClass (no real name contains a NUL). */
export const DEFAULT_CLASS_KEY = '\u0000default';

/** Something that satisfies needs of one kind and key, with its evidence. */
export interface Provider {
  readonly end: DependencyEnd;
  readonly evidence: DependencyEdge['evidence'];
  /** Words for the reason, e.g. "CRD certificates.cert-manager.io", "chart cert-manager". */
  readonly describe: string;
  readonly condition?: string;
  readonly providedAtRuntime?: boolean;
}

/** Providers by need kind and key. */
export class ProviderIndex {
  /** Kind, then key: two lookups instead of building a key string for each of the many lookups. */
  readonly #byKind = new Map<DependencyKind, Map<string, Provider[]>>();

  /** Records a provider; the same provider end for the same key is recorded once. */
  add(kind: DependencyKind, key: string, provider: Provider): void {
    let byKey = this.#byKind.get(kind);
    if (!byKey) this.#byKind.set(kind, (byKey = new Map()));
    const list = byKey.get(key);
    if (!list) {
      byKey.set(key, [provider]);
      return;
    }
    const same = list.some(
      (other) =>
        other.end.nodeId === provider.end.nodeId &&
        other.end.location.file === provider.end.location.file &&
        other.end.location.span.start === provider.end.location.span.start &&
        other.describe === provider.describe,
    );
    if (!same) list.push(provider);
  }

  /** Providers of a need (empty when nothing provides it). */
  get(kind: DependencyKind, key: string): readonly Provider[] {
    return this.#byKind.get(kind)?.get(key) ?? NONE;
  }
}

const NONE: readonly Provider[] = [];
