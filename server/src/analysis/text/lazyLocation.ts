// A SourceLocation whose span is found only when first read: most locations the model records are never shown.

import type { SourceLocation, Span } from './span';

/**
 * A location in `file` whose span `findSpan` computes on first read, then keeps. The model records
 * a location for every Application path, dependency end and patch entry, but only the few that end
 * in a finding (or under the cursor) are ever read; finding a span needs the file's syntax tree,
 * which the fast parse path builds only on demand. The span is an own enumerable property, so
 * spreading and JSON serialisation see it as a plain value.
 */
export function lazyLocation(file: string, findSpan: () => Span): SourceLocation {
  let span: Span | undefined;
  return {
    file,
    get span(): Span {
      span ??= findSpan();
      return span;
    },
  };
}
