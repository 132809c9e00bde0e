// Diagnostics: every file with findings gets them published, open or not; files whose findings went are cleared.
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Finding } from '../../analysis/rules/rule';
import type { AnalysisResult } from '../analysisScheduler';
import { findingToDiagnostic, LineIndexCache, repoPathToUri, type DiagnosticConversion } from '../toProtocol';
import { sameList } from '../../analysis/incremental/indexReads';

/** The diagnostics of one file from one folder's analysis. */
interface FileDiagnostics {
  readonly diagnostics: readonly Diagnostic[];
  /** The version of the open document analysed, if the file is open. */
  readonly version: number | undefined;
}

/** URIs kept at most (a repository's files with findings are far fewer). */
const MAX_KEPT_URIS = 100_000;

/** A finding's diagnostic and what making it read. */
interface ConvertedFinding {
  readonly inputs: readonly unknown[];
  readonly diagnostic: Diagnostic;
}


/** One file's findings as converted: the findings, the URI and line index used, and the diagnostics made. */
interface ConvertedFile {
  readonly findings: readonly Finding[];
  readonly uri: string;
  readonly lines: unknown;
  /** True when no finding points at another file (then the file's own URI and lines are all the conversion read). */
  readonly local: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

/** The folder a result belongs to, as the publisher needs it. */
export interface PublishingFolder {
  readonly uri: string;
  readonly folderPath: string;
}

/**
 * Publishes diagnostics and remembers what it published. Each analysis replaces its folder's set:
 * files with new or changed diagnostics are sent, files whose findings went are sent an empty
 * list, unchanged files are not sent again (so an edit sends only what it changed, plus the edited
 * document's diagnostics tagged with its new version). Nested
 * workspace folders may both report a file: their diagnostics are merged per URI.
 */
export class DiagnosticsPublisher {
  readonly #send: (params: PublishDiagnosticsParams) => void;
  readonly #byFolder = new Map<string, ReadonlyMap<string, FileDiagnostics>>();
  readonly #lastSent = new Map<string, string>();
  /** The lists last sent per URI, to skip building a fingerprint when a list is made of the same diagnostics. */
  readonly #lastSentLists = new Map<string, { readonly version: number | undefined; readonly diagnostics: readonly Diagnostic[] }>();
  /** Line indexes per folder URI, by repository path (no key is built per lookup). */
  readonly #linesByFolder = new Map<string, LineIndexCache>();
  /** Each finding's diagnostic, with what the conversion read (findings saying the same are the same objects). */
  readonly #converted = new WeakMap<Finding, ConvertedFinding>();
  /** Per folder, each file's findings as last converted (an untouched file's list is reused as it is). */
  readonly #filesByFolder = new Map<string, ReadonlyMap<string, ConvertedFile>>();
  /** URIs of repository paths, per folder path (making file URLs is slow). */
  readonly #uris = new Map<string, Map<string, string>>();
  #keptUris = 0;

  constructor(send: (params: PublishDiagnosticsParams) => void) {
    this.#send = send;
  }

