// JSON and YAML as Go's encoding/json and sigs.k8s.io/yaml write them (sorted keys, HTML-safe JSON).
import { stringify } from 'yaml';
import { parseYamlFile } from '../../yaml/parseYamlFile';
import { GoTemplateError } from './goTemplateError';
import { isGoMap, toGoValue, type GoValue } from './goValues';

/** Go `json.Marshal`: map keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped; undefined when unencodable (NaN). */
export function goJsonMarshal(value: GoValue, indent = ''): string | undefined {
  const plain = toPlain(value);
  if (plain === UNENCODABLE) return undefined;
  const text = JSON.stringify(plain, null, indent);
  return text
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const UNENCODABLE = Symbol('unencodable');

/** Plain JSON data with keys inserted in sorted order (bigints as numbers). */
function toPlain(value: GoValue): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : UNENCODABLE;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(toPlain);
    return items.includes(UNENCODABLE) ? UNENCODABLE : items;
  }
  const out: Record<string, unknown> = {};
  if (isGoMap(value)) {
    for (const key of Object.keys(value).sort()) {
      const item = toPlain(value[key]);
      if (item === UNENCODABLE) return UNENCODABLE;
      out[key] = item;
    }
  }
  return out;
}

/** Argo CD `toYaml`: YAML of the value's JSON (sorted keys, block style), without the final newline. */
export function goToYaml(value: GoValue): string {
  const plain = toPlain(value);
  if (plain === UNENCODABLE) throw new GoTemplateError('error calling toYaml: json: unsupported value: NaN');
  if (plain === null) return 'null';
  return stringify(plain, { indentSeq: false, sortMapEntries: true, lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, '');
}

/** Parses YAML text (first document) safely, with the analysis's nesting and alias limits. */
export function parseYamlValue(text: string): { ok: true; value: GoValue } | { ok: false; error: string } {
  const parsed = parseYamlFile('<template>', text);
  const firstProblem = parsed.problems[0];
  if (firstProblem) return { ok: false, error: firstProblem.message };
  return { ok: true, value: toGoValue(parsed.documents[0]?.value ?? null) };
}
