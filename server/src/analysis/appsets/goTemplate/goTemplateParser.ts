// Parses lexed Go template items into a tree; unknown functions are parse errors, as in Go.
import type { Command, Operand, Pipeline, TemplateNode } from './goTemplateAst';
import { GoTemplateError } from './goTemplateError';
import type { LexItem, Token } from './goTemplateLexer';
import type { GoValue } from './goValues';

/** What the parser needs to know about functions. */
export interface FunctionCatalogue {
  /** True when the engine implements the function. */
  readonly has: (name: string) => boolean;
  /** True for a Sprig function Argo CD offers that this engine does not implement. */
  readonly isKnownUnsupported: (name: string) => boolean;
}

const MAX_PAREN_DEPTH = 50;

type Terminator = 'end' | 'else' | 'eof';

/** Parses a template. Throws GoTemplateError for syntax errors and undefined functions. */
export function parseGoTemplate(items: readonly LexItem[], functions: FunctionCatalogue): TemplateNode[] {
  const parser = new Parser(items, functions);
  const { nodes, terminator } = parser.parseList(0);
  if (terminator.kind !== 'eof') throw new GoTemplateError(`unexpected {{${terminator.kind}}}`);
  return nodes;
}

interface ListEnd {
  readonly kind: Terminator;
  /** For `{{else if …}}` / `{{else with …}}`: the keyword and the rest of the action. */
  readonly chained?: { readonly keyword: 'if' | 'with'; readonly tokens: readonly Token[] };
}

class Parser {
  #index = 0;
  readonly #items: readonly LexItem[];
  readonly #functions: FunctionCatalogue;

  constructor(items: readonly LexItem[], functions: FunctionCatalogue) {
    this.#items = items;
    this.#functions = functions;
  }

  parseList(rangeDepth: number): { nodes: TemplateNode[]; terminator: ListEnd } {
    const nodes: TemplateNode[] = [];
    while (this.#index < this.#items.length) {
      const item = this.#items[this.#index++];
      if (!item) break;
      if (item.kind === 'text') {
        nodes.push({ kind: 'text', text: item.text });
        continue;
      }
      const tokens = item.tokens;
      const first = tokens[0];
      if (!first) throw new GoTemplateError('missing value for command');
      const keyword = first.kind === 'identifier' ? first.text : undefined;
      if (keyword === 'end') {
        if (tokens.length > 1) throw new GoTemplateError('unexpected token in end');
        return { nodes, terminator: { kind: 'end' } };
      }
      if (keyword === 'else') {
        const next = tokens[1];
        if (next?.kind === 'identifier' && (next.text === 'if' || next.text === 'with')) {
          return { nodes, terminator: { kind: 'else', chained: { keyword: next.text, tokens: tokens.slice(2) } } };
        }
        if (tokens.length > 1) throw new GoTemplateError('unexpected token in else');
        return { nodes, terminator: { kind: 'else' } };
      }
      if (keyword === 'if' || keyword === 'with' || keyword === 'range') {
        nodes.push(this.parseControl(keyword, tokens.slice(1), rangeDepth));
        continue;
      }
      if (keyword === 'break' || keyword === 'continue') {
        if (rangeDepth === 0) throw new GoTemplateError(`{{${keyword}}} outside {{range}}`);
        nodes.push({ kind: keyword });
        continue;
      }
      if (keyword === 'define' || keyword === 'template' || keyword === 'block') {
        throw new GoTemplateError(`{{${keyword}}} is not supported by this analyser`, keyword);
      }
      nodes.push({ kind: 'action', pipeline: this.parsePipeline(tokens, false) });
    }
    return { nodes, terminator: { kind: 'eof' } };
  }

