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
    addOnce(list, provider);
  }

  /**
   * A copy sharing this index's lists but those of `keys`, made again from `providersOf` (each kind and key's
   * providers in the order a full index would receive them; the same end recorded once, as `add` does).
   */
  rebuilt(keys: readonly (readonly [DependencyKind, string])[], providersOf: (kind: DependencyKind, key: string) => Iterable<Provider>): ProviderIndex {
    const copy = new ProviderIndex();
    for (const [kind, byKey] of this.#byKind) copy.#byKind.set(kind, byKey);
    const copiedKinds = new Set<DependencyKind>();
    for (const [kind, key] of keys) {
      let byKey = copy.#byKind.get(kind);
      if (!copiedKinds.has(kind)) {
        copiedKinds.add(kind);
        copy.#byKind.set(kind, (byKey = new Map(byKey)));
      }
      const list: Provider[] = [];
      for (const provider of providersOf(kind, key)) addOnce(list, provider);
      if (list.length > 0) (byKey as Map<string, Provider[]>).set(key, list);
      else (byKey as Map<string, Provider[]>).delete(key);
    }
    return copy;
  }

  /** Providers of a need (empty when nothing provides it). */
  get(kind: DependencyKind, key: string): readonly Provider[] {
    return this.#byKind.get(kind)?.get(key) ?? NONE;
  }
}

/** Adds `provider` to a key's list unless the same end (node, place, description) is there. */
function addOnce(list: Provider[], provider: Provider): void {
  const same = list.some(
    (other) =>
      other.end.nodeId === provider.end.nodeId &&
      other.end.location.file === provider.end.location.file &&
      other.end.location.span.start === provider.end.location.span.start &&
      other.describe === provider.describe,
  );
  if (!same) list.push(provider);
}

const NONE: readonly Provider[] = [];
