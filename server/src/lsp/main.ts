// Entry point of gitops-waves-language-server: a connection over stdio (or node-ipc, socket), or the quarantine probe child.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import serverPackage from '../../package.json';
import { limitHeapGrowth } from '../host/heapGrowth';
import { installProcessSafetyNets } from './guard';
import { createLogger } from './logger';
import { runProbeChild } from './quarantineProbe';
import { parseServerArguments, SERVER_USAGE } from './serverArguments';
import { startServer } from './server';
import { resolveStateDirectory } from './stateDirectory';

/** Starts what the command line asks for. */
function main(argv: readonly string[]): void {
  const options = parseServerArguments(argv);
  if (options.print) {
    process.stdout.write(`${options.print === 'version' ? serverPackage.version : SERVER_USAGE}\n`);
    return;
  }
  if (options.probe) {
    runProbeChild();
    return;
  }
  limitHeapGrowth();
  // Anything written to stdout would corrupt the LSP stream: console output goes to stderr.
  console.log = console.error;
  console.info = console.error;
  const connection = createConnection(ProposedFeatures.all);
  const log = createLogger(connection.console);
  installProcessSafetyNets(log);
  startServer(connection, {
    stateDirectory: resolveStateDirectory(options.stateDirectory),
    probeScript: process.argv[1] ?? __filename,
    version: serverPackage.version,
  });
}

main(process.argv.slice(2));