  parseControl(keyword: 'if' | 'with' | 'range', tokens: readonly Token[], rangeDepth: number): TemplateNode {
    const pipeline = this.parsePipeline(tokens, keyword === 'range');
    if (pipeline.commands.length === 0) throw new GoTemplateError(`missing value for ${keyword}`);
    const bodyDepth = keyword === 'range' ? rangeDepth + 1 : rangeDepth;
    const body = this.parseList(bodyDepth);
    let elseBody: TemplateNode[] = [];
    if (body.terminator.kind === 'eof') throw new GoTemplateError(`unexpected EOF: {{${keyword}}} without {{end}}`);
    if (body.terminator.kind === 'else') {
      const chained = body.terminator.chained;
      if (chained) {
        if (keyword === 'range') throw new GoTemplateError(`unexpected {{else ${chained.keyword}}} in range`);
        // `{{else if x}}` is an `if` nested in the else branch that shares the outer `{{end}}`.
        elseBody = [this.parseControl(chained.keyword, chained.tokens, rangeDepth)];
      } else {
        const rest = this.parseList(rangeDepth);
        if (rest.terminator.kind !== 'end') throw new GoTemplateError(`expected {{end}} after {{else}} in ${keyword}`);
        elseBody = rest.nodes;
      }
    }
    return { kind: keyword, pipeline, body: body.nodes, elseBody };
  }

  parsePipeline(tokens: readonly Token[], allowTwoVariables: boolean): Pipeline {
    const cursor = new TokenCursor(tokens);
    const variables: string[] = [];
    let isAssignment = false;
    const declaration = this.readDeclaration(tokens, allowTwoVariables);
    if (declaration) {
      variables.push(...declaration.variables);
      isAssignment = declaration.isAssignment;
      cursor.skip(declaration.consumed);
    }
    const commands = this.parseCommands(cursor, 0);
    if (!cursor.done()) throw new GoTemplateError(`unexpected ${describe(cursor.peek())} in operand`);
    if (commands.length === 0 && variables.length > 0) throw new GoTemplateError('missing value for command');
    return { variables, isAssignment, commands };
  }

  readDeclaration(tokens: readonly Token[], allowTwo: boolean): { variables: string[]; isAssignment: boolean; consumed: number } | undefined {
    const [first, second, third, fourth] = tokens;
    if (first?.kind !== 'variable') return undefined;
    if (second?.kind === 'declare' || second?.kind === 'assign') {
      return { variables: [first.text], isAssignment: second.kind === 'assign', consumed: 2 };
    }
    if (second?.kind === 'comma' && third?.kind === 'variable' && (fourth?.kind === 'declare' || fourth?.kind === 'assign')) {
      if (!allowTwo) throw new GoTemplateError('too many declarations in command');
      return { variables: [first.text, third.text], isAssignment: fourth.kind === 'assign', consumed: 4 };
    }
    return undefined;
  }

  parseCommands(cursor: TokenCursor, depth: number): Command[] {
    if (depth > MAX_PAREN_DEPTH) throw new GoTemplateError('parentheses nested too deeply');
    const commands: Command[] = [];
    for (;;) {
      const operands: Operand[] = [];
      while (!cursor.done() && cursor.peek()?.kind !== 'pipe' && cursor.peek()?.kind !== 'rightParen') {
        const next = cursor.peek();
        if (operands.length > 0 && next && !next.spaceBefore) throw new GoTemplateError(`unexpected ${describe(next)} in operand`);
        operands.push(this.parseOperand(cursor, depth));
      }
      if (operands.length === 0) {
        if (commands.length > 0 || cursor.peek()?.kind === 'pipe') throw new GoTemplateError('missing command in pipeline');
        return commands;
      }
      commands.push({ operands });
      if (cursor.peek()?.kind !== 'pipe') return commands;
      cursor.next();
    }
  }

