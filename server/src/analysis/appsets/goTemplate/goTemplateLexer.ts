// Splits a Go text/template into text and actions, and actions into tokens (with `{{-`/`-}}` trimming).
import { GoTemplateError } from './goTemplateError';

/** The kinds of token inside an action. */
export type TokenKind =
  | 'field'
  | 'dot'
  | 'variable'
  | 'identifier'
  | 'string'
  | 'number'
  | 'char'
  | 'declare'
  | 'assign'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'comma';

/** One token of an action; `spaceBefore` matters because `.a .b` is two operands and `.a.b` one. */
export interface Token {
  readonly kind: TokenKind;
  /** Field or variable name (without `.`/`$`), identifier, decoded string, or number text. */
  readonly text: string;
  readonly spaceBefore: boolean;
}

/** A piece of template: literal text, or one `{{ … }}` action's tokens. Comments are dropped. */
export type LexItem = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'action'; readonly tokens: readonly Token[] };

const SPACE = /[ \t\r\n]/;
const TRIMMED_SPACE = /[ \t\r\n]+$/;
const LEADING_SPACE = /^[ \t\r\n]+/;

/** Lexes a whole template. Throws GoTemplateError with Go-like messages on malformed input. */
export function lexGoTemplate(source: string): LexItem[] {
  const items: LexItem[] = [];
  let position = 0;
  let trimNext = false;
  while (position <= source.length) {
    const open = source.indexOf('{{', position);
    let text = source.slice(position, open < 0 ? source.length : open);
    if (trimNext) text = text.replace(LEADING_SPACE, '');
    let actionStart = open + 2;
    const trimLeft = open >= 0 && source[actionStart] === '-' && SPACE.test(source[actionStart + 1] ?? '');
    if (trimLeft) {
      text = text.replace(TRIMMED_SPACE, '');
      actionStart += 2;
    }
    if (text !== '') items.push({ kind: 'text', text });
    if (open < 0) break;
    const comment = lexComment(source, actionStart);
    if (comment) {
      position = comment.end;
      trimNext = comment.trimRight;
      continue;
    }
    const action = lexAction(source, actionStart);
    items.push({ kind: 'action', tokens: action.tokens });
    position = action.end;
    trimNext = action.trimRight;
  }
  return items;
}

function lexComment(source: string, start: number): { end: number; trimRight: boolean } | undefined {
  // A comment must open right after `{{` (or `{{- `), as in Go.
  if (!source.startsWith('/*', start)) return undefined;
  const close = source.indexOf('*/', start + 2);
  if (close < 0) throw new GoTemplateError('unclosed comment');
  const after = close + 2;
  if (source.startsWith('}}', after)) return { end: after + 2, trimRight: false };
  if (SPACE.test(source[after] ?? '') && source.startsWith('-}}', after + 1)) return { end: after + 4, trimRight: true };
  throw new GoTemplateError('comment ends before closing delimiter');
}

function lexAction(source: string, start: number): { tokens: Token[]; end: number; trimRight: boolean } {
  const tokens: Token[] = [];
  let at = start;
  let spaceBefore = false;
  let parenDepth = 0;
  for (;;) {
    if (at >= source.length) throw new GoTemplateError('unclosed action');
    const char = source[at] ?? '';
    if (SPACE.test(char)) {
      if (source.startsWith('-}}', at + 1) && parenDepth >= 0) return { tokens, end: at + 4, trimRight: true };
      at++;
      spaceBefore = true;
      continue;
    }
    if (source.startsWith('}}', at)) return { tokens, end: at + 2, trimRight: false };
    const push = (kind: TokenKind, text: string, length: number): void => {
      tokens.push({ kind, text, spaceBefore });
      at += length;
      spaceBefore = false;
    };
    if (char === ':' && source[at + 1] === '=') push('declare', ':=', 2);
    else if (char === '=') push('assign', '=', 1);
    else if (char === '|') push('pipe', '|', 1);
    else if (char === ',') push('comma', ',', 1);
    else if (char === '(') {
      parenDepth++;
      push('leftParen', '(', 1);
    } else if (char === ')') {
      parenDepth--;
      push('rightParen', ')', 1);
    } else if (char === '"') {
      const { value, length } = readQuoted(source, at);
      push('string', value, length);
    } else if (char === '`') {
      const close = source.indexOf('`', at + 1);
      if (close < 0) throw new GoTemplateError('unterminated raw quoted string');
      push('string', source.slice(at + 1, close), close + 1 - at);
    } else if (char === "'") {
      const { value, length } = readQuoted(source, at);
      if ([...value].length !== 1) throw new GoTemplateError(`malformed character constant: ${source.slice(at, at + length)}`);
      push('char', String(value.codePointAt(0) ?? 0), length);
    } else if (char === '$' || (char === '.' && !/[0-9]/.test(source[at + 1] ?? ''))) {
      const name = /^[\p{L}\p{N}_]*/u.exec(source.slice(at + 1))?.[0] ?? '';
      if (char === '$') push('variable', name, 1 + name.length);
      else push(name === '' ? 'dot' : 'field', name, 1 + name.length);
    } else if (/[0-9.+-]/.test(char)) {
      const number = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(source.slice(at))?.[0] ?? '';
      if (number === '' || number === '+' || number === '-' || number === '.') throw new GoTemplateError(`bad number syntax: ${JSON.stringify(source.slice(at, at + 3))}`);
      push('number', number, number.length);
    } else if (/[\p{L}_]/u.test(char)) {
      const name = /^[\p{L}\p{N}_]+/u.exec(source.slice(at))?.[0] ?? char;
      push('identifier', name, name.length);
    } else {
      throw new GoTemplateError(`unexpected ${JSON.stringify(char)} in command`);
    }
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/** Reads a Go interpreted string (or char) literal starting at its quote, decoding escapes. */
function readQuoted(source: string, start: number): { value: string; length: number } {
  const quote = source[start];
  let value = '';
  let at = start + 1;
  for (;;) {
    const char = source[at];
    if (char === undefined || char === '\n') throw new GoTemplateError('unterminated quoted string');
    if (char === quote) return { value, length: at + 1 - start };
    if (char !== '\\') {
      value += char;
      at++;
      continue;
    }
    const escape = source[at + 1] ?? '';
    const simple = SIMPLE_ESCAPES[escape];
    if (simple !== undefined) {
      value += simple;
      at += 2;
      continue;
    }
    const hexLength = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
    if (hexLength > 0) {
      const hex = source.slice(at + 2, at + 2 + hexLength);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) throw new GoTemplateError('invalid syntax in quoted string');
      value += String.fromCodePoint(parseInt(hex, 16));
      at += 2 + hexLength;
      continue;
    }
    const octal = source.slice(at + 1, at + 4);
    if (/^[0-7]{3}$/.test(octal)) {
      value += String.fromCharCode(parseInt(octal, 8));
      at += 4;
      continue;
    }
    throw new GoTemplateError('invalid syntax in quoted string');
  }
}
