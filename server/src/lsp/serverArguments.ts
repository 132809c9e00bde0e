// The language server's command line: the transport flags vscode-languageserver reads, plus our own options.
import { PROBE_FLAG } from './quarantineProbe';

/** What the command line asks for. */
export interface ServerArguments {
  /** `--state-dir DIR`: where the crash journal and quarantine live. */
  readonly stateDirectory: string | undefined;
  /** `--quarantine-probe`: run as the quarantine probe child, not as a server. */
  readonly probe: boolean;
  /** `--version` or `--help`: print and exit. */
  readonly print: 'version' | 'help' | undefined;
}

/** Usage text for `--help`. */
export const SERVER_USAGE = `Usage: gitops-waves-language-server --stdio [--state-dir DIR]

Speaks the Language Server Protocol on stdin/stdout (--stdio), or over --node-ipc or --socket=PORT.
  --state-dir DIR  where the crash journal and quarantined files are kept
                   (default: gitops-waves-state in the system's temporary folder)
  --version        print the version and exit`;

/** Reads the arguments; unknown flags are left to vscode-languageserver (`--stdio`, `--clientProcessId=…`). */
export function parseServerArguments(argv: readonly string[]): ServerArguments {
  let stateDirectory: string | undefined;
  let print: ServerArguments['print'];
  for (let position = 0; position < argv.length; position++) {
    const argument = argv[position] ?? '';
    if (argument === '--state-dir') stateDirectory = argv[++position];
    else if (argument.startsWith('--state-dir=')) stateDirectory = argument.slice('--state-dir='.length);
    else if (argument === '--version' || argument === '-v') print = 'version';
    else if (argument === '--help' || argument === '-h') print = 'help';
  }
  return { stateDirectory, probe: argv.includes(PROBE_FLAG), print };
}
