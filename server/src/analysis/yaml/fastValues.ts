// The fast path of parsing: plain values from js-yaml, only for texts where it provably agrees with `yaml`.
import { loadAll } from 'js-yaml';
import { YAML_CORE_SCHEMA_FOR_JS_YAML } from './coreSchema';

/**
 * Texts the fast path leaves to `yaml`, because js-yaml could read them differently or accept what
 * `yaml` rejects. Each pattern over-approximates (a match inside a quoted string only costs speed):
 * - directives (`%YAML 1.1` switches `yaml` to other scalars);
 * - the non-specific tag `!` (an empty `!` node is `""` to `yaml`, `null` to js-yaml) and the verbatim `!<?>`;
 *   every other tag makes js-yaml throw (see coreSchema.ts), so it never reaches the fast path's result;
 * - explicit keys (`? `) and collection keys (`[a]: x`, `name: {{ .x }}`): `yaml` names them with
 *   YAML text (`[ a ]`), js-yaml with `a` or `[object Object]`;
 * - null keys (`~: x`, `null: x`, ` : x`): `yaml` names them `""`, js-yaml `"null"`;
 * - a carriage return not followed by a line feed: js-yaml reads it as a line break, `yaml` as an error.
 * Merge keys need no exception: with the YAML 1.2 core schema both read `<<` as a plain key.
 */
const LEFT_TO_YAML: readonly TextCheck[] = [
  { mark: '%', pattern: /^%/m },
  { mark: '!', pattern: /(?:^|[\s[{,])!(?:[\s\]},]|<\?>|$)/m },
  { mark: '?', pattern: /(?:^|[\s[{,])\?(?:[ \t]|$)/m },
  { mark: undefined, pattern: /[\]}][ \t]*:(?:[\s,\]}]|$)/m },
  { mark: '{', pattern: /(?:^|[\s[{,])\{[ \t]*[{[]/m },
  // An empty key: `:` after a space or an indicator (any spaces before it end in a space).
  { mark: undefined, pattern: /(?:^|[\s[{,?-]):(?:[\s,\]}]|$)/m },
  { mark: /(?:~|null|Null|NULL)[ \t]*:/, pattern: /(?:^|[\s[{,?-])(?:~|null|Null|NULL)[ \t]*:(?:[\s,\]}]|$)/m },
  { mark: '\r', pattern: /\r(?!\n)/ },
];

/**
 * A construct to look for. `mark` is a cheap first test (a character, or a regular expression
 * starting with a literal) without which `pattern` cannot match: regular expressions opening with
 * an alternation are tried at every offset, and most texts have no `!`, `?`, `{` or `%` at all.
 */
interface TextCheck {
  readonly mark: string | RegExp | undefined;
  readonly pattern: RegExp;
}

function contains(text: string, check: TextCheck): boolean {
  const { mark } = check;
  if (typeof mark === 'string' && !text.includes(mark)) return false;
  if (mark instanceof RegExp && !mark.test(text)) return false;
  return check.pattern.test(text);
}

/** Where an anchor (`&name`) may be written; only then does the parse watch for anchors, which costs a little. */
const MAY_HAVE_ANCHOR: TextCheck = { mark: '&', pattern: /(?:^|[\s[{,])&/m };

/** Thrown from js-yaml's node listener to abandon the fast path. */
const ANCHOR_FOUND = new Error('anchor: left to yaml');

/** Aborts the parse at the first anchored node. Without anchors there are no aliases (js-yaml rejects an unknown alias). */
function rejectAnchors(event: 'open' | 'close', state: { readonly anchor: string | null }): void {
  if (event === 'close' && state.anchor !== null) throw ANCHOR_FOUND;
}

/**
 * Every document's value, as `yaml`'s `parseAllDocuments(…).map(toJS)` would give them, or
 * undefined when this text is left to `yaml`: js-yaml rejects it (any error, duplicate keys and
 * explicit core tags included), it has an anchor (`yaml` bounds alias expansion, js-yaml does not)
 * or a construct listed in {@link LEFT_TO_YAML}, or it holds no document at all (js-yaml reads a
 * comment-only stream as one `null` document, `yaml` as none). The caller runs the nesting guard first.
 */
export function fastDocumentValues(text: string): readonly unknown[] | undefined {
  for (const check of LEFT_TO_YAML) if (contains(text, check)) return undefined;
  let values: unknown[];
  try {
    values = contains(text, MAY_HAVE_ANCHOR)
      ? loadAll(text, undefined, { schema: YAML_CORE_SCHEMA_FOR_JS_YAML, listener: rejectAnchors })
      : loadAll(text, undefined, { schema: YAML_CORE_SCHEMA_FOR_JS_YAML });
  } catch {
    return undefined;
  }
  if (values.length === 0 || (values.length === 1 && values[0] === null)) return undefined;
  return values;
}
