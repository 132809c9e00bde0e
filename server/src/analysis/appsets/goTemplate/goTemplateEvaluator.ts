// Executes a parsed Go template against data, with Go's rules for fields, variables, missing keys and control flow.
import type { Command, Operand, Pipeline, TemplateNode } from './goTemplateAst';
import { GoTemplateError } from './goTemplateError';
import type { GoFunction } from './goTemplateFunctions';
import { formatGoValue, goTypeName, isGoMap, isGoTrue, type GoMap, type GoValue } from './goValues';

/** How a missing map key behaves (`goTemplateOptions: ["missingkey=…"]`). */
export type MissingKeyMode = 'default' | 'zero' | 'error';

/** Bounds that keep a hostile template from exhausting memory or time. */
export interface EvaluationLimits {
  readonly maxOutputLength: number;
  readonly maxSteps: number;
}

/** Defaults: 1 MB of output, a million evaluation steps. */
export const DEFAULT_EVALUATION_LIMITS: EvaluationLimits = { maxOutputLength: 1_000_000, maxSteps: 1_000_000 };

class BreakSignal {}
class ContinueSignal {}

/** Runs a template tree; throws GoTemplateError when execution fails. */
export function executeGoTemplate(
  nodes: readonly TemplateNode[],
  data: GoValue,
  functions: ReadonlyMap<string, GoFunction>,
  missingKey: MissingKeyMode,
  limits: EvaluationLimits = DEFAULT_EVALUATION_LIMITS,
): string {
  const executor = new Executor(data, functions, missingKey, limits);
  executor.walkList(nodes, data);
  return executor.output;
}

interface Variable {
  readonly name: string;
  value: GoValue;
}

class Executor {
  output = '';
  #steps = 0;
  readonly #variables: Variable[];
  readonly #functions: ReadonlyMap<string, GoFunction>;
  readonly #missingKey: MissingKeyMode;
  readonly #limits: EvaluationLimits;

  constructor(data: GoValue, functions: ReadonlyMap<string, GoFunction>, missingKey: MissingKeyMode, limits: EvaluationLimits) {
    this.#variables = [{ name: '', value: data }];
    this.#functions = functions;
    this.#missingKey = missingKey;
    this.#limits = limits;
  }

  walkList(nodes: readonly TemplateNode[], dot: GoValue): void {
    for (const node of nodes) this.walk(node, dot);
  }

