// The functions available to ApplicationSet Go templates: Go builtins, the Sprig subset repositories use, and Argo CD's own.
import { base64DecodeText, base64EncodeText } from '../base64';
import { sanitizeName, slugifyName } from '../sanitizeName';
import {
  boolArgument,
  expectArity,
  goDeepEqual,
  intArgument,
  listArgument,
  mapArgument,
  sprigEmpty,
  sprigFloat,
  sprigInt,
  sprigString,
  sprigStringList,
  stringArgument,
} from './goArguments';
import { goEq, goLess } from './goComparison';
import { goQuote, goSprint, goSprintf } from './goPrintf';
import { goJsonMarshal, goToYaml, parseYamlValue } from './goSerialize';
import { GoTemplateError } from './goTemplateError';
import { goRegex, expandGoReplacement } from './goRegex';
import { semverCompare } from './semverCompare';
import { formatGoValue, goTypeName, isGoMap, isGoTrue, toGoValue, type GoValue } from './goValues';

/** A template function: Go values in, a Go value out; throws GoTemplateError to fail the template. */
export type GoFunction = (args: readonly GoValue[]) => GoValue;

const fixed =
  (name: string, arity: number, body: (args: readonly GoValue[]) => GoValue): GoFunction =>
  (args) => {
    expectArity(name, args, arity);
    return body(args);
  };

const atLeast =
  (name: string, minimum: number, body: (args: readonly GoValue[]) => GoValue): GoFunction =>
  (args) => {
    if (args.length < minimum) throw new GoTemplateError(`wrong number of args for ${name}: want at least ${minimum} got ${args.length}`);
    return body(args);
  };

const str = (args: readonly GoValue[], index: number): string => stringArgument(args[index] ?? null);
const int = (args: readonly GoValue[], index: number): number => intArgument(args[index] ?? null);

/** Go `strings.Title`: upper-cases the first letter of every word. */
function goTitle(text: string): string {
  let previousIsSeparator = true;
  let out = '';
  for (const char of text) {
    out += previousIsSeparator ? char.toUpperCase() : char;
    previousIsSeparator = !/[\p{L}\p{N}_]/u.test(char);
  }
  return out;
}

