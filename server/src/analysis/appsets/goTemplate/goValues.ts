// The value model of the Go template engine: Go's dynamic values as JavaScript values, and how Go prints them.

/**
 * A Go value seen through `interface{}`: `undefined` is Go's invalid value (a missing key),
 * `null` a nil interface, `number` a float64 (what JSON/YAML numbers decode to), `bigint` an
 * int (template literals, `len`, arithmetic), plus strings, booleans, lists and string maps.
 */
export type GoValue = undefined | null | string | number | bigint | boolean | readonly GoValue[] | GoMap;

/** A `map[string]interface{}`. */
export interface GoMap {
  readonly [key: string]: GoValue;
}

/** True for a Go map value. */
export function isGoMap(value: GoValue | unknown): value is GoMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Go's `fmt` `%v` of a float64 (`%g` with the shortest digits; exponent form from 1e+06 or below 1e-04). */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const exponentSign = exponent < 0 ? '-' : '+';
    return `${sign}${digits[0]}${fraction}e${exponentSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const integerPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fractionPart = digits.slice(exponent + 1);
  return `${sign}${integerPart}${fractionPart ? `.${fractionPart}` : ''}`;
}

/** Go `fmt.Sprint`/`%v` of a value: `<nil>`, `[a b]`, `map[k:v]` (keys sorted), floats as Go prints them. */
export function formatGoValue(value: GoValue): string {
  if (value === undefined || value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatGoFloat(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map((item: GoValue) => formatGoValue(item)).join(' ')}]`;
  const map = value as GoMap;
  const keys = Object.keys(map).sort();
  return `map[${keys.map((key) => `${key}:${formatGoValue(map[key])}`).join(' ')}]`;
}

/** Go template truthiness (`if`, `with`, `and`, `or`, `not`): zero values and empty collections are false. */
export function isGoTrue(value: GoValue): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length > 0;
  return Object.keys(value).length > 0;
}

/** Go's type name of a value, for error messages. */
export function goTypeName(value: GoValue): string {
  if (value === undefined || value === null) return '<nil>';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** Converts plain data (parsed YAML/JSON parameters) to Go values: integers stay float64, as Go decodes JSON. */
export function toGoValue(value: unknown): GoValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value;
  if (Array.isArray(value)) return value.map(toGoValue);
  if (typeof value === 'object') {
    const out: Record<string, GoValue> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toGoValue(item);
    return out;
  }
  return String(value);
}
