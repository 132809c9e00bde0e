// Where things are in examples/homelab, the folder the end-to-end run opens, for the suites that open files and compare names.
import * as vscode from 'vscode';

/** The opened workspace folder (fails when none is open). */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no folder is open');
  return folder;
}

/** A file of the example by its repository path. */
export function exampleFile(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...path.split('/'));
}

/** The Application with a dependent (volsync needs its VolumeSnapshotClass CRD) and an error on its name (duplicate name). */
export const SNAPSHOT_CONTROLLER_APP = 'infrastructure/controllers/argocd/apps/snapshot-controller.yaml';
/** The Application without a sync-wave annotation among ordered siblings (waves/missing-wave-annotation). */
export const METRICS_SERVER_APP = 'infrastructure/controllers/argocd/apps/metrics-server.yaml';

/** The position of the first occurrence of `needle` in a document, `offset` characters into it. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(needle);
  if (index < 0) throw new Error(`${needle} is not in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

/** Our diagnostics of one rule in a file. */
export function diagnosticsOf(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'gitops-waves' && (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code)) === ruleId);
}