function goTrimCutset(text: string, cutset: string, side: 'both' | 'left' | 'right'): string {
  const chars = [...text];
  const cut = new Set([...cutset]);
  let start = 0;
  let end = chars.length;
  if (side !== 'right') while (start < end && cut.has(chars[start] ?? '')) start++;
  if (side !== 'left') while (end > start && cut.has(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function goLen(value: GoValue): GoValue {
  if (typeof value === 'string') return BigInt(utf8Length(value));
  if (Array.isArray(value)) return BigInt(value.length);
  if (isGoMap(value)) return BigInt(Object.keys(value).length);
  if (value === null || value === undefined) throw new GoTemplateError('error calling len: len of nil pointer');
  throw new GoTemplateError(`error calling len: len of type ${goTypeName(value)}`);
}

function goIndex(args: readonly GoValue[]): GoValue {
  let item: GoValue = args[0] ?? null;
  if (item === null || item === undefined) throw new GoTemplateError('error calling index: index of untyped nil');
  for (const key of args.slice(1)) {
    if (isGoMap(item)) {
      if (typeof key !== 'string') throw new GoTemplateError(`error calling index: value has type ${goTypeName(key)}; should be string`);
      item = Object.hasOwn(item, key) ? (item[key] ?? null) : null;
    } else if (Array.isArray(item) || typeof item === 'string') {
      if (typeof key !== 'bigint') throw new GoTemplateError(`error calling index: cannot index slice/array with type ${goTypeName(key)}`);
      const length = typeof item === 'string' ? utf8Length(item) : item.length;
      if (key < 0n || key >= BigInt(length)) throw new GoTemplateError(`error calling index: index out of range: ${key}`);
      item = typeof item === 'string' ? BigInt(new TextEncoder().encode(item)[Number(key)] ?? 0) : ((item as readonly GoValue[])[Number(key)] ?? null);
    } else if (item === null || item === undefined) {
      throw new GoTemplateError('error calling index: index of nil pointer');
    } else {
      throw new GoTemplateError(`error calling index: can't index item of type ${goTypeName(item)}`);
    }
  }
  return item;
}

function arithmetic(name: string, operation: (a: bigint, b: bigint) => bigint): GoFunction {
  return fixed(name, 2, (args) => {
    const a = sprigInt(args[0] ?? null);
    const b = sprigInt(args[1] ?? null);
    if ((name === 'div' || name === 'mod') && b === 0n) throw new GoTemplateError(`error calling ${name}: runtime error: integer divide by zero`);
    return operation(a, b);
  });
}

function dig(args: readonly GoValue[]): GoValue {
  if (args.length < 3) throw new GoTemplateError(`wrong number of args for dig: want at least 3 got ${args.length}`);
  const map = mapArgument(args[args.length - 1] ?? null);
  const fallback = args[args.length - 2] ?? null;
  let current: GoValue = map;
  for (const key of args.slice(0, -2)) {
    const name = stringArgument(key);
    if (!isGoMap(current) || !Object.hasOwn(current, name)) return fallback;
    current = current[name];
  }
  return current ?? fallback;
}

function slugify(args: readonly GoValue[]): GoValue {
  if (args.length === 0) return '';
  const name = stringArgument(args[args.length - 1] ?? null);
  const maxLength = args.length >= 2 ? intArgument(args[0] ?? null) : 50;
  const smart = args.length >= 3 ? boolArgument(args[1] ?? null) : true;
  return slugifyName(name, maxLength, smart);
}

const ENTRIES: [string, GoFunction][] = [
  // Go text/template builtins (`and`/`or` are evaluated lazily by the executor).
  ['not', fixed('not', 1, (args) => !isGoTrue(args[0] ?? null))],
  ['len', fixed('len', 1, (args) => goLen(args[0] ?? null))],
  ['index', atLeast('index', 1, goIndex)],
  ['print', (args) => goSprint(args)],
  ['println', (args) => `${args.map((value) => formatGoValue(value)).join(' ')}\n`],
  ['printf', atLeast('printf', 1, (args) => goSprintf(str(args, 0), args.slice(1)))],
  ['eq', (args) => goEq(args)],
  ['ne', fixed('ne', 2, (args) => !goEq(args))],
  ['lt', fixed('lt', 2, (args) => goLess('lt', args[0] ?? null, args[1] ?? null))],
  ['le', fixed('le', 2, (args) => goLess('le', args[0] ?? null, args[1] ?? null) || goEq(args))],
  ['gt', fixed('gt', 2, (args) => !goLess('gt', args[0] ?? null, args[1] ?? null) && !goEq(args))],
  ['ge', fixed('ge', 2, (args) => !goLess('ge', args[0] ?? null, args[1] ?? null))],
  ['html', (args) => goSprint(args).replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;')],
  ['urlquery', (args) => encodeURIComponent(goSprint(args)).replace(/%20/g, '+')],
  // Sprig: defaults and logic.
  ['default', atLeast('default', 1, (args) => (args.length < 2 || sprigEmpty(args[1] ?? null) ? (args[0] ?? null) : (args[1] ?? null)))],
  ['empty', fixed('empty', 1, (args) => sprigEmpty(args[0] ?? null))],
  ['coalesce', (args) => args.find((value) => !sprigEmpty(value)) ?? null],
  ['ternary', fixed('ternary', 3, (args) => (boolArgument(args[2] ?? null) ? (args[0] ?? null) : (args[1] ?? null)))],
  ['required', fixed('required', 2, (args) => {
    const value = args[1] ?? null;
    if (value === null || value === '') throw new GoTemplateError(`error calling required: ${str(args, 0)}`);
    return value;
  })],
  ['fail', fixed('fail', 1, (args) => {
    throw new GoTemplateError(`error calling fail: ${str(args, 0)}`);
  })],
  // Sprig: strings.
  ['lower', fixed('lower', 1, (args) => str(args, 0).toLowerCase())],
  ['upper', fixed('upper', 1, (args) => str(args, 0).toUpperCase())],
  ['title', fixed('title', 1, (args) => goTitle(str(args, 0)))],
  ['trim', fixed('trim', 1, (args) => str(args, 0).replace(/^\s+|\s+$/gu, ''))],
  ['trimAll', fixed('trimAll', 2, (args) => goTrimCutset(str(args, 1), str(args, 0), 'both'))],
  ['trimall', fixed('trimall', 2, (args) => goTrimCutset(str(args, 1), str(args, 0), 'both'))],
  ['trimPrefix', fixed('trimPrefix', 2, (args) => (str(args, 1).startsWith(str(args, 0)) ? str(args, 1).slice(str(args, 0).length) : str(args, 1)))],
  ['trimSuffix', fixed('trimSuffix', 2, (args) => {
    const [suffix, text] = [str(args, 0), str(args, 1)];
    return suffix !== '' && text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : text;
  })],
  ['replace', fixed('replace', 3, (args) => str(args, 2).split(str(args, 0)).join(str(args, 1)))],
  ['contains', fixed('contains', 2, (args) => str(args, 1).includes(str(args, 0)))],
  ['hasPrefix', fixed('hasPrefix', 2, (args) => str(args, 1).startsWith(str(args, 0)))],
  ['hasSuffix', fixed('hasSuffix', 2, (args) => str(args, 1).endsWith(str(args, 0)))],
  ['split', fixed('split', 2, (args) => {
    const out: Record<string, GoValue> = {};
    str(args, 1).split(str(args, 0)).forEach((part, index) => (out[`_${index}`] = part));
    return out;
  })],
  ['splitList', fixed('splitList', 2, (args) => (str(args, 0) === '' ? [...str(args, 1)] : str(args, 1).split(str(args, 0))))],
  ['join', fixed('join', 2, (args) => sprigStringList(args[1] ?? null).join(str(args, 0)))],
  ['quote', (args) => args.filter((value) => value !== null && value !== undefined).map((value) => goQuote(sprigString(value))).join(' ')],
  ['squote', (args) => args.filter((value) => value !== null && value !== undefined).map((value) => `'${sprigString(value)}'`).join(' ')],
  ['cat', (args) => args.filter((value) => value !== null && value !== undefined).map((value) => formatGoValue(value)).join(' ')],
  ['toString', fixed('toString', 1, (args) => sprigString(args[0] ?? null))],
  ['trunc', fixed('trunc', 2, (args) => {
    const [count, text] = [int(args, 0), str(args, 1)];
    if (count < 0 && text.length + count > 0) return text.slice(text.length + count);
    return count >= 0 && text.length > count ? text.slice(0, count) : text;
  })],
  ['substr', fixed('substr', 3, (args) => {
    const [start, end, text] = [int(args, 0), int(args, 1), str(args, 2)];
    if (start < 0) return text.slice(0, end);
    if (end < 0 || end > text.length) return text.slice(start);
    return text.slice(start, end);
  })],
  ['repeat', fixed('repeat', 2, (args) => {
    const count = int(args, 0);
    if (count < 0 || count * str(args, 1).length > 1_000_000) throw new GoTemplateError('error calling repeat: count out of range');
    return str(args, 1).repeat(count);
  })],
  ['nospace', fixed('nospace', 1, (args) => str(args, 0).replace(/\s+/gu, ''))],
  ['indent', fixed('indent', 2, (args) => {
    const pad = ' '.repeat(Math.max(0, int(args, 0)));
    return pad + str(args, 1).split('\n').join(`\n${pad}`);
  })],
  ['nindent', fixed('nindent', 2, (args) => {
    const pad = ' '.repeat(Math.max(0, int(args, 0)));
    return `\n${pad}${str(args, 1).split('\n').join(`\n${pad}`)}`;
  })],
  ['b64enc', fixed('b64enc', 1, (args) => base64EncodeText(str(args, 0)))],
  ['b64dec', fixed('b64dec', 1, (args) => base64DecodeText(str(args, 0)) ?? 'illegal base64 data at input byte 0')],
  ['regexMatch', fixed('regexMatch', 2, (args) => goRegex(str(args, 0)).test(str(args, 1)))],
  ['regexReplaceAll', fixed('regexReplaceAll', 3, (args) => {
    const regex = goRegex(str(args, 0), 'g');
    return str(args, 1).replace(regex, (...match: unknown[]) => expandGoReplacement(str(args, 2), match));
  })],
  ['regexReplaceAllLiteral', fixed('regexReplaceAllLiteral', 3, (args) => str(args, 1).replace(goRegex(str(args, 0), 'g'), () => str(args, 2)))],
  ['semverCompare', fixed('semverCompare', 2, (args) => semverCompare(str(args, 0), str(args, 1)))],
  // Argo CD's own.
  ['normalize', fixed('normalize', 1, (args) => sanitizeName(str(args, 0)))],
  ['slugify', slugify],
  ['toYaml', fixed('toYaml', 1, (args) => goToYaml(args[0] ?? null))],
  ['fromYaml', fixed('fromYaml', 1, (args) => {
    const parsed = parseYamlValue(str(args, 0));
    if (!parsed.ok) throw new GoTemplateError(`error calling fromYaml: ${parsed.error}`);
    if (parsed.value !== null && !isGoMap(parsed.value)) throw new GoTemplateError('error calling fromYaml: cannot unmarshal into map[string]interface {}');
    return parsed.value ?? {};
  })],
  ['fromYamlArray', fixed('fromYamlArray', 1, (args) => {
    const parsed = parseYamlValue(str(args, 0));
    if (!parsed.ok) throw new GoTemplateError(`error calling fromYamlArray: ${parsed.error}`);
    if (parsed.value !== null && !Array.isArray(parsed.value)) throw new GoTemplateError('error calling fromYamlArray: cannot unmarshal into []interface {}');
    return parsed.value ?? [];
  })],
  // Sprig: data structures and conversions.
  ['list', (args) => [...args]],
  ['dict', (args) => {
    const out: Record<string, GoValue> = {};
    for (let index = 0; index < args.length; index += 2) out[sprigString(args[index] ?? null)] = index + 1 < args.length ? (args[index + 1] ?? null) : '';
    return out;
  }],
  ['get', fixed('get', 2, (args) => {
    const map = mapArgument(args[0] ?? null);
    const key = str(args, 1);
    return Object.hasOwn(map, key) ? (map[key] ?? null) : '';
  })],
  ['hasKey', fixed('hasKey', 2, (args) => Object.hasOwn(mapArgument(args[0] ?? null), str(args, 1)))],
  ['keys', (args) => args.flatMap((value) => Object.keys(mapArgument(value))).sort()],
  ['dig', dig],
  ['first', fixed('first', 1, (args) => listArgument('first', args[0] ?? null)[0] ?? null)],
  ['last', fixed('last', 1, (args) => {
    const list = listArgument('last', args[0] ?? null);
    return list[list.length - 1] ?? null;
  })],
  ['has', fixed('has', 2, (args) => listArgument('has', args[1] ?? null).some((item) => goDeepEqual(item, args[0] ?? null)))],
  ['uniq', fixed('uniq', 1, (args) => listArgument('uniq', args[0] ?? null).filter((item, index, all) => all.findIndex((other) => goDeepEqual(other, item)) === index))],
  ['compact', fixed('compact', 1, (args) => listArgument('compact', args[0] ?? null).filter((item) => !sprigEmpty(item)))],
  ['sortAlpha', fixed('sortAlpha', 1, (args) => sprigStringList(args[0] ?? null).sort())],
  ['concat', (args) => args.flatMap((value) => [...listArgument('concat', value)])],
  ['toJson', fixed('toJson', 1, (args) => goJsonMarshal(args[0] ?? null) ?? '')],
  ['toRawJson', fixed('toRawJson', 1, (args) => JSON.stringify(JSON.parse(goJsonMarshal(args[0] ?? null) ?? 'null')))],
  ['toPrettyJson', fixed('toPrettyJson', 1, (args) => goJsonMarshal(args[0] ?? null, '  ') ?? '')],
  ['fromJson', fixed('fromJson', 1, (args) => {
    try {
      return toGoValue(JSON.parse(str(args, 0)));
    } catch {
      return null;
    }
  })],
  ['int', fixed('int', 1, (args) => sprigInt(args[0] ?? null))],
  ['int64', fixed('int64', 1, (args) => sprigInt(args[0] ?? null))],
  ['atoi', fixed('atoi', 1, (args) => (/^[+-]?\d+$/.test(str(args, 0).trim()) ? BigInt(str(args, 0).trim()) : 0n))],
  ['float64', fixed('float64', 1, (args) => sprigFloat(args[0] ?? null))],
  ['add', (args) => args.reduce<bigint>((sum, value) => sum + sprigInt(value ?? null), 0n)],
  ['add1', fixed('add1', 1, (args) => sprigInt(args[0] ?? null) + 1n)],
  ['sub', arithmetic('sub', (a, b) => a - b)],
  ['mul', atLeast('mul', 1, (args) => args.reduce<bigint>((product, value) => product * sprigInt(value ?? null), 1n))],
  ['div', arithmetic('div', (a, b) => a / b)],
  ['mod', arithmetic('mod', (a, b) => a % b)],
  ['max', atLeast('max', 1, (args) => args.map((value) => sprigInt(value ?? null)).reduce((a, b) => (b > a ? b : a)))],
  ['min', atLeast('min', 1, (args) => args.map((value) => sprigInt(value ?? null)).reduce((a, b) => (b < a ? b : a)))],
];

/** The implemented functions by name. */
export const GO_TEMPLATE_FUNCTIONS: ReadonlyMap<string, GoFunction> = new Map<string, GoFunction>([
  ...ENTRIES,
  // Placeholders so the parser accepts them; the executor evaluates them lazily itself.
  ['and', () => null],
  ['or', () => null],
]);
