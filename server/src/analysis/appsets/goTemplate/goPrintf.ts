// Go's fmt.Sprintf for the verbs templates use (%s %d %v %q %t %f %x %%), and fmt.Sprint spacing.
import { formatGoFloat, formatGoValue, goTypeName, type GoValue } from './goValues';

/** `fmt.Sprint`: operands joined, with a space between two operands when neither is a string. */
export function goSprint(values: readonly GoValue[]): string {
  let out = '';
  values.forEach((value, index) => {
    const previous = values[index - 1];
    if (index > 0 && typeof value !== 'string' && typeof previous !== 'string') out += ' ';
    out += formatGoValue(value);
  });
  return out;
}

/** `fmt.Sprintf` for a useful subset of verbs, with Go's `%!verb(type=value)` for mismatches. */
export function goSprintf(format: string, values: readonly GoValue[]): string {
  let out = '';
  let argument = 0;
  for (let index = 0; index < format.length; index++) {
    const char = format[index];
    if (char !== '%') {
      out += char;
      continue;
    }
    const spec = /^([-+# 0]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/.exec(format.slice(index + 1));
    if (!spec) {
      out += '%!(NOVERB)';
      break;
    }
    index += spec[0].length;
    const [, flags = '', widthText = '', precisionText, verb = 'v'] = spec;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argument >= values.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const value = values[argument++] ?? null;
    const text = formatVerb(verb, value, precisionText === undefined ? undefined : Number(precisionText));
    const width = widthText === '' ? 0 : Number(widthText);
    out += flags.includes('-') ? text.padEnd(width) : text.padStart(width, flags.includes('0') && verb !== 's' ? '0' : ' ');
  }
  if (argument < values.length) out += `%!(EXTRA ${values.slice(argument).map((value) => `${goTypeName(value)}=${formatGoValue(value)}`).join(', ')})`;
  return out;
}

function formatVerb(verb: string, value: GoValue, precision: number | undefined): string {
  const bad = (): string => `%!${verb}(${goTypeName(value)}=${formatGoValue(value)})`;
  switch (verb) {
    case 'v':
      return formatGoValue(value);
    case 's':
      if (typeof value === 'string') return precision === undefined ? value : value.slice(0, precision);
      return typeof value === 'object' && value !== null ? formatGoValue(value) : bad();
    case 'q':
      if (typeof value === 'string') return goQuote(value);
      return bad();
    case 'd':
      return typeof value === 'bigint' ? String(value) : bad();
    case 't':
      return typeof value === 'boolean' ? String(value) : bad();
    case 'f':
    case 'F':
      return typeof value === 'number' ? value.toFixed(precision ?? 6) : bad();
    case 'g':
      return typeof value === 'number' ? formatGoFloat(value) : bad();
    case 'x':
    case 'X': {
      let text: string;
      if (typeof value === 'bigint') text = value.toString(16);
      else if (typeof value === 'string') text = [...new TextEncoder().encode(value)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
      else return bad();
      return verb === 'X' ? text.toUpperCase() : text;
    }
    default:
      return bad();
  }
}

/** Go `strconv.Quote`: double quotes, Go escapes for control characters. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${out}"`;
}