  walk(node: TemplateNode, dot: GoValue): void {
    this.step();
    switch (node.kind) {
      case 'text':
        this.write(node.text);
        return;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipeline);
        if (node.pipeline.variables.length === 0) this.write(value === undefined ? '<no value>' : formatGoValue(value));
        return;
      }
      case 'if':
      case 'with': {
        const mark = this.#variables.length;
        const value = this.evalPipeline(dot, node.pipeline);
        if (isGoTrue(value)) this.walkList(node.body, node.kind === 'with' ? value : dot);
        else this.walkList(node.elseBody, dot);
        this.#variables.length = mark;
        return;
      }
      case 'range':
        this.walkRange(node, dot);
        return;
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
    }
  }

  walkRange(node: Extract<TemplateNode, { kind: 'range' }>, dot: GoValue): void {
    const mark = this.#variables.length;
    const value = this.evalPipeline(dot, { ...node.pipeline, variables: [] });
    const entries = rangeEntries(value);
    if (entries.length === 0) {
      this.#variables.length = mark;
      this.walkList(node.elseBody, dot);
      return;
    }
    const [first, second] = node.pipeline.variables;
    for (const [key, element] of entries) {
      this.step();
      const inner = this.#variables.length;
      if (first !== undefined && second === undefined) this.#variables.push({ name: first, value: element });
      if (first !== undefined && second !== undefined) {
        this.#variables.push({ name: first, value: key });
        this.#variables.push({ name: second, value: element });
      }
      try {
        this.walkList(node.body, element);
      } catch (signal) {
        if (signal instanceof BreakSignal) {
          this.#variables.length = inner;
          break;
        }
        if (!(signal instanceof ContinueSignal)) throw signal;
      }
      this.#variables.length = inner;
    }
    this.#variables.length = mark;
  }

  evalPipeline(dot: GoValue, pipeline: Pipeline): GoValue {
    let value: GoValue = undefined;
    let hasFinal = false;
    for (const command of pipeline.commands) {
      value = this.evalCommand(dot, command, hasFinal ? { value } : undefined);
      hasFinal = true;
    }
    // Go unwraps a nil interface into "no value" at the end of a pipeline.
    if (value === null) value = undefined;
    if (pipeline.variables.length > 0) {
      const name = pipeline.variables[0] ?? '';
      if (pipeline.isAssignment) this.setVariable(name, value);
      else this.#variables.push({ name, value });
    }
    return value;
  }

  evalCommand(dot: GoValue, command: Command, final: { value: GoValue } | undefined): GoValue {
    const [head, ...args] = command.operands;
    if (!head) throw new GoTemplateError('empty command');
    if (head.kind === 'function' && head.fields.length === 0) return this.callFunction(head.name, args, dot, final);
    if (args.length > 0 || final) {
      if (head.kind === 'dot' && head.fields.length > 0) throw new GoTemplateError(`${head.fields[head.fields.length - 1] ?? ''} is not a method but has arguments`);
      throw new GoTemplateError(`can't give argument to non-function ${describeOperand(head)}`);
    }
    if (head.kind === 'nil') throw new GoTemplateError('nil is not a command');
    return this.evalOperand(dot, head);
  }

  evalOperand(dot: GoValue, operand: Operand): GoValue {
    this.step();
    let base: GoValue;
    switch (operand.kind) {
      case 'dot':
        base = dot;
        break;
      case 'variable':
        base = this.variable(operand.name);
        break;
      case 'literal':
        base = operand.value;
        break;
      case 'nil':
        return null;
      case 'function':
        base = this.callFunction(operand.name, [], dot, undefined);
        break;
      case 'pipeline': {
        const mark = this.#variables.length;
        base = this.evalPipeline(dot, operand.pipeline);
        this.#variables.length = mark;
        break;
      }
    }
    let value = base;
    for (const field of operand.fields) value = this.field(value, field);
    return value;
  }

  field(receiver: GoValue, name: string): GoValue {
    if (receiver === undefined) {
      if (this.#missingKey === 'error') throw new GoTemplateError(`nil data; no entry for key "${name}"`);
      return undefined;
    }
    if (receiver === null) throw new GoTemplateError(`nil pointer evaluating interface {}.${name}`);
    if (isGoMap(receiver)) {
      if (Object.hasOwn(receiver, name)) return (receiver as GoMap)[name];
      if (this.#missingKey === 'error') throw new GoTemplateError(`map has no entry for key "${name}"`);
      return this.#missingKey === 'zero' ? null : undefined;
    }
    throw new GoTemplateError(`can't evaluate field ${name} in type ${goTypeName(receiver)}`);
  }

  callFunction(name: string, args: readonly Operand[], dot: GoValue, final: { value: GoValue } | undefined): GoValue {
    // `and` and `or` evaluate their arguments lazily and return one of them, as Go does.
    if (name === 'and' || name === 'or') {
      const count = args.length + (final ? 1 : 0);
      if (count < 1) throw new GoTemplateError(`wrong number of args for ${name}: want at least 1 got 0`);
      let value: GoValue = undefined;
      for (let index = 0; index < count; index++) {
        value = index < args.length ? this.evalArgument(dot, args[index]!) : (final?.value ?? undefined);
        if (isGoTrue(value) === (name === 'or')) return value;
      }
      return value;
    }
    const implementation = this.#functions.get(name);
    if (!implementation) throw new GoTemplateError(`function "${name}" not defined`);
    const values = args.map((arg) => this.evalArgument(dot, arg));
    if (final) values.push(final.value === undefined ? null : final.value);
    return implementation(values);
  }

  evalArgument(dot: GoValue, operand: Operand): GoValue {
    const value = this.evalOperand(dot, operand);
    // An invalid value passed to an interface{} parameter arrives as nil.
    return value === undefined ? null : value;
  }

  variable(name: string): GoValue {
    for (let index = this.#variables.length - 1; index >= 0; index--) {
      const variable = this.#variables[index];
      if (variable && variable.name === name) return variable.value;
    }
    throw new GoTemplateError(`undefined variable: $${name}`);
  }

  setVariable(name: string, value: GoValue): void {
    for (let index = this.#variables.length - 1; index >= 0; index--) {
      const variable = this.#variables[index];
      if (variable && variable.name === name) {
        variable.value = value;
        return;
      }
    }
    throw new GoTemplateError(`undefined variable: $${name}`);
  }

  write(text: string): void {
    this.output += text;
    if (this.output.length > this.#limits.maxOutputLength) throw new GoTemplateError(`template output exceeds ${this.#limits.maxOutputLength} characters`);
  }

  step(): void {
    this.#steps++;
    if (this.#steps > this.#limits.maxSteps) throw new GoTemplateError(`template evaluation exceeds ${this.#limits.maxSteps} steps`);
  }
}

/** What `range` iterates: list items by index, map entries by sorted key, or 0…n-1 for an int. */
function rangeEntries(value: GoValue): [GoValue, GoValue][] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((item: GoValue, index: number) => [BigInt(index), item]);
  if (isGoMap(value)) return Object.keys(value).sort().map((key) => [key, value[key]]);
  if (typeof value === 'bigint') {
    if (value > 1_000_000n) throw new GoTemplateError('range over an int too large to analyse');
    const out: [GoValue, GoValue][] = [];
    for (let index = 0n; index < value; index++) out.push([index, index]);
    return out;
  }
  throw new GoTemplateError(`range can't iterate over ${formatGoValue(value)}`);
}

function describeOperand(operand: Operand): string {
  switch (operand.kind) {
    case 'literal':
      return formatGoValue(operand.value);
    case 'variable':
      return `$${operand.name}`;
    default:
      return operand.kind;
  }
}
