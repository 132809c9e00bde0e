// Command-line parsing for gitops-waves: commands, options and the usage text.
import { parseArgs } from 'node:util';
import type { Severity } from '../analysis/rules/rule';

/** The commands the CLI offers. */
export const COMMANDS = ['plan', 'tree', 'check', 'graph'] as const;
/** One of {@link COMMANDS}. */
export type Command = (typeof COMMANDS)[number];
/** Output formats. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'mermaid' | 'dot';

/** The formats each command accepts, its default first. */
export const FORMATS_BY_COMMAND: Readonly<Record<Command, readonly OutputFormat[]>> = {
  plan: ['text', 'json'],
  tree: ['text', 'json'],
  check: ['text', 'json', 'sarif', 'github'],
  graph: ['mermaid', 'dot', 'json'],
};

/** The least severe finding that makes `check` exit 1, or `never`. */
export type FailOn = Severity | 'never';
const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'hint', 'never'];

/** A parsed command line. */
export interface CliArguments {
  readonly command: Command;
  readonly directory: string;
  readonly format: OutputFormat;
  readonly repoUrls: readonly string[];
  readonly maxFileBytes: number | undefined;
  /** check: exit 1 when a finding is at least this severe (`--exit-zero` is `never`). */
  readonly failOn: FailOn;
  readonly color: boolean;
}

/** The usage text printed by `--help`. */
export const USAGE = `Usage: gitops-waves <command> [options] [directory]

Reads an Argo CD GitOps repository (App of Apps) and shows the boot order Argo CD will follow.

Commands:
  plan    the boot plan: roots, then each sync's waves with the apps they create and what they wait for
  tree    roots → ApplicationSets → Applications → resources, with every object's wave
  check   the findings (problems) of the repository
  graph   the dependency graph between apps, ranked by wave; edges the waves do not order are marked

Options:
  --format FORMAT        plan, tree: text|json (default text); check: text|json|sarif|github (default
                         text); graph: mermaid|dot|json (default mermaid)
  --fail-on LEVEL        check: exit 1 when a finding is at least this severe:
                         error|warning|info|hint|never (default: error)
  --exit-zero            check: the same as --fail-on never
  --repo-url URL         the repoURL that designates this repository (repeatable); wins over
                         .gitops-waves.yaml and the git remotes
  --max-file-size BYTES  skip files larger than this (default: 2097152, i.e. 2 MiB)
  --no-color             no ANSI colours in text output
  -h, --help             this help

Exit codes: 0 ran (check: and found nothing at the --fail-on level), 1 check found findings at that
level, 2 usage or IO error.
The directory defaults to the current one.`;

/** A usage error: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

/** Parses argv (without the node and script entries). Throws UsageError on bad input. */
export function parseCliArguments(argv: readonly string[]): CliArguments | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        'fail-on': { type: 'string' },
        'repo-url': { type: 'string', multiple: true },
        'max-file-size': { type: 'string' },
        'exit-zero': { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [command, directory, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command '${command}'`);
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  const formats = FORMATS_BY_COMMAND[command as Command];
  const format = (values.format ?? formats[0]) as OutputFormat;
  if (!formats.includes(format)) throw new UsageError(`${command} has no format '${values.format}' (${formats.join(', ')})`);
  const failOn = failOnOf(values['fail-on'], values['exit-zero'] ?? false);
  let maxFileBytes: number | undefined;
  if (values['max-file-size'] !== undefined) {
    maxFileBytes = Number(values['max-file-size']);
    if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) throw new UsageError('--max-file-size takes a positive number of bytes');
  }
  return {
    command: command as Command,
    directory: directory ?? '.',
    format,
    repoUrls: values['repo-url'] ?? [],
    maxFileBytes,
    failOn,
    color: !(values['no-color'] ?? false) && process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  };
}

/** `--fail-on` and its alias `--exit-zero`; giving both with different meanings is a usage error. */
function failOnOf(failOnText: string | undefined, exitZero: boolean): FailOn {
  if (failOnText !== undefined && !(FAIL_ON_VALUES as readonly string[]).includes(failOnText)) {
    throw new UsageError(`--fail-on takes ${FAIL_ON_VALUES.join(', ')}, not '${failOnText}'`);
  }
  const failOn = (failOnText ?? 'error') as FailOn;
  if (!exitZero) return failOn;
  if (failOnText !== undefined && failOn !== 'never') throw new UsageError(`--exit-zero means --fail-on never; it contradicts --fail-on ${failOn}`);
  return 'never';
}
