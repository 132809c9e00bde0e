// Go RE2 regular expressions through JavaScript's engine, and Go's `$1`/`${name}` replacement expansion.
import { GoTemplateError } from './goTemplateError';

/**
 * Compiles a Go regular expression. RE2 syntax is close to JavaScript's for what templates use;
 * `(?P<name>…)` is rewritten, and an invalid pattern is a template error (Go's MustCompile panics).
 */
export function goRegex(pattern: string, flags = ''): RegExp {
  try {
    return new RegExp(pattern.replace(/\(\?P</g, '(?<'), `${flags}u`);
  } catch (error) {
    throw new GoTemplateError(`regexp: Compile(${JSON.stringify(pattern)}): ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Expands a Go replacement template for one match (`String.replace` callback arguments):
 * `$1`, `${1}`, `$name`, `${name}` and `$$`. Go reads the longest name after `$`, so `$1x` is
 * the (usually absent) group `1x`, which expands to nothing.
 */
export function expandGoReplacement(template: string, match: readonly unknown[]): string {
  const groups = match.find((item) => typeof item === 'object' && item !== null) as Record<string, string | undefined> | undefined;
  // The callback receives (match, ...captures, offset, input, groups?): captures end at the numeric offset.
  const offsetIndex = match.findIndex((item, index) => index > 0 && typeof item === 'number');
  const numbered = match.slice(1, offsetIndex < 0 ? match.length : offsetIndex);
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_whole, first: string, braced?: string, bare?: string) => {
    if (first === '$') return '$';
    const name = braced ?? bare ?? '';
    if (/^\d+$/.test(name)) {
      const index = Number(name);
      if (index === 0) return String(match[0] ?? '');
      const value = numbered[index - 1];
      return typeof value === 'string' ? value : '';
    }
    return groups?.[name] ?? '';
  });
}
