// A js-yaml schema that resolves plain scalars exactly as `yaml` 2's YAML 1.2 core schema does (the analysis's truth).
import { Schema, Type } from 'js-yaml';

/** One way `yaml` recognises a plain scalar of a tag, and the value it gives it. */
interface ScalarForm {
  readonly test: RegExp;
  readonly build: (text: string) => unknown;
}

// The tests and conversions are copied from `yaml` 2.9's `schema/core` (null, bool, int, float), in its order, so a
// plain scalar gets the same type and value from both parsers (`yes` stays a string, `0o17` is 15, `1_000` a string).
const NULL_FORMS: readonly ScalarForm[] = [{ test: /^(?:~|[Nn]ull|NULL)?$/, build: () => null }];
const BOOL_FORMS: readonly ScalarForm[] = [{ test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, build: (text) => text[0] === 't' || text[0] === 'T' }];
const INT_FORMS: readonly ScalarForm[] = [
  { test: /^0o[0-7]+$/, build: (text) => parseInt(text.substring(2), 8) },
  { test: /^[-+]?[0-9]+$/, build: (text) => parseInt(text, 10) },
  { test: /^0x[0-9a-fA-F]+$/, build: (text) => parseInt(text.substring(2), 16) },
];
const FLOAT_FORMS: readonly ScalarForm[] = [
  {
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    build: (text) => (text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY),
  },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, build: (text) => parseFloat(text) },
  { test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, build: (text) => parseFloat(text) },
];

/**
 * js-yaml keeps one type per tag, so the forms of a tag share one type. Their tests are mutually
 * exclusive across tags, so trying null, bool, int, float in turn picks what `yaml` picks.
 * js-yaml passes the tag as a second argument only for an explicitly tagged node (`!!int "5"`):
 * refusing it makes js-yaml throw, which leaves the file to `yaml` rather than reason about how
 * each parser converts a tagged value.
 */
function coreType(tag: string, forms: readonly ScalarForm[]): Type {
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (data, explicitTag) => explicitTag === undefined && data !== null && forms.some((form) => form.test.test(data)),
    construct: (data) => {
      const form = forms.find((candidate) => candidate.test.test(data));
      return form ? form.build(data) : data;
    },
  });
}

/**
 * `yaml`'s core-schema scalars for untagged plain scalars, and nothing else: every explicit tag
 * (`!!str`, `!!binary`, `!Ref`…) makes js-yaml throw, and there are no merge keys or timestamps.
 */
export const YAML_CORE_SCHEMA_FOR_JS_YAML: Schema = new Schema({
  implicit: [coreType('null', NULL_FORMS), coreType('bool', BOOL_FORMS), coreType('int', INT_FORMS), coreType('float', FLOAT_FORMS)],
});
