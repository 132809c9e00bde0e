// A SourceLocation whose span is found only when first read: most locations the model records are never shown.

import type { SourceLocation, Span } from './span';

/**
 * What a lazy location's span is found from: two locations with the same place have the same span, so
 * comparing them need not find either. `source` is compared by identity (a file's parse, or one document
 * of it: the same object means the same text), the rest by value.
 */
export interface SpanPlace {
  readonly source: object;
  readonly documentIndex: number;
  readonly path: readonly (string | number)[];
  readonly fieldPath: readonly (string | number)[];
  readonly part: string;
}

/**
 * The key under which a lazy location keeps its place: a symbol property that is not enumerable, so
 * `Object.keys` and JSON do not see it and a spread copy (which may then change its span) does not carry it.
 */
export const SPAN_PLACE: unique symbol = Symbol('span place');

/**
 * A location in `file` whose span `findSpan` computes on first read, then keeps. The model records
 * a location for every Application path, dependency end and patch entry, but only the few that end
 * in a finding (or under the cursor) are ever read; finding a span needs the file's syntax tree,
 * which the fast parse path builds only on demand. The span is an own enumerable property, so
 * spreading and JSON serialisation see it as a plain value. With `place`, structural comparisons
 * ({@link sameSpanPlace}) tell two locations equal without finding their spans.
 */
export function lazyLocation(file: string, findSpan: () => Span, place?: SpanPlace): SourceLocation {
  let span: Span | undefined;
  const location = {
    file,
    get span(): Span {
      span ??= findSpan();
      return span;
    },
  };
  if (place !== undefined) Object.defineProperty(location, SPAN_PLACE, { value: place });
  return location;
}

/**
 * True when `a` and `b` are lazy locations in the same file found from the same place (so their spans
 * are equal, read or not); false when either has no place or the places differ (their spans may still
 * be equal: compare them then).
 */
export function sameSpanPlace(a: object, b: object): boolean {
  const left = (a as { [SPAN_PLACE]?: SpanPlace })[SPAN_PLACE];
  const right = (b as { [SPAN_PLACE]?: SpanPlace })[SPAN_PLACE];
  if (left === undefined || right === undefined) return false;
  if ((a as SourceLocation).file !== (b as SourceLocation).file) return false;
  return (
    left === right ||
    (left.source === right.source &&
      left.documentIndex === right.documentIndex &&
      left.part === right.part &&
      samePath(left.path, right.path) &&
      samePath(left.fieldPath, right.fieldPath))
  );
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let position = 0; position < a.length; position++) if (a[position] !== b[position]) return false;
  return true;
}
