// Diagnostics: every file with findings gets them published, open or not; files whose findings went are cleared.
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Finding } from '../../analysis/rules/rule';
import type { AnalysisResult } from '../analysisScheduler';
import { findingToDiagnostic, LineIndexCache, repoPathToUri, type DiagnosticConversion } from '../toProtocol';

/** The diagnostics of one file from one folder's analysis. */
interface FileDiagnostics {
  readonly diagnostics: readonly Diagnostic[];
  /** The version of the open document analysed, if the file is open. */
  readonly version: number | undefined;
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
  readonly #lines = new LineIndexCache();

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
      const fingerprint = `${version ?? ''}${JSON.stringify(diagnostics)}`;
      if ((this.#lastSent.get(uri) ?? '[]') === fingerprint) continue;
      if (fingerprint === '[]') this.#lastSent.delete(uri);
      else this.#lastSent.set(uri, fingerprint);
      this.#send(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    }
  }

  #diagnosticsByUri(folder: PublishingFolder, result: AnalysisResult): Map<string, FileDiagnostics> {
    const { index } = result.analysis;
    const uriOf = (repoPath: string): string => result.input.openDocuments.get(repoPath)?.uri ?? repoPathToUri(folder.folderPath, repoPath);
    const conversion: DiagnosticConversion = {
      uriOf,
      linesOf: (repoPath) => {
        const text = index.text(repoPath);
        return text === undefined ? undefined : this.#lines.get(`${folder.uri}\u0000${repoPath}`, text);
      },
    };
    const byFile = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const list = byFile.get(finding.location.file);
      if (list) list.push(finding);
      else byFile.set(finding.location.file, [finding]);
    }
    const byUri = new Map<string, FileDiagnostics>();
    for (const [repoPath, findings] of byFile) {
      byUri.set(uriOf(repoPath), {
        diagnostics: findings.map((finding) => findingToDiagnostic(finding, conversion)),
        version: result.input.openDocuments.get(repoPath)?.version,
      });
    }
    // Open documents without findings are published too (empty, with their version): the client
    // learns that the version it has was analysed.
    for (const document of result.input.openDocuments.values()) {
      if (!byUri.has(document.uri)) byUri.set(document.uri, { diagnostics: [], version: document.version });
    }
    const prefix = `${folder.uri}\u0000`;
    this.#lines.retain((key) => !key.startsWith(prefix) || index.file(key.slice(prefix.length)) !== undefined);
    return byUri;
  }
}
