// gobwas/glob matching with an optional separator, as Argo CD's `util/glob.Match` does for AppProject patterns.
import { compileGobwasGlob } from '../text/gobwasGlob';

/**
 * Compiles a gobwas glob for AppProject patterns (see `compileGobwasGlob`): with a separator (`/` for
 * `sourceRepos`) `*` and `?` never match it; without one (destinations) `*` matches anything.
 */
export function compileProjectGlob(pattern: string, separator?: string): RegExp | undefined {
  // A project's few patterns are matched against every resource: compile each once.
  const key = `${separator ?? ''}\u0000${pattern}`;
  if (compiledGlobs.has(key)) return compiledGlobs.get(key);
  if (compiledGlobs.size >= COMPILED_GLOB_LIMIT) compiledGlobs.clear();
  const compiled = compileGobwasGlob(pattern, separator);
  compiledGlobs.set(key, compiled);
  return compiled;
}

/** Compiled patterns by separator and pattern (bounded: cleared when full). */
const compiledGlobs = new Map<string, RegExp | undefined>();
const COMPILED_GLOB_LIMIT = 4096;

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
