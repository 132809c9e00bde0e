// Diagnostics: every file with findings gets them published, open or not; files whose findings went are cleared.
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { Finding } from '../../analysis/rules/rule';
import type { RepoSnapshot } from '../../analysis/snapshot';
import { snapshotChanges } from '../../analysis/incremental/snapshotChanges';
import { sameList } from '../../analysis/incremental/indexReads';
import type { AnalysedDocument, AnalysisResult } from '../analysisScheduler';
import { findingToDiagnostic, LineIndexCache, repoPathToUri, type DiagnosticConversion } from '../toProtocol';

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

/** One file's findings as converted, and what the conversion read. */
interface ConvertedFile {
  readonly findings: readonly Finding[];
  readonly uri: string;
  /** The repository paths whose lines or URI the conversion read: the file's own and its findings' related places'. */
  readonly reads: readonly string[];
  readonly entry: FileDiagnostics;
}

/** What a folder's last publication was made from and what it published. */
interface PublishedFolder {
  /** The analysed index's snapshot (the texts line positions were read from). */
  readonly snapshot: RepoSnapshot;
  readonly openDocuments: ReadonlyMap<string, AnalysedDocument>;
  /** The findings published (the analysis's list: kept as it is when nothing changed). */
  readonly findings: readonly Finding[];
  /** Each file with findings, by repository path. */
  readonly files: ReadonlyMap<string, ConvertedFile>;
  /** What the folder publishes, by URI: the files with findings and the open documents without any (an empty list). */
  readonly byUri: Map<string, FileDiagnostics>;
  /** Open documents without findings, by repository path, with the URI their empty list is published under. */
  readonly emptyOpen: ReadonlyMap<string, string>;
  readonly lines: LineIndexCache;
}

/** The folder a result belongs to, as the publisher needs it. */
export interface PublishingFolder {
  readonly uri: string;
  readonly folderPath: string;
}

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];

/**
 * Publishes diagnostics and remembers what it published. Each analysis replaces its folder's set:
 * files with new or changed diagnostics are sent, files whose findings went are sent an empty
 * list, unchanged files are not sent again (so an edit sends only what it changed, plus the edited
 * document's diagnostics tagged with its new version). The work follows the change: a file whose
 * findings are the same objects as before, and none of whose read files (its own, its related
 * places') changed text or URI since the folder's last publication, keeps its diagnostics unlooked-at.
 * Nested workspace folders may both report a file: their diagnostics are merged per URI.
 */
export class DiagnosticsPublisher {
  readonly #send: (params: PublishDiagnosticsParams) => void;
  readonly #folders = new Map<string, PublishedFolder>();
  readonly #lastSent = new Map<string, string>();
  /** The lists last sent per URI, to skip building a fingerprint when a list is made of the same diagnostics. */
  readonly #lastSentLists = new Map<string, { readonly version: number | undefined; readonly diagnostics: readonly Diagnostic[] }>();
  /** Each finding's diagnostic, with what the conversion read (findings saying the same are the same objects). */
  readonly #converted = new WeakMap<Finding, ConvertedFinding>();
  /** URIs of repository paths, per folder path (making file URLs is slow). */
  readonly #uris = new Map<string, Map<string, string>>();
  #keptUris = 0;

  constructor(send: (params: PublishDiagnosticsParams) => void) {
    this.#send = send;
  }

  /** Publishes what changed since the folder's previous result. */
  publish(folder: PublishingFolder, result: AnalysisResult): void {
    const touched = new Set<string>();
    this.#folders.set(folder.uri, this.#follow(folder, result, this.#folders.get(folder.uri), touched));
    this.#sendChanged(touched);
  }

  /** Clears everything a folder published (the folder was removed). */
  clearFolder(folderUri: string): void {
    const previous = this.#folders.get(folderUri);
    if (!previous) return;
    this.#folders.delete(folderUri);
    this.#sendChanged(new Set(previous.byUri.keys()));
  }

