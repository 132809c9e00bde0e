// Conversions from LSP shapes to the core's: URIs to file-system and repository paths, positions to offsets.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from 'vscode-languageserver/node';
import { LineIndex } from '../analysis/text/lineIndex';

/** The file-system path of a `file:` URI; undefined for other schemes (`untitled:`, `git:`…) and malformed URIs. */
export function uriToFilePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/**
 * The repository-relative, `/`-separated path of `filePath` inside the folder `folderPath`
 * (`''` for the folder itself); undefined when the file is outside it.
 */
export function filePathToRepoPath(folderPath: string, filePath: string): string | undefined {
  const relative = path.relative(folderPath, filePath);
  if (relative === '') return '';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** The offset (UTF-16 code units) of an LSP position in a text, clamped to the text as LSP asks. */
export function positionToOffset(text: string, position: Position): number {
  return new LineIndex(text).offset({ line: position.line, column: position.character });
}
