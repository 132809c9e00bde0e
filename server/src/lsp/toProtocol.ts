// Conversions from the core's shapes to LSP: spans to 0-based UTF-16 ranges, repository paths to URIs, findings to diagnostics.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node';
import { ruleDocsUrl } from '../analysis/rules/docsUrl';
import type { Finding, Severity } from '../analysis/rules/rule';
import { LineIndex } from '../analysis/text/lineIndex';
import type { Span } from '../analysis/text/span';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'gitops-waves';

const SEVERITY_TO_PROTOCOL: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The LSP severity of a finding's severity. */
export function severityToProtocol(severity: Severity): DiagnosticSeverity {
  return SEVERITY_TO_PROTOCOL[severity];
}

/**
 * Line indexes of file texts, rebuilt only when a file's text changes (same string object or equal
 * text: kept). Positions are 0-based lines and UTF-16 columns, LSP's default encoding, which is
 * also how the core counts offsets.
 */
export class LineIndexCache {
  readonly #entries = new Map<string, { readonly text: string; readonly lines: LineIndex }>();

  /** The line index of a text, by the path it belongs to. */
  get(key: string, text: string): LineIndex {
    const entry = this.#entries.get(key);
    if (entry?.text === text) return entry.lines;
    const lines = new LineIndex(text);
    this.#entries.set(key, { text, lines });
    return lines;
  }

  /** Forgets a path's line index. */
  forget(key: string): void {
    this.#entries.delete(key);
  }

  /** Forgets paths for which `keep` is false. */
  retain(keep: (key: string) => boolean): void {
    for (const key of [...this.#entries.keys()]) if (!keep(key)) this.#entries.delete(key);
  }
}

/** The LSP range of a span in a text (clamped to the text); text undefined (a skipped file) gives 0:0. */
export function spanToRange(lines: LineIndex | undefined, span: Span): Range {
  if (!lines) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const start = lines.position(span.start);
  const end = lines.position(Math.max(span.start, span.end));
  return { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } };
}

/** The `file:` URI of a repository path inside a workspace folder. */
export function repoPathToUri(folderPath: string, repoPath: string): string {
  return pathToFileURL(repoPath === '' ? folderPath : path.join(folderPath, ...repoPath.split('/'))).href;
}

/** How {@link findingToDiagnostic} reaches texts and URIs of the analysed snapshot. */
export interface DiagnosticConversion {
  /** The line index of a repository file, if it has text in the analysed snapshot. */
  readonly linesOf: (repoPath: string) => LineIndex | undefined;
  /** The URI to use for a repository path (the client's own URI for open documents). */
  readonly uriOf: (repoPath: string) => string;
}

/**
 * A finding as an LSP diagnostic: `code` is the rule id, `codeDescription.href` its doc page, and
 * each related location (the other side of a dependency, a duplicate…) becomes related information.
 */
export function findingToDiagnostic(finding: Finding, conversion: DiagnosticConversion): Diagnostic {
  const diagnostic: Diagnostic = {
    range: spanToRange(conversion.linesOf(finding.location.file), finding.location.span),
    severity: severityToProtocol(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related): DiagnosticRelatedInformation => ({
        location: { uri: conversion.uriOf(related.location.file), range: spanToRange(conversion.linesOf(related.location.file), related.location.span) },
        message: related.message,
      }),
    );
  }
  return diagnostic;
}
