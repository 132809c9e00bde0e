// Internal contract between the expander and the generators: parameter sets, inputs and the shared environment.
import type { KubeObject } from '../../kube/kubeObject';
import type { RuleMeta } from '../../rules/rule';
import type { ValuePath } from '../../yaml/yamlDocument';
import type { ExpansionContext } from '../expansionTypes';
import type { TemplateMode } from '../renderTemplate';

/** One set of parameters a generator produces (flat strings with fasttemplate, nested with goTemplate). */
export type ParameterSet = Record<string, unknown>;

/** A generator to run: its (possibly interpolated) body and where it is written in the set. */
export interface GeneratorInput {
  /** The generator entry, e.g. `{git: {...}, selector: {...}}`. */
  readonly generator: Readonly<Record<string, unknown>>;
  /** Path of the entry in the ApplicationSet body (`['spec', 'generators', 0]`). */
  readonly path: ValuePath;
  /** How many matrix/merge generators enclose it. */
  readonly depth: number;
}

/** What every generator may use. */
export interface GeneratorEnvironment {
  readonly appSet: KubeObject;
  readonly context: ExpansionContext;
  readonly mode: TemplateMode;
  /** Reports a problem at a path of the ApplicationSet body (duplicates are dropped). */
  readonly report: (rule: RuleMeta, message: string, path: ValuePath, part?: 'key' | 'value') => void;
  /** Records that the list of Applications may be incomplete. */
  readonly markIncomplete: () => void;
  /** Runs a nested generator (matrix and merge children); `inherited` parameters interpolate it first. */
  readonly run: (input: GeneratorInput, inherited?: ParameterSet) => ParameterSet[];
}

/** A generator kind's implementation: the parameter sets of one generator body. */
export type GeneratorImplementation = (body: Readonly<Record<string, unknown>>, bodyPath: ValuePath, input: GeneratorInput, environment: GeneratorEnvironment) => ParameterSet[];
