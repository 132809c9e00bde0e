// gobwas/glob (the glob library Argo CD uses) compiled to a RegExp, with an optional separator.

/**
 * Compiles a gobwas glob. With a separator (`/` for `sourceRepos`), `*` and `?` never match it and
 * `**` matches anything; without one (destinations), `*` matches anything. `[abc]`, `[!a-z]`,
 * `{a,b}` and `\` escapes as in gobwas. Returns undefined for a pattern gobwas rejects: Argo CD
 * logs it and matches nothing.
 */
export function compileGobwasGlob(pattern: string, separator?: string): RegExp | undefined {
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, (special) => `\\${special}`);
}
