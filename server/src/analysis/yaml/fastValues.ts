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

/**
 * Where an anchor (`&name`) may be written: it is a node property, so it follows a line start, a space or
 * a flow indicator. Such a text is left to `yaml`, which bounds alias expansion where js-yaml does not.
 * Without anchors there are no aliases (both parsers reject an alias to an unknown anchor).
 */
const MAY_HAVE_ANCHOR: TextCheck = { mark: '&', pattern: /(?:^|[\s[{,])&/m };

/**
 * Every document's value, as `yaml`'s `parseAllDocuments(…).map(toJS)` would give them, or
 * undefined when this text is left to `yaml`: js-yaml rejects it (any error, duplicate keys and
 * explicit core tags included), it may have an anchor ({@link MAY_HAVE_ANCHOR}) or a construct
 * listed in {@link LEFT_TO_YAML}, or it holds no document at all (js-yaml reads a
 * comment-only stream as one `null` document, `yaml` as none). The caller runs the nesting guard first.
 */
export function fastDocumentValues(text: string): readonly unknown[] | undefined {
  for (const check of LEFT_TO_YAML) if (contains(text, check)) return undefined;
  if (contains(text, MAY_HAVE_ANCHOR)) return undefined;
  let values: unknown[];
  try {
    values = loadAll(text, undefined, { schema: YAML_CORE_SCHEMA_FOR_JS_YAML });
  } catch {
    return undefined;
  }
  if (values.length === 0 || (values.length === 1 && values[0] === null)) return undefined;
  for (let index = 0; index < values.length; index++) values[index] = detachStrings(values[index]);
  return values;
}

/**
 * Strings of at least this many characters that V8 makes by slicing another string are slices: they
 * keep the whole string they were cut from alive (shorter ones are copies).
 */
const SLICED_STRING_MIN_LENGTH = 13;

/**
 * The value with every long string replaced by a copy of its own, in place (js-yaml's result is ours).
 * js-yaml parses a copy of the text it is given (`text + "\0"`) and cuts its scalars out of that copy,
 * so without this every kept value would keep a second copy of its file's text alive: ~12 MB of heap and
 * ~30 MB of resident memory at 2,000 Applications (`npm run bench`).
 */
function detachStrings(value: unknown): unknown {
  if (typeof value === 'string') return ownCopy(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = detachStrings(value[index]);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item !== 'string') {
        detachStrings(item); // Collections are detached in place.
        continue;
      }
      if (item.length < SLICED_STRING_MIN_LENGTH) continue;
      // An own `__proto__` key (js-yaml defines it as data) must stay data: assigning it would set the prototype.
      if (key === '__proto__') Object.defineProperty(record, key, { value: ownCopy(item), writable: true, enumerable: true, configurable: true });
      else record[key] = ownCopy(item);
    }
  }
  return value;
}

/**
 * A string equal to `text` that keeps nothing else alive. Concatenating then slicing makes V8 flatten into a
 * new string as long as `text`, which the result then slices (strings compare by value: `===` cannot tell).
 */
function ownCopy(text: string): string {
  return text.length >= SLICED_STRING_MIN_LENGTH ? ` ${text}`.slice(1) : text;
}