  #sendChanged(uris: ReadonlySet<string>): void {
    for (const uri of uris) {
      const diagnostics: Diagnostic[] = [];
      let version: number | undefined;
      for (const published of this.#folders.values()) {
        const file = published.byUri.get(uri);
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

  /**
   * The folder's publication after `result`, made from `previous` where nothing it read changed;
   * every URI whose entry changed (or went) is added to `touched`.
   */
  #follow(folder: PublishingFolder, result: AnalysisResult, previous: PublishedFolder | undefined, touched: Set<string>): PublishedFolder {
    const { index } = result.analysis;
    const { openDocuments } = result.input;
    // Undefined (nothing to follow): every file is converted.
    const changed = previous === undefined ? undefined : changedSince(previous, index.snapshot, openDocuments);
    const lineIndexes = previous?.lines ?? new LineIndexCache();
    const conversion = this.#conversion(folder, result, lineIndexes);
    const byUri = previous?.byUri ?? new Map<string, FileDiagnostics>();
    const { findings } = result;
    const convert = (repoPath: string, fileFindings: readonly Finding[], kept: ConvertedFile | undefined): ConvertedFile => {
      const file = this.#convertFile(folder.uri, fileFindings, repoPath, openDocuments, conversion);
      if (kept !== undefined && kept.uri !== file.uri) {
        if (byUri.get(kept.uri) === kept.entry) byUri.delete(kept.uri);
        touched.add(kept.uri);
      }
      byUri.set(file.uri, file.entry);
      touched.add(file.uri);
      return file;
    };
    let files: ReadonlyMap<string, ConvertedFile>;
    if (previous !== undefined && changed !== undefined && findings === previous.findings) {
      // The same list of findings (the analysis kept it): only the files that read a changed path are converted again.
      files = previous.files;
      let followed: Map<string, ConvertedFile> | undefined;
      for (const path of changed) {
        for (const repoPath of readersOf(previous).get(path) ?? []) {
          const kept = previous.files.get(repoPath) as ConvertedFile;
          // Converted already (it read another changed path too).
          if (followed !== undefined && followed.get(repoPath) !== kept) continue;
          followed ??= new Map(previous.files);
          followed.set(repoPath, convert(repoPath, kept.findings, kept));
        }
      }
      if (followed !== undefined) files = followed;
    } else {
      const made = new Map<string, ConvertedFile>();
      for (let start = 0; start < findings.length; ) {
        const repoPath = (findings[start] as Finding).location.file;
        let end = start + 1;
        while (end < findings.length && (findings[end] as Finding).location.file === repoPath) end++;
        const kept = previous?.files.get(repoPath);
        if (kept !== undefined && changed !== undefined && sameRun(kept.findings, findings, start, end) && !kept.reads.some((path) => changed.has(path))) {
          made.set(repoPath, kept);
        } else {
          made.set(repoPath, convert(repoPath, findings.slice(start, end), kept));
        }
        start = end;
      }
      for (const [repoPath, file] of previous?.files ?? []) {
        if (made.get(repoPath)?.uri === file.uri) continue;
        if (byUri.get(file.uri) === file.entry) byUri.delete(file.uri);
        touched.add(file.uri);
      }
      files = made;
    }
    // Open documents without findings are published too (empty, with their version): the client
    // learns that the version it has was analysed.
    const emptyOpen = new Map<string, string>();
    for (const [repoPath, document] of openDocuments) {
      if (files.has(repoPath)) continue;
      emptyOpen.set(repoPath, document.uri);
      const entry = byUri.get(document.uri);
      if (entry?.version === document.version && entry.diagnostics.length === 0) continue;
      byUri.set(document.uri, { diagnostics: NO_DIAGNOSTICS, version: document.version });
      touched.add(document.uri);
    }
    for (const [repoPath, uri] of previous?.emptyOpen ?? []) {
      if (emptyOpen.get(repoPath) === uri || files.get(repoPath)?.uri === uri) continue;
      byUri.delete(uri);
      touched.add(uri);
    }
    if (changed === undefined) lineIndexes.retain((repoPath) => index.file(repoPath) !== undefined);
    else for (const repoPath of changed) if (index.file(repoPath) === undefined) lineIndexes.forget(repoPath);
    return { snapshot: index.snapshot, openDocuments, findings, files, byUri, emptyOpen, lines: lineIndexes };
  }

  #convertFile(
    folderUri: string,
    findings: readonly Finding[],
    repoPath: string,
    openDocuments: ReadonlyMap<string, AnalysedDocument>,
    conversion: DiagnosticConversion,
  ): ConvertedFile {
    const reads = new Set([repoPath]);
    for (const finding of findings) for (const related of finding.related ?? []) reads.add(related.location.file);
    const diagnostics = findings.map((finding) => this.#diagnosticOf(folderUri, finding, conversion));
    return { findings, uri: conversion.uriOf(repoPath), reads: [...reads], entry: { diagnostics, version: openDocuments.get(repoPath)?.version } };
  }

  /** How this result's findings become diagnostics: each file's URI and line index looked up once per publication. */
  #conversion(folder: PublishingFolder, result: AnalysisResult, lineIndexes: LineIndexCache): DiagnosticConversion {
    const { index } = result.analysis;
    const uris = new Map<string, string>();
    const lines = new Map<string, ReturnType<DiagnosticConversion['linesOf']>>();
    return {
      uriOf: (repoPath) => {
        let uri = uris.get(repoPath);
        if (uri === undefined) uris.set(repoPath, (uri = result.input.openDocuments.get(repoPath)?.uri ?? this.#diskUri(folder.folderPath, repoPath)));
        return uri;
      },
      linesOf: (repoPath) => {
        if (lines.has(repoPath)) return lines.get(repoPath);
        const text = index.text(repoPath);
        const found = text === undefined ? undefined : lineIndexes.get(repoPath, text);
        lines.set(repoPath, found);
        return found;
      },
    };
  }
}

/**
 * The repository paths whose text (in the analysed snapshot), URI (open or not, the client's URI) or open
 * document version may differ from the folder's last publication. Between overlays of one base this costs the open documents.
 */
function changedSince(previous: PublishedFolder, snapshot: RepoSnapshot, openDocuments: ReadonlyMap<string, AnalysedDocument>): ReadonlySet<string> {
  const changed = new Set(previous.snapshot === snapshot ? [] : snapshotChanges(previous.snapshot, snapshot).files);
  for (const [repoPath, document] of openDocuments) {
    const before = previous.openDocuments.get(repoPath);
    // A new version is published again even when its text is the same (the client waits for that version's list).
    if (before?.uri !== document.uri || before.version !== document.version) changed.add(repoPath);
  }
  for (const [repoPath, document] of previous.openDocuments) if (openDocuments.get(repoPath)?.uri !== document.uri) changed.add(repoPath);
  return changed;
}

/** Per map of converted files: the files whose conversion read each path (made when first needed). */
const readersByFiles = new WeakMap<ReadonlyMap<string, ConvertedFile>, ReadonlyMap<string, readonly string[]>>();

function readersOf(published: PublishedFolder): ReadonlyMap<string, readonly string[]> {
  let readers = readersByFiles.get(published.files) as Map<string, string[]> | undefined;
  if (readers === undefined) {
    readers = new Map();
    for (const [repoPath, file] of published.files) {
      for (const path of file.reads) {
        const list = readers.get(path);
        if (list === undefined) readers.set(path, [repoPath]);
        else list.push(repoPath);
      }
    }
    readersByFiles.set(published.files, readers);
  }
  return readers;
}

/** True when `run` holds the same finding objects as `findings` from `start` to `end`. */
function sameRun(run: readonly Finding[], findings: readonly Finding[], start: number, end: number): boolean {
  if (run.length !== end - start) return false;
  for (let position = 0; position < run.length; position++) if (run[position] !== findings[start + position]) return false;
  return true;
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
