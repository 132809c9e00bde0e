// Counts for the status bar: Applications from the server's wave graphs, errors from the published diagnostics.
import * as vscode from 'vscode';
import type { GraphResult } from '../../../server/src/lsp/protocol';
import type { StatusCounts } from '../statusBar';

/** The server's diagnostic `source`. */
export const DIAGNOSTIC_SOURCE = 'gitops-waves';

/** Applications in every folder's graph, and our error diagnostics anywhere. */
export function statusCounts(graph: GraphResult): StatusCounts {
  const applications = graph.folders.reduce((total, folder) => total + folder.nodes.filter((node) => node.kind === 'Application').length, 0);
  let errors = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    errors += diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.severity === vscode.DiagnosticSeverity.Error).length;
  }
  return { applications, errors };
}
