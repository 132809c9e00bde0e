// Go's `path.Match` glob semantics, as the git directory generator uses them (`*` never crosses `/`).

/** The outcome of matching one name against a Go `path.Match` pattern. */
export type GoPathMatchResult = { readonly matched: boolean; readonly malformed: false } | { readonly matched: false; readonly malformed: true };

const MALFORMED: GoPathMatchResult = { matched: false, malformed: true };

/**
 * Matches `name` against `pattern` like Go's `path.Match`: `*` is any run of non-`/` characters,
 * `?` one non-`/` character, `[...]` a class (ranges `a-z`, negation with a leading `^`), `\`
 * escapes. `**` is just two stars. A malformed pattern matches nothing and says so.
 */
export function goPathMatch(pattern: string, name: string): GoPathMatchResult {
  if (!isWellFormedGoPattern(pattern)) return MALFORMED;
  return { matched: matchChunks([...pattern], [...name]), malformed: false };
}

/** True when Go's `path.Match` accepts the pattern's syntax (it reports `ErrBadPattern` otherwise). */
export function isWellFormedGoPattern(pattern: string): boolean {
  let rest = [...pattern];
  while (rest.length > 0) {
    const { chunk, remainder } = splitChunk(rest);
    if (matchChunk(chunk, []) === 'malformed') return false;
    rest = remainder;
  }
  return true;
}

interface Chunk {
  readonly star: boolean;
  readonly chunk: readonly string[];
  readonly remainder: string[];
}

/** Splits off leading stars and the literal/class run that follows, up to the next star outside a class. */
function splitChunk(pattern: readonly string[]): Chunk {
  let start = 0;
  while (start < pattern.length && pattern[start] === '*') start++;
  let inClass = false;
  let end = start;
  for (; end < pattern.length; end++) {
    const char = pattern[end];
    if (char === '\\') {
      if (end + 1 < pattern.length) end++;
    } else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '*' && !inClass) break;
  }
  return { star: start > 0, chunk: pattern.slice(start, end), remainder: pattern.slice(end) };
}

function matchChunks(patternChars: string[], nameChars: string[]): boolean {
  let pattern = patternChars;
  let name = nameChars;
  chunks: while (pattern.length > 0) {
    const { star, chunk, remainder } = splitChunk(pattern);
    pattern = remainder;
    // A trailing star swallows the rest of the name, as long as it holds no `/`.
    if (star && chunk.length === 0) return !name.includes('/');
    const here = matchChunk(chunk, name);
    // The last chunk must consume the whole name; otherwise a star may still skip ahead.
    if (Array.isArray(here) && (here.length === 0 || pattern.length > 0)) {
      name = here;
      continue;
    }
    if (star) {
      // The star skips characters one by one, but never a `/`.
      for (let skip = 0; skip < name.length && name[skip] !== '/'; skip++) {
        const later = matchChunk(chunk, name.slice(skip + 1));
        if (Array.isArray(later)) {
          if (pattern.length === 0 && later.length > 0) continue;
          name = later;
          continue chunks;
        }
      }
    }
    return false;
  }
  return name.length === 0;
}

/**
 * Matches one chunk at the start of `name`: the unmatched rest of the name, `'fail'`, or
 * `'malformed'` (the chunk is always read to its end so bad syntax is always noticed).
 */
function matchChunk(chunk: readonly string[], name: readonly string[]): string[] | 'fail' | 'malformed' {
  let failed = false;
  let position = 0;
  let index = 0;
  while (index < chunk.length) {
    if (!failed && position >= name.length) failed = true;
    const char = chunk[index];
    if (char === '[') {
      const subject = failed ? undefined : name[position++];
      index++;
      let negated = false;
      if (chunk[index] === '^') {
        negated = true;
        index++;
      }
      let matched = false;
      let ranges = 0;
      for (;;) {
        if (chunk[index] === ']' && ranges > 0) {
          index++;
          break;
        }
        const low = readClassChar(chunk, index);
        if (!low) return 'malformed';
        index = low.next;
        let high = low.char;
        if (chunk[index] === '-') {
          const upper = readClassChar(chunk, index + 1);
          if (!upper) return 'malformed';
          index = upper.next;
          high = upper.char;
        }
        if (subject !== undefined && compareCodePoints(low.char, subject) <= 0 && compareCodePoints(subject, high) <= 0) matched = true;
        ranges++;
      }
      if (matched === negated) failed = true;
    } else if (char === '?') {
      if (!failed) {
        if (name[position] === '/') failed = true;
        position++;
      }
      index++;
    } else {
      let literal = char;
      if (char === '\\') {
        index++;
        if (index >= chunk.length) return 'malformed';
        literal = chunk[index];
      }
      if (!failed) {
        if (literal !== name[position]) failed = true;
        position++;
      }
      index++;
    }
  }
  return failed ? 'fail' : name.slice(position);
}

/** Reads one (possibly escaped) character of a class; undefined when the class is malformed there. */
function readClassChar(chunk: readonly string[], index: number): { char: string; next: number } | undefined {
  let at = index;
  const first = chunk[at];
  if (first === undefined || first === '-' || first === ']') return undefined;
  if (first === '\\') {
    at++;
    if (at >= chunk.length) return undefined;
  }
  const char = chunk[at] ?? '';
  // A class must be closed: running out of pattern right after a character is malformed.
  if (at + 1 >= chunk.length) return undefined;
  return { char, next: at + 1 };
}

function compareCodePoints(a: string, b: string): number {
  return (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0);
}
