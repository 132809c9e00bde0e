// The diagnostics publisher reuses a finding's conversion only while what it read is the same: the related file's lines and URI too.
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../server/src/analysis/rules/rule';
import { DiagnosticsPublisher } from '../../../server/src/lsp/features/diagnostics';
import type { AnalysisResult } from '../../../server/src/lsp/analysisScheduler';

const FOLDER = { uri: 'file:///repo', folderPath: '/repo' };

/** One finding in `apps/web.yaml` whose related place is in `platform/storage.yaml` at `relatedStart`. */
function finding(relatedStart: number): Finding {
  return {
    ruleId: 'waves/dependency-not-ordered',
    severity: 'error',
    message: 'web needs storage',
    location: { file: 'apps/web.yaml', span: { start: 0, end: 3 } },
    related: [{ message: 'storage provides it', location: { file: 'platform/storage.yaml', span: { start: relatedStart, end: relatedStart + 4 } } }],
  } as unknown as Finding;
}

/** An analysis result the publisher reads: the texts of the files (through the index), no open document, the findings. */
function result(texts: Record<string, string>, findings: readonly Finding[]): AnalysisResult {
  const index = { text: (path: string) => texts[path], file: (path: string) => (texts[path] === undefined ? undefined : { kind: 'text', text: texts[path] }) };
  return { analysis: { index }, input: { openDocuments: new Map() }, findings } as unknown as AnalysisResult;
}

/** The related place's range in each published list of `apps/web.yaml`. */
function relatedRanges(sent: readonly PublishDiagnosticsParams[]): string[] {
  return sent
    .filter((params) => params.uri === 'file:///repo/apps/web.yaml')
    .map((params) => {
      const range = params.diagnostics[0]?.relatedInformation?.[0]?.location.range;
      return range === undefined ? 'none' : `${range.start.line}:${range.start.character}`;
    });
}

describe('DiagnosticsPublisher', () => {
  it("converts a kept finding again when its related file's lines changed, and sends nothing when nothing did", () => {
    const sent: PublishDiagnosticsParams[] = [];
    const publisher = new DiagnosticsPublisher((params) => sent.push(params));
    const kept = finding(10);
    const web = 'web: 1\n';
    publisher.publish(FOLDER, result({ 'apps/web.yaml': web, 'platform/storage.yaml': 'a: 1\nb: 2\nstorage: 3\n' }, [kept]));
    // The same finding object, the related file unchanged: the same diagnostics, not sent again.
    publisher.publish(FOLDER, result({ 'apps/web.yaml': web, 'platform/storage.yaml': 'a: 1\nb: 2\nstorage: 3\n' }, [kept]));
    // The same finding object (its span is an offset), but the related file's first line grew: offset 10 is elsewhere.
    publisher.publish(FOLDER, result({ 'apps/web.yaml': web, 'platform/storage.yaml': 'a: 100\nb: 2\nstorage: 3\n' }, [kept]));
    expect(relatedRanges(sent)).toEqual(['2:0', '1:3']);
  });
});
