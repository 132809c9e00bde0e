// Types of a static Kustomize render: the public result and the mutable working objects.
import type { ObjectOrigin } from '../kube/kubeObject';
import type { SourceRender } from '../sources/sourceRender';
import type { SourceLocation } from '../text/span';
import type { ResourceId } from './resourceId';

/** A ConfigMap or Secret a generator produces: kustomize appends a content hash to its name. */
export interface GeneratedObjectNote {
  readonly kind: 'ConfigMap' | 'Secret';
  /** The name as rendered here, without the hash suffix kustomize adds. */
  readonly name: string;
  /** True unless `disableNameSuffixHash` is set: the real name is `<name>-<hash>`, unknown here. */
  readonly nameHashSuffixed: boolean;
  /** The generator entry. */
  readonly location: SourceLocation;
}

/** The result of rendering a kustomization folder: a SourceRender without `tool` and `notExpanded`. */
export interface KustomizeRender extends Omit<SourceRender, 'tool' | 'notExpanded'> {
  /** Generated ConfigMaps and Secrets whose real names carry an unknown hash suffix. */
  readonly generated: readonly GeneratedObjectNote[];
  /**
   * False when some objects of the build are unknown here (Helm charts, remote bases, plugin
   * generators, unreadable files or a broken nested kustomization): checks that need the whole
   * set (a patch that matches nothing) are then skipped.
   */
  readonly complete: boolean;
}

/** An object being transformed: its body, its origin and its past ids. */
export interface WorkingObject {
  /**
   * Copied on write: it may share maps and lists with its file's parse, so it is changed only through
   * `ownedBody`/`ownedMap` (plainData.ts), or replaced by a new value (a patch's result).
   */
  body: Record<string, unknown>;
  readonly origin: ObjectOrigin;
  /** Ids the object had before namespace/prefix/suffix changes: untargeted patches may use them. */
  previousIds: ResourceId[];
}
