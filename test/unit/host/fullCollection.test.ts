// The full collection on demand: found through a new context after setting --expose-gc, or none when the runtime refuses.
import { describe, expect, it } from 'vitest';
import { fullCollector } from '../../../server/src/host/fullCollection';

describe('fullCollector', () => {
  it('hands over the gc function of a context created after --expose-gc is set', () => {
    const flags: string[] = [];
    let collections = 0;
    const collect = fullCollector(
      (flag) => flags.push(flag),
      (code) => (code === 'gc' && flags.includes('--expose-gc') ? () => collections++ : undefined),
    );
    expect(flags).toEqual(['--expose-gc']);
    collect?.();
    collect?.();
    expect(collections).toBe(2);
  });

  it('is undefined when the runtime gives no function', () => {
    expect(fullCollector(() => undefined, () => undefined)).toBeUndefined();
    expect(
      fullCollector(
        () => {
          throw new Error('flags cannot be set');
        },
        () => () => undefined,
      ),
    ).toBeUndefined();
  });

  it('runs a real collection in this Node', async () => {
    const collect = fullCollector();
    expect(collect).toBeTypeOf('function');
    // A weakly held object is gone after a full collection. A WeakRef keeps its target until the job that made it
    // ends, so the collection runs in a later turn of the event loop.
    let reference: WeakRef<object> | undefined;
    (() => {
      reference = new WeakRef({ payload: new Array(1000).fill(0) });
    })();
    await new Promise((next) => setImmediate(next));
    collect?.();
    expect(reference?.deref()).toBeUndefined();
  });
});