  /** Publishes what changed since the folder's previous result. */
  publish(folder: PublishingFolder, result: AnalysisResult): void {
    const next = this.#diagnosticsByUri(folder, result);
    const touched = new Set([...(this.#byFolder.get(folder.uri)?.keys() ?? []), ...next.keys()]);
    this.#byFolder.set(folder.uri, next);
    this.#sendChanged(touched);
  }

  /** Clears everything a folder published (the folder was removed). */
  clearFolder(folderUri: string): void {
    const previous = this.#byFolder.get(folderUri);
    if (!previous) return;
    this.#byFolder.delete(folderUri);
    this.#filesByFolder.delete(folderUri);
    this.#linesByFolder.delete(folderUri);
    this.#sendChanged(new Set(previous.keys()));
  }

  #sendChanged(uris: ReadonlySet<string>): void {
    for (const uri of uris) {
      const diagnostics: Diagnostic[] = [];
      let version: number | undefined;
      for (const perFolder of this.#byFolder.values()) {
        const file = perFolder.get(uri);
        if (!file) continue;
        diagnostics.push(...file.diagnostics);
        version ??= file.version;
      }
      // An open document's diagnostics are sent again for each new version (the client then knows
      // they are current); other files only when their diagnostics change.
      const lastList = this.#lastSentLists.get(uri);
      if (lastList !== undefined && lastList.version === version && sameList(lastList.diagnostics, diagnostics)) continue;
      this.#lastSentLists.set(uri, { version, diagnostics });
      const fingerprint = `${version ?? ''}${JSON.stringify(diagnostics)}`;
      if ((this.#lastSent.get(uri) ?? '[]') === fingerprint) continue;
      if (fingerprint === '[]') {
        this.#lastSent.delete(uri);
        this.#lastSentLists.delete(uri);
      }
      else this.#lastSent.set(uri, fingerprint);
      this.#send(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    }
  }

  /** A finding's diagnostic: the one made before while the folder, line indexes and URIs it read are the same. */
  #diagnosticOf(folderUri: string, finding: Finding, conversion: DiagnosticConversion): Diagnostic {
    const known = this.#converted.get(finding);
    if (known !== undefined && readsAlike(known.inputs, folderUri, finding, conversion)) return known.diagnostic;
    const inputs: unknown[] = [folderUri, conversion.linesOf(finding.location.file)];
    for (const related of finding.related ?? []) inputs.push(conversion.uriOf(related.location.file), conversion.linesOf(related.location.file));
    const diagnostic = findingToDiagnostic(finding, conversion);
    this.#converted.set(finding, { inputs, diagnostic });
    return diagnostic;
  }

  #diskUri(folderPath: string, repoPath: string): string {
    let uris = this.#uris.get(folderPath);
    if (uris === undefined) this.#uris.set(folderPath, (uris = new Map()));
    let uri = uris.get(repoPath);
    if (uri === undefined) {
      if (this.#keptUris > MAX_KEPT_URIS) {
        uris.clear();
        this.#uris.clear();
        this.#uris.set(folderPath, uris);
        this.#keptUris = 0;
      }
      uris.set(repoPath, (uri = repoPathToUri(folderPath, repoPath)));
      this.#keptUris++;
    }
    return uri;
  }

  #diagnosticsByUri(folder: PublishingFolder, result: AnalysisResult): Map<string, FileDiagnostics> {
    const { index } = result.analysis;
    // Each file's URI and line index once per analysis, however many findings point at it.
    const uris = new Map<string, string>();
    const lines = new Map<string, ReturnType<DiagnosticConversion['linesOf']>>();
    let folderLines = this.#linesByFolder.get(folder.uri);
    if (folderLines === undefined) this.#linesByFolder.set(folder.uri, (folderLines = new LineIndexCache()));
    const lineIndexes = folderLines;
    const uriOf = (repoPath: string): string => {
      let uri = uris.get(repoPath);
      if (uri === undefined) uris.set(repoPath, (uri = result.input.openDocuments.get(repoPath)?.uri ?? this.#diskUri(folder.folderPath, repoPath)));
      return uri;
    };
    const conversion: DiagnosticConversion = {
      uriOf,
      linesOf: (repoPath) => {
        if (lines.has(repoPath)) return lines.get(repoPath);
        const text = index.text(repoPath);
        const found = text === undefined ? undefined : lineIndexes.get(repoPath, text);
        lines.set(repoPath, found);
        return found;
      },
    };
    const byFile = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const list = byFile.get(finding.location.file);
      if (list) list.push(finding);
      else byFile.set(finding.location.file, [finding]);
    }
    const byUri = new Map<string, FileDiagnostics>();
    const files = new Map<string, ConvertedFile>();
    const previousFiles = this.#filesByFolder.get(folder.uri);
    for (const [repoPath, findings] of byFile) {
      const uri = uriOf(repoPath);
      const fileLines = conversion.linesOf(repoPath);
      // The same findings (none pointing elsewhere) on the same lines under the same URI: the same diagnostics.
      const previous = previousFiles?.get(repoPath);
      const diagnostics =
        previous !== undefined && previous.uri === uri && previous.lines === fileLines && previous.local && sameList(previous.findings, findings)
          ? previous.diagnostics
          : findings.map((finding) => this.#diagnosticOf(folder.uri, finding, conversion));
      files.set(repoPath, { findings, uri, lines: fileLines, local: findings.every((finding) => (finding.related ?? []).length === 0), diagnostics });
      byUri.set(uri, { diagnostics, version: result.input.openDocuments.get(repoPath)?.version });
    }
    this.#filesByFolder.set(folder.uri, files);
    // Open documents without findings are published too (empty, with their version): the client
    // learns that the version it has was analysed.
    for (const document of result.input.openDocuments.values()) {
      if (!byUri.has(document.uri)) byUri.set(document.uri, { diagnostics: [], version: document.version });
    }
    lineIndexes.retain((repoPath) => index.file(repoPath) !== undefined);
    return byUri;
  }
}

/**
 * True when converting `finding` again would read what `inputs` recorded (see `#diagnosticOf`): the folder, the line
 * index of its file, and the URI and line index of each related place's file. Compares as it reads, with no list made.
 */
function readsAlike(inputs: readonly unknown[], folderUri: string, finding: Finding, conversion: DiagnosticConversion): boolean {
  const related = finding.related ?? [];
  if (inputs.length !== 2 + 2 * related.length || inputs[0] !== folderUri || inputs[1] !== conversion.linesOf(finding.location.file)) return false;
  for (let position = 0; position < related.length; position++) {
    const file = (related[position] as NonNullable<Finding['related']>[number]).location.file;
    if (inputs[2 + 2 * position] !== conversion.uriOf(file) || inputs[3 + 2 * position] !== conversion.linesOf(file)) return false;
  }
  return true;
}
