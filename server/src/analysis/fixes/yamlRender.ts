// Renders small new YAML values (scalars, nested maps, sequences, block scalars) as text in a document's layout.

/** A value to write: already-serialised scalar text, a map of entries, a sequence of item texts, or a multi-line string. */
export type NewYamlValue =
  | { readonly kind: 'scalar'; readonly text: string }
  | { readonly kind: 'map'; readonly entries: readonly (readonly [string, NewYamlValue])[] }
  | { readonly kind: 'sequence'; readonly items: readonly string[] }
  | { readonly kind: 'blockScalar'; readonly content: string };

/** The layout new lines follow. */
export interface RenderLayout {
  readonly indentUnit: number;
  readonly sequenceIndent: number;
}

const RESERVED_PLAIN = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const NUMBER_LIKE = /^[-+]?(\.?[0-9]|\.inf|\.nan|0x|0o)/i;
const SAFE_PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/** A YAML double-quoted string for any text (JSON strings are valid YAML double-quoted scalars). */
export function yamlQuoted(text: string): string {
  return JSON.stringify(text);
}

/** A key as YAML text: plain when it cannot be read as anything but this string, else double-quoted. */
export function yamlKey(key: string): string {
  return SAFE_PLAIN.test(key) && !RESERVED_PLAIN.test(key) && !NUMBER_LIKE.test(key) ? key : yamlQuoted(key);
}

/** A string value as YAML text: plain when unambiguous (as `yamlKey`), else double-quoted. */
export function yamlStringValue(value: string): string {
  return yamlKey(value);
}

/** Nests a value under missing keys: `['a','b']`, `k`, `v` → `a: {b: {k: v}}` as one entry. Undefined when a segment is a sequence index. */
export function nestEntry(missingPath: readonly (string | number)[], key: string, value: NewYamlValue): readonly [string, NewYamlValue] | undefined {
  let entry: readonly [string, NewYamlValue] = [key, value];
  for (let position = missingPath.length - 1; position >= 0; position -= 1) {
    const segment = missingPath[position];
    if (typeof segment !== 'string') return undefined;
    entry = [segment, { kind: 'map', entries: [entry] }];
  }
  return entry;
}

/** The lines (without line ends) of `key: value` written in block style at `column`. */
export function renderBlockEntry(key: string, value: NewYamlValue, column: number, layout: RenderLayout): string[] {
  const pad = ' '.repeat(column);
  const head = `${pad}${yamlKey(key)}:`;
  switch (value.kind) {
    case 'scalar':
      return [`${head} ${value.text}`];
    case 'map':
      return [head, ...value.entries.flatMap(([childKey, childValue]) => renderBlockEntry(childKey, childValue, column + layout.indentUnit, layout))];
    case 'sequence':
      return [head, ...value.items.map((item) => `${' '.repeat(column + layout.sequenceIndent)}- ${item}`)];
    case 'blockScalar':
      return [`${head} ${blockScalarHeader(value.content, layout.indentUnit)}`, ...blockScalarLines(value.content, column + layout.indentUnit)];
  }
}

/** The value written after `key:` when it must start on the next line(s): the lines of its block form at `column`. */
export function renderBlockValueLines(value: NewYamlValue, column: number, layout: RenderLayout): string[] {
  switch (value.kind) {
    case 'map':
      return value.entries.flatMap(([childKey, childValue]) => renderBlockEntry(childKey, childValue, column, layout));
    case 'sequence':
      return value.items.map((item) => `${' '.repeat(column)}- ${item}`);
    default:
      return [];
  }
}

/** A value in flow style (inside `{…}` or `[…]`), on one line. */
export function renderFlowValue(value: NewYamlValue): string {
  switch (value.kind) {
    case 'scalar':
      return value.text;
    case 'map':
      return `{${value.entries.map(([key, child]) => `${yamlKey(key)}: ${renderFlowValue(child)}`).join(', ')}}`;
    case 'sequence':
      return `[${value.items.join(', ')}]`;
    case 'blockScalar':
      return yamlQuoted(value.content);
  }
}

/** `|`, `|-` or `|+` with an indentation indicator when the content starts with a space. */
export function blockScalarHeader(content: string, indentUnit: number): string {
  const normalised = content.replace(/\r\n/g, '\n');
  const chomping = !normalised.endsWith('\n') ? '-' : normalised.endsWith('\n\n') ? '+' : '';
  const indicator = /^[ \t]/.test(normalised) || /^\n/.test(normalised) ? String(Math.min(9, Math.max(1, indentUnit))) : '';
  return `|${indicator}${chomping}`;
}

/** The content lines of a block scalar at `column` (empty lines stay empty). */
export function blockScalarLines(content: string, column: number): string[] {
  const normalised = content.replace(/\r\n/g, '\n');
  const body = normalised.endsWith('\n') ? normalised.slice(0, -1) : normalised;
  const pad = ' '.repeat(column);
  return body.split('\n').map((line) => (line === '' ? '' : `${pad}${line}`));
}
