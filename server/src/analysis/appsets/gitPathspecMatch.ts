// Git pathspec matching as `git ls-files -- <pattern>` does it by default: `*` also crosses `/`.

const WILDCARD = /[*?[\\]/;

/**
 * True when `git ls-files -- <pattern>` would list `path` (default pathspec magic, case-sensitive):
 * a pattern without wildcards names a file or a folder prefix; with wildcards it is matched like
 * `fnmatch` without `FNM_PATHNAME`, so `*` and `?` also match `/` and `a/*` / `a/**` list a whole tree.
 */
export function gitPathspecMatch(pattern: string, path: string): boolean {
  if (!WILDCARD.test(pattern)) {
    const literal = pattern.replace(/\/+$/, '');
    return path === literal || path.startsWith(`${literal}/`);
  }
  return wildmatch([...pattern], 0, [...path], 0);
}

function wildmatch(pattern: readonly string[], patternIndex: number, text: readonly string[], textIndex: number): boolean {
  let p = patternIndex;
  let t = textIndex;
  while (p < pattern.length) {
    const char = pattern[p];
    if (char === '*') {
      while (pattern[p] === '*') p++;
      if (p >= pattern.length) return true;
      for (let start = t; start <= text.length; start++) if (wildmatch(pattern, p, text, start)) return true;
      return false;
    }
    if (t >= text.length) return false;
    if (char === '?') {
      p++;
      t++;
      continue;
    }
    if (char === '[') {
      const klass = readClass(pattern, p);
      if (!klass) {
        // An unterminated class is a literal `[` in git's wildmatch only at the end: treat as no match.
        return false;
      }
      if (klass.matches(text[t] ?? '') === klass.negated) return false;
      p = klass.next;
      t++;
      continue;
    }
    let literal = char;
    if (char === '\\' && p + 1 < pattern.length) {
      p++;
      literal = pattern[p];
    }
    if (literal !== text[t]) return false;
    p++;
    t++;
  }
  return t >= text.length;
}

const POSIX_CLASSES: Readonly<Record<string, RegExp>> = {
  alnum: /[A-Za-z0-9]/,
  alpha: /[A-Za-z]/,
  blank: /[ \t]/,
  // eslint-disable-next-line no-control-regex -- the POSIX class is exactly the control characters.
  cntrl: /[\x00-\x1f\x7f]/,
  digit: /[0-9]/,
  graph: /[\x21-\x7e]/,
  lower: /[a-z]/,
  print: /[\x20-\x7e]/,
  punct: /[!-/:-@[-`{-~]/,
  space: /[ \t\n\r\f\v]/,
  upper: /[A-Z]/,
  xdigit: /[0-9A-Fa-f]/,
};

interface ParsedClass {
  readonly negated: boolean;
  readonly next: number;
  readonly matches: (char: string) => boolean;
}

/** Parses `[...]` at `start` (`!` or `^` negates; ranges; `[:alpha:]`); undefined when unterminated. */
function readClass(pattern: readonly string[], start: number): ParsedClass | undefined {
  let index = start + 1;
  let negated = false;
  if (pattern[index] === '!' || pattern[index] === '^') {
    negated = true;
    index++;
  }
  const tests: ((char: string) => boolean)[] = [];
  let first = true;
  while (index < pattern.length) {
    const char = pattern[index] ?? '';
    if (char === ']' && !first) return { negated, next: index + 1, matches: (c) => tests.some((test) => test(c)) };
    first = false;
    if (char === '[' && pattern[index + 1] === ':') {
      const close = pattern.indexOf(':', index + 2);
      if (close > 0 && pattern[close + 1] === ']') {
        const regex = POSIX_CLASSES[pattern.slice(index + 2, close).join('')];
        if (regex) tests.push((c) => regex.test(c));
        index = close + 2;
        continue;
      }
    }
    let low = char;
    if (char === '\\' && index + 1 < pattern.length) {
      index++;
      low = pattern[index] ?? '';
    }
    if (pattern[index + 1] === '-' && pattern[index + 2] !== undefined && pattern[index + 2] !== ']') {
      let high = pattern[index + 2] ?? '';
      index += 2;
      if (high === '\\' && index + 1 < pattern.length) {
        index++;
        high = pattern[index] ?? '';
      }
      const lowCode = low.codePointAt(0) ?? 0;
      const highCode = high.codePointAt(0) ?? 0;
      tests.push((c) => {
        const code = c.codePointAt(0) ?? -1;
        return code >= lowCode && code <= highCode;
      });
    } else {
      const single = low;
      tests.push((c) => c === single);
    }
    index++;
  }
  return undefined;
}
