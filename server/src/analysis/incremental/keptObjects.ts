// Early cut-off for source renders: objects rendered again the same as before stay the previous objects.
import { originKey } from '../model/declaredObjects';
import type { KubeObject } from '../kube/kubeObject';
import type { SourceRender } from '../sources/sourceRender';
import { plainEqual } from './plainEqual';

/**
 * The new render of a source, with every object that is the same as one of the previous render's (same
 * origin, equal body: every other field of an object follows from those two) replaced by that previous
 * object. A folder rendered again because one of its files changed then keeps the objects of the others,
 * and what was built on them (model nodes, per-node results) holds. The new render itself when nothing is
 * shared.
 */
export function keepEqualObjects(before: SourceRender, after: SourceRender): SourceRender {
  if (before === after || before.objects.length === 0 || after.objects.length === 0) return after;
  const previous = new Map<string, KubeObject[]>();
  for (const object of before.objects) {
    const key = originKey(object.origin);
    const list = previous.get(key);
    if (list) list.push(object);
    else previous.set(key, [object]);
  }
  let kept = 0;
  const objects = after.objects.map((object) => {
    const same = previous.get(originKey(object.origin))?.find((candidate) => candidate === object || plainEqual(candidate.body, object.body));
    if (same === undefined) return object;
    if (same !== object) kept++;
    return same;
  });
  return kept === 0 ? after : { ...after, objects };
}
