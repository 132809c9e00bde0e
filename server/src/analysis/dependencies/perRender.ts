// Results derived from one source render for one Application, kept as long as the render object lives.
import type { SourceRender } from '../sources/sourceRender';

/**
 * A memo of values computed from a render's objects for one node: a render reused across analyses
 * (see `AnalysisMemo`) keeps them, so an edit recomputes only the renders it changed. `key` must
 * hold every other input of the computation (node id, destination namespace…).
 */
export class PerRenderMemo<T> {
  readonly #byRender = new WeakMap<SourceRender, Map<string, T>>();

  /** The value for (`render`, `key`), computed on first use. */
  get(render: SourceRender, key: string, compute: () => T): T {
    let byKey = this.#byRender.get(render);
    if (!byKey) this.#byRender.set(render, (byKey = new Map()));
    let value = byKey.get(key);
    if (value === undefined) byKey.set(key, (value = compute()));
    return value;
  }
}
