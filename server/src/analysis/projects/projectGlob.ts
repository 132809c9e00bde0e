// gobwas/glob matching with an optional separator, as Argo CD's `util/glob.Match` does for AppProject patterns.

/**
 * Compiles a gobwas glob. With a separator (`/` for `sourceRepos`), `*` and `?` never match it and
 * `**` matches anything; without one (destinations), `*` matches anything. `[abc]`, `[!a-z]`,
 * `{a,b}` and `\` escapes as in gobwas. Returns undefined for a pattern gobwas rejects: Argo CD
 * logs it and matches nothing.
 */
export function compileProjectGlob(pattern: string, separator?: string): RegExp | undefined {
  const any = separator === undefined ? '.' : `[^${escapeRegExp(separator)}]`;
  let source = '';
  let braceDepth = 0;
  for (let position = 0; position < pattern.length; position++) {
    const character = pattern[position] ?? '';
    switch (character) {
      case '\\': {
        const next = pattern[position + 1];
        if (next === undefined) return undefined;
        source += escapeRegExp(next);
        position++;
        break;
      }
      case '*': {
        let stars = 1;
        while (pattern[position + 1] === '*') {
          position++;
          stars++;
        }
        source += stars >= 2 ? '.*' : `${any}*`;
        break;
      }
      case '?':
        source += any;
        break;
      case '[': {
        const close = pattern.indexOf(']', position + 2);
        if (close < 0) return undefined;
        let body = pattern.slice(position + 1, close);
        const negated = body.startsWith('!');
        if (negated) body = body.slice(1);
        source += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, (special) => `\\${special}`)}]`;
        position = close;
        break;
      }
      case '{':
        braceDepth++;
        source += '(?:';
        break;
      case '}':
        if (braceDepth === 0) return undefined;
        braceDepth--;
        source += ')';
        break;
      case ',':
        source += braceDepth > 0 ? '|' : ',';
        break;
      default:
        source += escapeRegExp(character);
    }
  }
  if (braceDepth !== 0) return undefined;
  try {
    return new RegExp(`^${source}$`, 's');
  } catch {
    return undefined;
  }
}

/** `util/glob.Match`: true when `text` matches; false for a pattern gobwas rejects. */
export function projectGlobMatches(pattern: string, text: string, separator?: string): boolean {
  return compileProjectGlob(pattern, separator)?.test(text) ?? false;
}

/**
 * The `globMatch` of Argo CD's app_project_types.go: a `!pattern` (when negation is allowed)
 * matches when the pattern does NOT match; `*` matches everything; otherwise gobwas.
 */
export function argoGlobMatch(pattern: string, text: string, allowNegation: boolean, separator?: string): boolean {
  if (allowNegation && isDenyPattern(pattern)) return !projectGlobMatches(pattern.slice(1), text, separator);
  if (pattern === '*') return true;
  return projectGlobMatches(pattern, text, separator);
}

/** A `!`-prefixed AppProject pattern. */
export function isDenyPattern(pattern: string): boolean {
  return pattern.startsWith('!');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, (special) => `\\${special}`);
}
