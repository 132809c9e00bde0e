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
  if (before === after) return after;
  const objects = withEqualObjectsKept(before.objects, after.objects);
  return objects === after.objects ? after : { ...after, objects };
}

/**
 * `after` with every object that is the same as one of `before` (same origin, equal body) replaced by that object;
 * `after` itself when none is.
 */
export function withEqualObjectsKept(before: readonly KubeObject[], after: readonly KubeObject[]): readonly KubeObject[] {
  if (before.length === 0 || after.length === 0) return after;
  const previous = new Map<string, KubeObject[]>();
  for (const object of before) {
    const key = originKey(object.origin);
    const list = previous.get(key);
    if (list) list.push(object);
    else previous.set(key, [object]);
  }
  let kept = 0;
  const objects = after.map((object) => {
    const same = previous.get(originKey(object.origin))?.find((candidate) => candidate === object || plainEqual(candidate.body, object.body));
    if (same === undefined) return object;
    if (same !== object) kept++;
    return same;
  });
  return kept === 0 ? after : objects;
}
