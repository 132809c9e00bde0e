// Shared state of one kustomize render: what it read, found and reported, across nested kustomizations.
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import type { HelmChartReference } from '../sources/sourceRender';
import type { SourceLocation } from '../text/span';
import type { GeneratedObjectNote } from './kustomizeTypes';
import type { LoadedKustomization } from './kustomizationFile';

/** Accumulates everything a render reports; one per `renderKustomization` call. */
export class RenderContext {
  readonly index: RepoIndex;
  readonly problems: Problem[] = [];
  readonly filesRead = new Set<string>();
  readonly helmCharts: HelmChartReference[] = [];
  readonly remoteResources: { url: string; location: SourceLocation }[] = [];
  readonly generated: GeneratedObjectNote[] = [];
  /** True when the build options disable kustomize's load restrictor (files may come from anywhere). */
  readonly loadRestrictionsNone: boolean;

  constructor(index: RepoIndex, buildOptions: string | undefined) {
    this.index = index;
    this.loadRestrictionsNone = /--load[-_]restrictor[= ]+LoadRestrictionsNone\b/.test(buildOptions ?? '');
  }

  /** Reports a problem once (a base included twice in one build must not report twice). */
  report(item: Problem): void {
    const duplicate = this.problems.some(
      (existing) =>
        existing.ruleId === item.ruleId &&
        existing.message === item.message &&
        existing.location.file === item.location.file &&
        existing.location.span.start === item.location.span.start,
    );
    if (!duplicate) this.problems.push(item);
  }
}

/** One kustomization being rendered, with its completeness so far. */
export interface Level {
  readonly context: RenderContext;
  readonly kustomization: LoadedKustomization;
  /** The kustomization's map after the Application's overrides were merged in. */
  readonly value: Readonly<Record<string, unknown>>;
  /** False once an object of this build is unknown (see KustomizeRender.complete). */
  complete: boolean;
}