  parseOperand(cursor: TokenCursor, depth: number): Operand {
    const token = cursor.next();
    if (!token) throw new GoTemplateError('missing value for command');
    let operand: Operand;
    switch (token.kind) {
      case 'dot':
        operand = { kind: 'dot', fields: [] };
        break;
      case 'field':
        operand = { kind: 'dot', fields: [token.text] };
        break;
      case 'variable':
        operand = { kind: 'variable', name: token.text, fields: [] };
        break;
      case 'string':
        operand = { kind: 'literal', value: token.text, fields: [] };
        break;
      case 'char':
        operand = { kind: 'literal', value: BigInt(token.text), fields: [] };
        break;
      case 'number':
        operand = { kind: 'literal', value: parseNumber(token.text), fields: [] };
        break;
      case 'identifier':
        operand = this.identifierOperand(token.text);
        break;
      case 'leftParen': {
        const commands = this.parseCommands(cursor, depth + 1);
        if (cursor.next()?.kind !== 'rightParen') throw new GoTemplateError('unclosed left paren');
        if (commands.length === 0) throw new GoTemplateError('missing value for parenthesized pipeline');
        operand = { kind: 'pipeline', pipeline: { variables: [], isAssignment: false, commands }, fields: [] };
        break;
      }
      default:
        throw new GoTemplateError(`unexpected ${describe(token)} in operand`);
    }
    const fields: string[] = [...operand.fields];
    while (cursor.peek()?.kind === 'field' && cursor.peek()?.spaceBefore === false) fields.push(cursor.next()?.text ?? '');
    if (fields.length > operand.fields.length) {
      if (operand.kind === 'literal' || operand.kind === 'nil') throw new GoTemplateError(`unexpected . after term ${describe(token)}`);
      return { ...operand, fields };
    }
    return operand;
  }

  identifierOperand(name: string): Operand {
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', fields: [] };
    if (name === 'nil') return { kind: 'nil', fields: [] };
    if (!this.#functions.has(name)) {
      if (this.#functions.isKnownUnsupported(name)) throw new GoTemplateError(`function "${name}" is not supported by this analyser`, name);
      throw new GoTemplateError(`function "${name}" not defined`);
    }
    return { kind: 'function', name, fields: [] };
  }
}

class TokenCursor {
  #index = 0;
  readonly #tokens: readonly Token[];

  constructor(tokens: readonly Token[]) {
    this.#tokens = tokens;
  }

  peek(): Token | undefined {
    return this.#tokens[this.#index];
  }

  next(): Token | undefined {
    return this.#tokens[this.#index++];
  }

  skip(count: number): void {
    this.#index += count;
  }

  done(): boolean {
    return this.#index >= this.#tokens.length;
  }
}

function parseNumber(text: string): GoValue {
  try {
    return parseNumberStrictly(text);
  } catch (error) {
    if (error instanceof GoTemplateError) throw error;
    throw new GoTemplateError(`bad number syntax: ${JSON.stringify(text)}`);
  }
}

function parseNumberStrictly(text: string): GoValue {
  const clean = text.replace(/_/g, '');
  if (/^[+-]?0[xXbBoO]/.test(clean)) {
    const negative = clean.startsWith('-');
    const body = clean.replace(/^[+-]/, '');
    const value = BigInt(body.toLowerCase().startsWith('0o') ? `0o${body.slice(2)}` : body);
    return negative ? -value : value;
  }
  if (/^[+-]?\d+$/.test(clean)) {
    // Go reads a leading-zero integer literal as octal.
    const negative = clean.startsWith('-');
    const digits = clean.replace(/^[+-]/, '');
    const value = digits.length > 1 && digits.startsWith('0') ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
    return negative ? -value : value;
  }
  const value = Number(clean);
  if (Number.isNaN(value)) throw new GoTemplateError(`bad number syntax: ${JSON.stringify(text)}`);
  return value;
}

function describe(token: Token | undefined): string {
  if (!token) return 'end of action';
  return `<${token.kind === 'field' ? `.${token.text}` : token.kind === 'variable' ? `$${token.text}` : token.text}>`;
}
