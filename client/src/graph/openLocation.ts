// Opens a location the server sent (a file and range): only file: and untitled: URIs, so a crafted URI cannot run anything.
import * as vscode from 'vscode';
import type { WireLocation } from '../../../server/src/lsp/protocol';

const OPENABLE_SCHEMES = new Set(['file', 'untitled']);

/** Opens the file at the range (selected); returns false, opening nothing, for a URI of another scheme. */
export async function openLocation(location: WireLocation, viewColumn: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<boolean> {
  const uri = vscode.Uri.parse(location.uri, true);
  if (!OPENABLE_SCHEMES.has(uri.scheme)) return false;
  const { start, end } = location.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(uri, { selection, viewColumn, preview: true });
  return true;
}
