// gobwas/glob matching without separators, as Argo CD's `util/glob` uses for directory include/exclude.

/**
 * Compiles a gobwas glob with no separators: `*` (and `**`) match any run of characters
 * including `/`, `?` one character, `[abc]`/`[!a-z]` classes, `{a,b}` alternatives (nestable),
 * `\` escapes. Returns undefined for a pattern gobwas would reject (Argo CD then matches nothing).
 */
export function compileGlob(pattern: string): RegExp | undefined {
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
      case '*':
        source += '.*';
        while (pattern[position + 1] === '*') position++;
        break;
      case '?':
        source += '.';
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

/** True when `text` matches the glob; false for an invalid pattern (Argo CD logs it and matches nothing). */
export function globMatches(pattern: string, text: string): boolean {
  return compileGlob(pattern)?.test(text) ?? false;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, (special) => `\\${special}`);
}
