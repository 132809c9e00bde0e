// The diagnostics publisher reuses a file's diagnostics only while what they were made from is the same (findings, texts, URIs), and looks at nothing else.
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../server/src/analysis/rules/rule';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { DiagnosticsPublisher } from '../../../server/src/lsp/features/diagnostics';
import type { AnalysedDocument, AnalysisResult } from '../../../server/src/lsp/analysisScheduler';

const FOLDER = { uri: 'file:///repo', folderPath: '/repo' };
const WEB_URI = 'file:///repo/apps/web.yaml';

/** One finding in `apps/web.yaml` whose related place is in `platform/storage.yaml` at `relatedStart`. */
function finding(relatedStart: number, file = 'apps/web.yaml'): Finding {
  return {
    ruleId: 'waves/dependency-not-ordered',
    severity: 'error',
    message: 'web needs storage',
    location: { file, span: { start: 0, end: 3 } },
    related: [{ message: 'storage provides it', location: { file: 'platform/storage.yaml', span: { start: relatedStart, end: relatedStart + 4 } } }],
  } as unknown as Finding;
}

/** A result's index: the snapshot's texts, counting the paths read through it. */
function countingIndex(texts: Record<string, string>, reads: string[]): unknown {
  const snapshot = snapshotFromTexts(texts);
  const file = (path: string): unknown => {
    reads.push(path);
    return snapshot.files.get(path);
  };
  return { snapshot, file, text: (path: string) => (file(path) === undefined ? undefined : texts[path]) };
}

/** An analysis result the publisher reads: the texts of the files (through the index), the open documents, the findings. */
function result(texts: Record<string, string>, findings: readonly Finding[], reads: string[] = [], open: Record<string, AnalysedDocument> = {}): AnalysisResult {
  return { analysis: { index: countingIndex(texts, reads) }, input: { openDocuments: new Map(Object.entries(open)) }, findings } as unknown as AnalysisResult;
}

/** The related place's range in each published list of `apps/web.yaml`. */
function relatedRanges(sent: readonly PublishDiagnosticsParams[]): string[] {
  return sent
    .filter((params) => params.uri === WEB_URI)
    .map((params) => {
      const range = params.diagnostics[0]?.relatedInformation?.[0]?.location.range;
      return range === undefined ? 'none' : `${range.start.line}:${range.start.character}`;
    });
}

/** What was sent, one line per publication: URI tail, version if any, diagnostic count. */
function summary(sent: readonly PublishDiagnosticsParams[]): string[] {
  return sent.map((params) => `${params.uri.replace('file:///repo/', '')}${params.version === undefined ? '' : ` v${params.version}`}: ${params.diagnostics.length}`);
}

const STORAGE = 'a: 1\nb: 2\nstorage: 3\n';

