// The latest analysis of the folder holding a URI, with the conversions every feature needs (spans ↔ ranges, paths → URIs).
import type { Location, Position, Range } from 'vscode-languageserver/node';
import type { Analysis } from '../../analysis/analyze';
import { LineIndex } from '../../analysis/text/lineIndex';
import type { SourceLocation, Span } from '../../analysis/text/span';
import type { AnalysisResult } from '../analysisScheduler';
import type { RepositoryFolder } from '../repositoryFolder';
import { repoPathToUri, spanToRange } from '../toProtocol';
import type { Workspace } from '../workspace';

/** Conversions between one folder's analysis and LSP shapes. */
export class AnalysisConversion {
  readonly folder: RepositoryFolder;
  readonly result: AnalysisResult;
  readonly #lines = new Map<string, LineIndex | undefined>();

  constructor(folder: RepositoryFolder, result: AnalysisResult) {
    this.folder = folder;
    this.result = result;
  }

  get analysis(): Analysis {
    return this.result.analysis;
  }

  /** The URI of a repository path: the client's own URI for an open document. */
  uriOf(repoPath: string): string {
    return this.result.input.openDocuments.get(repoPath)?.uri ?? repoPathToUri(this.folder.folderPath, repoPath);
  }

  /** The LSP range of a span of a repository file (as analysed). */
  range(repoPath: string, span: Span): Range {
    return spanToRange(this.lines(repoPath), span);
  }

  /** The LSP location of a core location. */
  location(location: SourceLocation): Location {
    return { uri: this.uriOf(location.file), range: this.range(location.file, location.span) };
  }

  /** The offset of an LSP position in the analysed text of a file (clamped), or undefined when the file has no text. */
  offset(repoPath: string, position: Position): number | undefined {
    const lines = this.lines(repoPath);
    return lines?.offset({ line: position.line, column: position.character });
  }

  /** The line index of a repository file's analysed text (built once per analysis), undefined when it has none. */
  lines(repoPath: string): LineIndex | undefined {
    if (!this.#lines.has(repoPath)) {
      const text = this.result.analysis.index.text(repoPath);
      this.#lines.set(repoPath, text === undefined ? undefined : new LineIndex(text));
    }
    return this.#lines.get(repoPath);
  }
}

/** A document's folder analysis and its repository path; undefined outside every folder or before the first analysis. */
export interface AnalysedFile {
  readonly conversion: AnalysisConversion;
  readonly repoPath: string;
}

/** Conversions kept per analysis result, so repeated requests (hovers) reuse line indexes. */
const CONVERSIONS = new WeakMap<AnalysisResult, AnalysisConversion>();

/** The conversion of a folder's latest analysis (shared by the requests on that analysis). */
export function conversionOf(folder: RepositoryFolder): AnalysisConversion | undefined {
  const result = folder.latest;
  if (!result) return undefined;
  let conversion = CONVERSIONS.get(result);
  if (!conversion) {
    conversion = new AnalysisConversion(folder, result);
    CONVERSIONS.set(result, conversion);
  }
  return conversion;
}

/** The latest analysis of the folder holding `uri`, and the file's repository path in it. */
export function analysedFile(workspace: Workspace, uri: string): AnalysedFile | undefined {
  const located = workspace.locate(uri);
  if (!located) return undefined;
  const conversion = conversionOf(located.folder);
  return conversion ? { conversion, repoPath: located.repoPath } : undefined;
}
