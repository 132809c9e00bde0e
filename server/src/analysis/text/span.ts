// Spans: the core's only notion of "where" (offsets into a file's text, UTF-16 code units).

/** A half-open range of offsets `[start, end)` into one file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span inside a named repository file (repository-relative, `/`-separated path). */
export interface SourceLocation {
  readonly file: string;
  readonly span: Span;
}

/** The empty span at the start of a file: used for problems about a whole file. */
export const FILE_START: Span = Object.freeze({ start: 0, end: 0 });

/** Makes a location for a whole file (its first character). */
export function fileLocation(file: string): SourceLocation {
  return { file, span: FILE_START };
}
