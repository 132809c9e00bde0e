// Command-line parsing for gitops-waves: commands, options and the usage text.
import { parseArgs } from 'node:util';

/** The commands the CLI offers. */
export const COMMANDS = ['plan', 'tree', 'check'] as const;
/** One of {@link COMMANDS}. */
export type Command = (typeof COMMANDS)[number];
/** Output formats. */
export type OutputFormat = 'text' | 'json';

/** A parsed command line. */
export interface CliArguments {
  readonly command: Command;
  readonly directory: string;
  readonly format: OutputFormat;
  readonly repoUrls: readonly string[];
  readonly maxFileBytes: number | undefined;
  readonly exitZero: boolean;
  readonly color: boolean;
}

/** The usage text printed by `--help`. */
export const USAGE = `Usage: gitops-waves <command> [options] [directory]

Reads an Argo CD GitOps repository (App of Apps) and shows the boot order Argo CD will follow.

Commands:
  plan    the boot plan: roots, then each sync's waves with the apps they create and what they wait for
  tree    roots → ApplicationSets → Applications → resources, with every object's wave
  check   the findings (problems) of the repository

Options:
  --format text|json     output format (default: text)
  --repo-url URL         the repoURL that designates this repository (repeatable); wins over
                         .gitops-waves.yaml and the git remotes
  --max-file-size BYTES  skip files larger than this (default: 2097152, i.e. 2 MiB)
  --exit-zero            check: exit 0 even when there are error findings
  --no-color             no ANSI colours in text output
  -h, --help             this help

Exit codes: 0 ran (check: and found no error), 1 check found errors, 2 usage or IO error.
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
        format: { type: 'string', default: 'text' },
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
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}' (text or json)`);
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
    exitZero: values['exit-zero'] ?? false,
    color: !(values['no-color'] ?? false) && process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  };
}
