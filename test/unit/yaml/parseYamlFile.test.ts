// Tests of the YAML reader: positions, broken documents, templates, and the nesting guard.
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../../server/src/analysis/yaml/parseYamlFile';
import { findExcessiveNesting } from '../../../server/src/analysis/yaml/nestingGuard';
import { locate } from '../../../server/src/analysis/yaml/yamlDocument';
import { LineIndex } from '../../../server/src/analysis/text/lineIndex';
import { renderProblems } from '../../support/fixture';

describe('parseYamlFile', () => {
  it('keeps good documents around a broken one and reports the broken one', () => {
    const text = 'kind: A\n---\nkind: [B\n---\nkind: C\n';
    const parsed = parseYamlFile('x.yaml', text);
    expect(parsed.documents.map((document) => (document.value as { kind: string }).kind)).toEqual(['A', 'C']);
    expect(parsed.documents.map((document) => document.index)).toEqual([0, 2]);
    expect(renderProblems(parsed.problems, { 'x.yaml': text })).toMatchInlineSnapshot(`
      "x.yaml:4:1 parse/yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ]; this document is not analysed.
        | ---
        | ^"
    `);
  });

  it('locates keys and values with 0-based line and column', () => {
    const text = 'metadata:\n  name: web\n  annotations:\n    argocd.argoproj.io/sync-wave: "3"\n';
    const [document] = parseYamlFile('a.yaml', text).documents;
    const entry = locate(document!, ['metadata', 'annotations', 'argocd.argoproj.io/sync-wave']);
    const lines = new LineIndex(text);
    expect(lines.position(entry!.key!.start)).toEqual({ line: 3, column: 4 });
    expect(text.slice(entry!.value.start, entry!.value.end)).toBe('"3"');
  });

  it('reports a Go-templated file once, as a template, not as syntax errors', () => {
    const text = '{{- range .Values.apps }}\napiVersion: v1\nkind: {{ .kind }}\n{{- end }}\n';
    const parsed = parseYamlFile('t.yaml', text);
    expect(parsed.status).toBe('template');
    expect(parsed.problems.map((item) => item.ruleId)).toEqual(['parse/template-not-analysed']);
  });

  it('rejects deep flow nesting before yaml runs, however many times it is parsed', () => {
    const bomb = '['.repeat(1000) + '1' + ']'.repeat(1000);
    for (let attempt = 0; attempt < 5; attempt++) {
      const parsed = parseYamlFile('bomb.yaml', bomb);
      expect(parsed.status).toBe('rejected');
      expect(parsed.problems[0]?.ruleId).toBe('parse/nesting-too-deep');
    }
  });

  it('rejects deep compact block sequences', () => {
    const bomb = '- '.repeat(5000) + 'x\n';
    for (let attempt = 0; attempt < 3; attempt++) expect(parseYamlFile('seq.yaml', bomb).status).toBe('rejected');
  });

  it('reports an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 8; level++) {
      const previous = String.fromCharCode(96 + level);
      const current = String.fromCharCode(97 + level);
      lines.push(`${current}: &${current} [${Array(10).fill(`*${previous}`).join(',')}]`);
    }
    const parsed = parseYamlFile('laughs.yaml', lines.join('\n'));
    expect(parsed.documents).toHaveLength(0);
    expect(parsed.problems[0]?.ruleId).toBe('parse/alias-limit');
  });
});

describe('findExcessiveNesting', () => {
  it('accepts ordinary manifests, block scalars with brackets, and quoted brackets', () => {
    const text = [
      'data:',
      '  script: |',
      '    if x then { { { {',
      '      [[[[[',
      '  other: "[[[[[[["',
      'list:',
      '- - - a',
      '  - b',
    ].join('\n');
    expect(findExcessiveNesting(text, 5)).toBeUndefined();
  });

  it('counts indentation levels', () => {
    const text = Array.from({ length: 20 }, (_, level) => `${' '.repeat(level)}k${level}:`).join('\n');
    expect(findExcessiveNesting(text, 25)).toBeUndefined();
    expect(findExcessiveNesting(text, 10)?.depth).toBe(11);
  });
});
