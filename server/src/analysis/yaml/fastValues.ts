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
const LEFT_TO_YAML: readonly RegExp[] = [
  /^%/m,
  /(?:^|[\s[{,])!(?:[\s\]},]|<\?>|$)/m,
  /(?:^|[\s[{,])\?(?:[ \t]|$)/m,
  /[\]}][ \t]*:(?:[\s,\]}]|$)/m,
  /(?:^|[\s[{,])\{[ \t]*[{[]/m,
  /(?:^|[\s[{,?-])(?:~|null|Null|NULL)?[ \t]*:(?:[\s,\]}]|$)/m,
  /\r(?!\n)/,
];

/** Where an anchor (`&name`) may be written; only then does the parse watch for anchors, which costs a little. */
const MAY_HAVE_ANCHOR = /(?:^|[\s[{,])&/m;

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
  for (const pattern of LEFT_TO_YAML) if (pattern.test(text)) return undefined;
  let values: unknown[];
  try {
    values = MAY_HAVE_ANCHOR.test(text)
      ? loadAll(text, undefined, { schema: YAML_CORE_SCHEMA_FOR_JS_YAML, listener: rejectAnchors })
      : loadAll(text, undefined, { schema: YAML_CORE_SCHEMA_FOR_JS_YAML });
  } catch {
    return undefined;
  }
  if (values.length === 0 || (values.length === 1 && values[0] === null)) return undefined;
  return values;
}
