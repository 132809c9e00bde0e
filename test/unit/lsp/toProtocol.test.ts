// Conversions at the LSP boundary: spans to 0-based UTF-16 ranges (LF, CRLF, lone CR, astral characters), findings to diagnostics.
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../../server/src/analysis/text/lineIndex';
import { filePathToRepoPath, positionToOffset, uriToFilePath } from '../../../server/src/lsp/fromProtocol';
import { findingToDiagnostic, repoPathToUri, spanToRange } from '../../../server/src/lsp/toProtocol';

/** The range of the first occurrence of `needle` in `text`, as `line:character-line:character`. */
function rangeOf(text: string, needle: string): string {
  const start = text.indexOf(needle);
  const { start: from, end: to } = spanToRange(new LineIndex(text), { start, end: start + needle.length });
  return `${from.line}:${from.character}-${to.line}:${to.character}`;
}

describe('spanToRange', () => {
  it('counts lines the LSP way for LF, CRLF and a lone CR, and columns in UTF-16 code units', () => {
    expect(rangeOf('a: 1\nkey: value\n', 'value')).toBe('1:5-1:10');
    expect(rangeOf('a: 1\r\nkey: value\r\n', 'value')).toBe('1:5-1:10');
    expect(rangeOf('a: 1\rkey: value\r', 'value')).toBe('1:5-1:10');
    // "😀" is two UTF-16 code units: LSP's default position encoding counts both.
    expect(rangeOf('name: "😀" value\n', 'value')).toBe('0:11-0:16');
  });

  it('gives 0:0 for files without text and clamps spans past the end', () => {
    expect(spanToRange(undefined, { start: 5, end: 9 })).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    expect(spanToRange(new LineIndex('a\n'), { start: 1, end: 99 }).end).toEqual({ line: 1, character: 0 });
  });

  it('round-trips with positionToOffset', () => {
    const text = 'a: 1\r\nb: 😀x\n';
    const offset = text.indexOf('x');
    const range = spanToRange(new LineIndex(text), { start: offset, end: offset });
    expect(positionToOffset(text, range.start)).toBe(offset);
  });
});

describe('paths and URIs', () => {
  it('maps file URIs to repository paths and back, and refuses other schemes and outside files', () => {
    const uri = repoPathToUri('/work/repo@1', 'apps/my app.yaml');
    expect(uri).toBe('file:///work/repo@1/apps/my%20app.yaml');
    expect(uriToFilePath(uri)).toBe('/work/repo@1/apps/my app.yaml');
    // VS Code encodes "@"; both spellings name the same file.
    expect(uriToFilePath('file:///work/repo%401/apps/x.yaml')).toBe('/work/repo@1/apps/x.yaml');
    expect(filePathToRepoPath('/work/repo@1', '/work/repo@1/apps/x.yaml')).toBe('apps/x.yaml');
    expect(filePathToRepoPath('/work/repo@1', '/work/repo@1')).toBe('');
    expect(filePathToRepoPath('/work/repo@1', '/work/repo@10/x.yaml')).toBeUndefined();
    expect(uriToFilePath('untitled:Untitled-1')).toBeUndefined();
  });
});

describe('findingToDiagnostic', () => {
  it('carries the rule id, its doc page, the severity and the related locations', () => {
    const texts: Record<string, string> = { 'a.yaml': 'name: web\n', 'b.yaml': 'x: 1\nname: web\n' };
    const diagnostic = findingToDiagnostic(
      {
        ruleId: 'model/duplicate-application-name',
        severity: 'warning',
        message: 'duplicate',
        location: { file: 'a.yaml', span: { start: 6, end: 9 } },
        related: [{ message: 'the other one', location: { file: 'b.yaml', span: { start: 11, end: 14 } } }],
      },
      { linesOf: (path) => (texts[path] === undefined ? undefined : new LineIndex(texts[path])), uriOf: (path) => `file:///repo/${path}` },
    );
    expect(diagnostic).toMatchInlineSnapshot(`
      {
        "code": "model/duplicate-application-name",
        "codeDescription": {
          "href": "https://github.com/gitops-waves/gitops-waves/blob/main/docs/rules/model/duplicate-application-name.md",
        },
        "message": "duplicate",
        "range": {
          "end": {
            "character": 9,
            "line": 0,
          },
          "start": {
            "character": 6,
            "line": 0,
          },
        },
        "relatedInformation": [
          {
            "location": {
              "range": {
                "end": {
                  "character": 9,
                  "line": 1,
                },
                "start": {
                  "character": 6,
                  "line": 1,
                },
              },
              "uri": "file:///repo/b.yaml",
            },
            "message": "the other one",
          },
        ],
        "severity": 2,
        "source": "gitops-waves",
      }
    `);
  });
});