describe('DiagnosticsPublisher', () => {
  it("converts a kept finding again when its related file's lines changed, and sends nothing when nothing did", () => {
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher((params) => sent.push(params));
    const kept = finding(10);
    const web = 'web: 1\n';
    publisher.publish(FOLDER, result({ 'apps/web.yaml': web, 'platform/storage.yaml': STORAGE }, [kept]));
    // The same finding object, the related file unchanged: the same diagnostics, not sent again.
    publisher.publish(FOLDER, result({ 'apps/web.yaml': web, 'platform/storage.yaml': STORAGE }, [kept]));
    // The same finding object (its span is an offset), but the related file's first line grew: offset 10 is elsewhere.
    publisher.publish(FOLDER, result({ 'apps/web.yaml': web, 'platform/storage.yaml': 'a: 100\nb: 2\nstorage: 3\n' }, [kept]));
    expect(relatedRanges(sent)).toEqual(['2:0', '1:3']);
  });

  it('with the very same list of findings, converts again only the files that read a changed file', () => {
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher((params) => sent.push(params));
    const web = finding(10);
    const api = { ...finding(10, 'apps/api.yaml'), related: [] } as unknown as Finding;
    const findings = [api, web];
    const texts = { 'apps/web.yaml': 'web: 1\n', 'apps/api.yaml': 'api: 1\n', 'platform/storage.yaml': STORAGE };
    publisher.publish(FOLDER, result(texts, findings));
    const reads: string[] = [];
    // The related file of web's finding changed: web's diagnostics follow, api's file is not looked at.
    publisher.publish(FOLDER, result({ ...texts, 'platform/storage.yaml': 'a: 100\nb: 2\nstorage: 3\n' }, findings, reads));
    expect(relatedRanges(sent)).toEqual(['2:0', '1:3']);
    expect(reads.filter((path) => path === 'apps/api.yaml')).toEqual([]);
    // Nothing changed: nothing read, nothing sent.
    const before = sent.length;
    const none: string[] = [];
    publisher.publish(FOLDER, result({ ...texts, 'platform/storage.yaml': 'a: 100\nb: 2\nstorage: 3\n' }, findings, none));
    expect(none).toEqual([]);
    expect(sent.length).toBe(before);
  });

  it('reads no file for an untouched file whose findings are the same objects', () => {
    const publisher = new DiagnosticsPublisher(() => undefined);
    const kept = finding(10);
    const texts = { 'apps/web.yaml': 'web: 1\n', 'platform/storage.yaml': STORAGE, 'apps/other.yaml': 'other: 1\n' };
    publisher.publish(FOLDER, result(texts, [kept]));
    const reads: string[] = [];
    // Another file's text changed; the file with findings and its related file did not.
    publisher.publish(FOLDER, result({ ...texts, 'apps/other.yaml': 'other: 2\n' }, [kept], reads));
    expect(reads).toEqual(['apps/other.yaml']);
  });

  it('clears a file whose findings went and sends a file whose findings came', () => {
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher((params) => sent.push(params));
    const texts = { 'apps/web.yaml': 'web: 1\n', 'apps/api.yaml': 'api: 1\n', 'platform/storage.yaml': STORAGE };
    const web = finding(10);
    const api = finding(10, 'apps/api.yaml');
    publisher.publish(FOLDER, result(texts, [web]));
    publisher.publish(FOLDER, result(texts, [api, web]));
    publisher.publish(FOLDER, result(texts, [api]));
    publisher.publish(FOLDER, result(texts, []));
    expect(summary(sent)).toEqual(['apps/web.yaml: 1', 'apps/api.yaml: 1', 'apps/web.yaml: 0', 'apps/api.yaml: 0']);
  });

  it("sends an open document's list again for each version, empty when it has no findings, and under the client's URI", () => {
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher((params) => sent.push(params));
    const texts = { 'apps/web.yaml': 'web: 1\n', 'platform/storage.yaml': STORAGE };
    const kept = finding(10);
    const clientUri = 'file:///repo/apps/web.yaml?client';
    publisher.publish(FOLDER, result(texts, [kept]));
    // Opened: the same findings, now under the client's URI with its version (the disk URI's list is cleared).
    publisher.publish(FOLDER, result(texts, [kept], [], { 'apps/web.yaml': { uri: clientUri, version: 1 } }));
    // A new version with the same text and findings: sent again for that version.
    publisher.publish(FOLDER, result(texts, [kept], [], { 'apps/web.yaml': { uri: clientUri, version: 2 } }));
    // Its findings went while open: an empty list for version 3.
    publisher.publish(FOLDER, result(texts, [], [], { 'apps/web.yaml': { uri: clientUri, version: 3 } }));
    // Closed without findings: the client's URI gets an unversioned empty list (it no longer names an open version).
    publisher.publish(FOLDER, result(texts, []));
    // An open document without findings gets an empty list with its version.
    const storage = { uri: 'file:///repo/platform/storage.yaml', version: 7 };
    publisher.publish(FOLDER, result(texts, [], [], { 'platform/storage.yaml': storage }));
    // Still open at the same version: nothing to send; at the next version, its empty list again.
    publisher.publish(FOLDER, result(texts, [], [], { 'platform/storage.yaml': storage }));
    publisher.publish(FOLDER, result(texts, [], [], { 'platform/storage.yaml': { ...storage, version: 8 } }));
    expect(summary(sent).map((line) => line.replace('?client', ' (client)'))).toEqual([
      'apps/web.yaml: 1',
      'apps/web.yaml: 0',
      'apps/web.yaml (client) v1: 1',
      'apps/web.yaml (client) v2: 1',
      'apps/web.yaml (client) v3: 0',
      'apps/web.yaml (client): 0',
      'platform/storage.yaml v7: 0',
      'platform/storage.yaml v8: 0',
    ]);
  });

  it('clears what a removed folder published', () => {
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher((params) => sent.push(params));
    publisher.publish(FOLDER, result({ 'apps/web.yaml': 'web: 1\n', 'platform/storage.yaml': STORAGE }, [finding(10)]));
    publisher.clearFolder(FOLDER.uri);
    expect(summary(sent)).toEqual(['apps/web.yaml: 1', 'apps/web.yaml: 0']);
  });
});
