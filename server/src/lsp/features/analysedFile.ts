// The latest analysis of the folder holding a URI, with the conversions every feature needs (spans ↔ ranges, paths → URIs).
import type { CancellationToken, Location, Position, Range } from 'vscode-languageserver/node';
import type { DocumentStore } from '../documentStore';
import { throwIfCancelled } from '../guard';
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

/** How long a request waits for the analysis of an open document's current version before answering from an older one. */
export const CURRENT_ANALYSIS_WAIT_MS = 2000;

/** An analysed file, and whether the analysis saw the open document's current text. */
export interface CurrentAnalysedFile extends AnalysedFile {
  /** False when the document changed since the analysis and it did not catch up in time: positions may be off. */
  readonly current: boolean;
}

/**
 * {@link analysedFile} for a request on a document: when the document is open and newer than the
 * latest analysis (the user is typing), waits for the analyses that follow, so positions are read
 * against the text the client has (at most {@link CURRENT_ANALYSIS_WAIT_MS}; cancellation is honoured).
 */
export async function currentAnalysedFile(workspace: Workspace, documents: DocumentStore, uri: string, token: CancellationToken): Promise<CurrentAnalysedFile | undefined> {
  const deadline = Date.now() + CURRENT_ANALYSIS_WAIT_MS;
  for (;;) {
    const file = analysedFile(workspace, uri);
    const version = documents.get(uri)?.version;
    const analysedVersion = file?.conversion.result.input.openDocuments.get(file.repoPath)?.version;
    // Documents the analysis reads from disk (not YAML, excluded) have no analysed version to wait for.
    if (!file || version === undefined || analysedVersion === version || !file.conversion.folder.analysesBufferOf(file.repoPath)) return file ? { ...file, current: true } : undefined;
    const remaining = deadline - Date.now();
    if (remaining <= 0 || !(await file.conversion.folder.nextResult(remaining))) return { ...file, current: false };
    throwIfCancelled(token);
  }
}