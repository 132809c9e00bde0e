// What is under a position: the object (node or deployed resource) and the field of it, for hover, definition and completion.
import type { Analysis } from '../analyze';
import { lookupOf, type LocatedObject } from './analysisLookup';
import { valuePathAt, type PathAtOffset } from './valuePathAt';

/** The object under an offset and the field inside it. */
export interface ObjectAtOffset {
  readonly located: LocatedObject;
  /** The field under the offset, relative to the object's body (`['metadata','name']`…); undefined on the object's own span only. */
  readonly field: PathAtOffset | undefined;
}

/**
 * The innermost object written at `offset` of `file` in the analysis, with the field under the
 * offset. A binary search finds the last object starting at or before the offset (O(log n)).
 */
export function objectAt(analysis: Analysis, file: string, offset: number): ObjectAtOffset | undefined {
  const objects = lookupOf(analysis).objectsIn(file);
  let low = 0;
  let high = objects.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((objects[middle] as LocatedObject).span.start <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  // Walk back over earlier starts: an enclosing object (values holding Applications) may start first.
  for (let position = found; position >= 0; position--) {
    const located = objects[position] as LocatedObject;
    if (located.span.start <= offset && offset <= located.span.end) return { located, field: fieldOf(located, offset) };
    if (located.object.origin.path.length === 0) break;
  }
  return undefined;
}

function fieldOf(located: LocatedObject, offset: number): PathAtOffset | undefined {
  const at = valuePathAt(located.document, offset);
  if (!at) return undefined;
  const prefix = located.object.origin.path;
  if (prefix.some((segment, position) => at.path[position] !== segment)) return undefined;
  return { ...at, path: at.path.slice(prefix.length) };
}
