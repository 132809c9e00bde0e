// Argument checks shared by template functions: Go's "wrong type for value" errors and Sprig's conversions.
import { GoTemplateError } from './goTemplateError';
import { formatGoValue, goTypeName, isGoMap, type GoMap, type GoValue } from './goValues';

/** A string parameter: Go refuses anything else (including a missing value). */
export function stringArgument(value: GoValue): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) throw new GoTemplateError('invalid value; expected string');
  throw new GoTemplateError(`wrong type for value; expected string; got ${goTypeName(value)}`);
}

/** An `int` parameter: only Go ints (template literals, `len`, arithmetic) are assignable. */
export function intArgument(value: GoValue): number {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || value === undefined) throw new GoTemplateError('invalid value; expected int');
  throw new GoTemplateError(`wrong type for value; expected int; got ${goTypeName(value)}`);
}

/** A `bool` parameter. */
export function boolArgument(value: GoValue): boolean {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) throw new GoTemplateError('invalid value; expected bool');
  throw new GoTemplateError(`wrong type for value; expected bool; got ${goTypeName(value)}`);
}

/** A `map[string]interface{}` parameter. */
export function mapArgument(value: GoValue): GoMap {
  if (isGoMap(value)) return value;
  if (value === null || value === undefined) throw new GoTemplateError('invalid value; expected map[string]interface {}');
  throw new GoTemplateError(`wrong type for value; expected map[string]interface {}; got ${goTypeName(value)}`);
}

/** Requires an exact argument count, with Go's message. */
export function expectArity(name: string, values: readonly GoValue[], want: number): void {
  if (values.length !== want) throw new GoTemplateError(`wrong number of args for ${name}: want ${want} got ${values.length}`);
}

/** Sprig `strval`: strings as they are, everything else as `%v`. */
export function sprigString(value: GoValue): string {
  return typeof value === 'string' ? value : formatGoValue(value);
}

/** Sprig/cast `toInt64`: numbers truncated, numeric strings parsed (base prefixes allowed), otherwise 0. */
export function sprigInt(value: GoValue): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'string') {
    const text = value.trim().replace(/\.0*$/, '');
    if (/^[+-]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9]\d*|0)$/.test(text)) {
      const negative = text.startsWith('-');
      let body = text.replace(/^[+-]/, '');
      if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
      const parsed = BigInt(body);
      return negative ? -parsed : parsed;
    }
    return 0n;
  }
  return 0n;
}

/** Sprig/cast `toFloat64`. */
export function sprigFloat(value: GoValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const parsed = Number(value.trim());
    return value.trim() === '' || Number.isNaN(parsed) ? 0 : parsed;
  }
  return 0;
}

/** Sprig `empty`: nil, zero numbers, false, and empty strings/lists/maps. */
export function sprigEmpty(value: GoValue): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value === '';
  if (typeof value === 'number') return value === 0;
  if (typeof value === 'bigint') return value === 0n;
  if (typeof value === 'boolean') return !value;
  if (Array.isArray(value)) return value.length === 0;
  return Object.keys(value).length === 0;
}

/** Sprig `strslice`: a list's non-nil items as strings; a single value as a one-item list. */
export function sprigStringList(value: GoValue): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.filter((item: GoValue) => item !== null && item !== undefined).map(sprigString);
  return [sprigString(value)];
}

/** A list parameter (Sprig's list helpers refuse other kinds). */
export function listArgument(name: string, value: GoValue): readonly GoValue[] {
  if (Array.isArray(value)) return value;
  throw new GoTemplateError(`error calling ${name}: Cannot find ${name} on type ${goTypeName(value)}`);
}

/** Deep equality of plain Go values (`reflect.DeepEqual` for template data). */
export function goDeepEqual(a: GoValue, b: GoValue): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item: GoValue, index: number) => goDeepEqual(item, b[index]));
  if (isGoMap(a) && isGoMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && goDeepEqual(a[key], b[key]));
  }
  return false;
}
