// The syntax tree of the Go text/template subset: nodes, pipelines, commands and operands.
import type { GoValue } from './goValues';

/** An operand of a command. `fields` is a chain applied after the base (`.a.b`, `$x.y`, `(f).z`). */
export type Operand =
  | { readonly kind: 'dot'; readonly fields: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly fields: readonly string[] }
  | { readonly kind: 'function'; readonly name: string; readonly fields: readonly string[] }
  | { readonly kind: 'literal'; readonly value: GoValue; readonly fields: readonly string[] }
  | { readonly kind: 'nil'; readonly fields: readonly string[] }
  | { readonly kind: 'pipeline'; readonly pipeline: Pipeline; readonly fields: readonly string[] };

/** Operands separated by spaces: a function call, or a single value. */
export interface Command {
  readonly operands: readonly Operand[];
}

/** `$a, $b := cmd | cmd`: optional declarations (or `=` assignment), then piped commands. */
export interface Pipeline {
  readonly variables: readonly string[];
  readonly isAssignment: boolean;
  readonly commands: readonly Command[];
}

/** A node of a template body. */
export type TemplateNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'action'; readonly pipeline: Pipeline }
  | { readonly kind: 'if' | 'with'; readonly pipeline: Pipeline; readonly body: readonly TemplateNode[]; readonly elseBody: readonly TemplateNode[] }
  | { readonly kind: 'range'; readonly pipeline: Pipeline; readonly body: readonly TemplateNode[]; readonly elseBody: readonly TemplateNode[] }
  | { readonly kind: 'break' | 'continue' };
