// A full garbage collection on demand, for a host that has just finished bulk work (the language server's index).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A function that runs V8's full (mark-compact) collection now, or undefined when this runtime offers
 * none. Node exposes `gc` only with `--expose-gc`; setting that flag at run time exposes it to contexts
 * created afterwards, so one new context hands the function over (the process's own global object is
 * left as it was). The language server calls it once its first analysis is done: the heap then holds the
 * index's garbage, and V8's next full collection would otherwise come during the user's first edits.
 */
export function fullCollector(
  setFlags: (flags: string) => void = setFlagsFromString,
  evaluate: (code: string) => unknown = (code) => runInNewContext(code),
): (() => void) | undefined {
  const exposed: unknown = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return () => void exposed();
  try {
    setFlags('--expose-gc');
    const collect = evaluate('gc');
    return typeof collect === 'function' ? () => void collect() : undefined;
  } catch {
    return undefined;
  }
}
