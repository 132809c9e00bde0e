// gobwas/glob matching without separators, as Argo CD's `util/glob` uses for directory include/exclude.
import { compileGobwasGlob } from '../text/gobwasGlob';

/**
 * Compiles a gobwas glob with no separators: `*` (and `**`) match any run of characters
 * including `/`, `?` one character, `[abc]`/`[!a-z]` classes, `{a,b}` alternatives (nestable),
 * `\` escapes. Returns undefined for a pattern gobwas would reject (Argo CD then matches nothing).
 */
export function compileGlob(pattern: string): RegExp | undefined {
  return compileGobwasGlob(pattern);
}

/** True when `text` matches the glob; false for an invalid pattern (Argo CD logs it and matches nothing). */
export function globMatches(pattern: string, text: string): boolean {
  return compileGlob(pattern)?.test(text) ?? false;
}
