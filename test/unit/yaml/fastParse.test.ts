// The fast parse path (js-yaml values, lazy `yaml` trees) gives exactly what `yaml` alone gives, on edge cases of YAML 1.2.
import { getHeapSnapshot } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { fastDocumentValues } from '../../../server/src/analysis/yaml/fastValues';
import { parseYamlFile, parseYamlFileWithYaml } from '../../../server/src/analysis/yaml/parseYamlFile';
import { locate } from '../../../server/src/analysis/yaml/yamlDocument';
import { parseDifference } from '../../support/sameParse';

/** Texts where js-yaml and `yaml` are known to differ, or could, or where the fast path must step aside. */
const EDGE_CASES: readonly string[] = [
  // Streams and documents.
  '', '\n', '# only a comment\n', '# c', '   \n# c\n\n', '---\n', '---', 'a: 1\n---\n', 'a: 1\n---', 'a: 1\n...\n', 'a: 1\n...\n# c\n',
  'a: 1\n...\n---\n', '---\n---\n', '# c\n---\na: 1\n', 'a: 1\n---\n# only comment\n', '--- # c\na: 1\n', '...\n', '# c\n...\n',
  '\ufeffa: 1\n', 'a: 1\r\n---\r\nb: 2\r\n', 'a: b\n...\nc: d\n', 'a: 1\n--- b\n', '--- |\n  x\n', '---\na: 1\n--- \n---\n', 'x: 1\ry: 2\n',
  '%YAML 1.1\n---\na: yes\n', '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n',
  // Core-schema scalars: YAML 1.1 forms stay strings.
  'a: yes\nb: on\nc: 2001-12-14\nd: 1_000\ne: 0b101\nf: 012\ng: 0o17\nh: 0x1F\ni: 1e3\nj: 1E+3\nk: .NaN\nl: -.inf\nm: +.5\nn: 1.\n',
  'a: -0\nb: 0.0\nc: 12345678901234567890\nd: 09\ne: 0o8\nf: 0x1G\ng: +12\nh: 1.5.2\ni: True\nj: tRUE\nk: Null\nl: nULL\nm: .Inf\nn: .inF\no: ~\np:\n',
  'a: "1"\nb: \'true\'\nc: "null"\n',
  // Keys.
  ': x\n', '~: x\n', 'null: x\n', 'a : b\n', '{"a" : 1}\n', '1: a\n"1": b\n', 'true: a\n"true": b\n', '1.0: a\n', '0x10: a\n', '__proto__: {a: 1}\n', '__proto__: a string long enough to be sliced\n', 'a:\n  __proto__: [another string long enough, {__proto__: yet another long string}]\n',
  '- [a, b]: c\n', '{[a]: b}\n', '? [a]\n: b\n', '? a\n: b\n', 'name: {{ include "x" . }}\n', 'a: {{ .x }}\n', 'a: "{{ .x }}"\n',
  // Tags, anchors, aliases, merge keys.
  'a: !!str 1\n', 'a: !!int "5"\n', 'a: !!float 1\n', 'a: !!binary aGVsbG8=\n', 'a: !Ref x\n', '- !\n', 'a: !\n', 'a: ! 12\n', 'a: !<?> 12\n',
  'a: !<tag:yaml.org,2002:str> 5\n', 'a: !!map {b: 1}\n', 'a: &x 1\nb: *x\n', 'a: *x\n', 'x: &a\n  - 1\ny: *a\n',
  'a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n', '<<: {b: 1}\nc: 2\n', 'script: |\n  cat <<EOF\n  x\n  EOF\n', 'cmd: a && b & c\n', 'cron: "*/5 * * * *"\n',
  // Strings.
  'a: |+\n  x\n\n\n', 'a: >-\n  x\n  y\n\n   z\n  w\n', 'a: |2\n    x\n  y\n', 'a: "\\x41\\u00e9\\N\\_\\/ \\\n  b"\n', "a: 'it''s\n  next'\n",
  'a: b\n  c\n  d\n', 'a: "\\e\\a\\b\\v\\0\\L\\P"\n', 'a: "\\uD83D\\uDE00"\n', 'a: \u2028b\n', 'a:  b\n', 'a: "multi\n  line\n\n  para"\n', 'a: >\n  a\n    b\n  c\n',
  'a: b:c\n', 'a: b#c\n', 'a: b #c\n', 'a: "b"#c\n', 'a:\tb\n', 'a: b\t\n', 'x: "a\r\n  b"\r\n', 'x: |\r\n  a\r\n  b\r\n', 'a: |-\n', 'a: >\n',
  // Collections.
  'a: [a, b, {c: d}]\n', 'a: {b, c: }\n', 'a:\n- 1\n- 2\n', '- - a\n  - b\n- c\n', '- \n- x\n', '{"a":1,}\n', '[1,]\n', '{"a": 1, "b": [true, null, 1.5e3, "x"]}\n',
  // Errors: both must report the same (the fast path steps aside).
  'a: 1\nb: 2\na: 3\n', 'a: |\n\tx\n', '"a\nb": c\n', 'a: -\n', 'a: b: c\n', 'a: 1\n b: 2\n', ' a: 1\nb: 2\n', 'a: "unterminated\n', 'a: [1, 2\n',
  'a: @b\n', 'a: "b" c\n', '[1,,2]\n', 'a: |0\n x\n', 'kind: A\n---\nkind: [B\n---\nkind: C\n', `${'k'.repeat(1100)}: 1\n`,
  '{{- range .Values.apps }}\napiVersion: v1\nkind: {{ .kind }}\n{{- end }}\n',
];

describe('fast parse path', () => {
  it.each(EDGE_CASES.map((text) => [JSON.stringify(text).slice(0, 60), text]))('reads %s exactly as yaml alone does', (_label, text) => {
    expect(parseDifference(parseYamlFile('f.yaml', text), parseYamlFileWithYaml('f.yaml', text))).toBeUndefined();
  });

  it('reads an ordinary manifest with js-yaml and builds its tree only when a position is asked for', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  annotations:\n    argocd.argoproj.io/sync-wave: "3"\ndata:\n  port: 8080\n';
    expect(fastDocumentValues(text)).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', annotations: { 'argocd.argoproj.io/sync-wave': '3' } }, data: { port: 8080 } }]);
    const [document] = parseYamlFile('c.yaml', text).documents;
    expect(Object.getOwnPropertyDescriptor(document!, 'tree')).toBeUndefined();
    const entry = locate(document!, ['metadata', 'annotations', 'argocd.argoproj.io/sync-wave']);
    expect(text.slice(entry!.value.start, entry!.value.end)).toBe('"3"');
    expect(document!.span).toEqual({ start: 0, end: text.length });
  });

  it('keeps no copy of the text alive through the values (js-yaml parses `text + "\\0"` and slices its scalars out of it)', async () => {
    const marker = `kept-${process.pid}-${Date.now()}`;
    // The text is made and dropped inside the call: only what the values keep alive can still hold it.
    const values = ((): readonly unknown[] | undefined => fastDocumentValues(`a: ${marker}-first-scalar\nb:\n  - ${marker}-second-scalar\n  - {c: ${marker}-third-scalar}\n`))();
    expect(values).toEqual([{ a: `${marker}-first-scalar`, b: [`${marker}-second-scalar`, { c: `${marker}-third-scalar` }] }]);
    // A heap snapshot holds what is alive after a full collection: the values are, no whole text (or copy of it) may be.
    let snapshot = '';
    for await (const chunk of getHeapSnapshot()) snapshot += String(chunk);
    expect(snapshot).toContain(`${marker}-third-scalar`);
    expect(snapshot).not.toContain(`${marker}-first-scalar\\nb:`);
    expect(values).toHaveLength(1);
  });

  it('leaves to yaml what js-yaml would read differently', () => {
    for (const text of ['- [a]: b\n', 'a: &x 1\n', 'x: &a\n  k: 1\ny: *a\n', '- &a [1, 2]\n- *a\n', '~: x\n', 'a: !\n', '# comment only\n', '%YAML 1.1\n---\na: 1\n', 'a: !!int "5"\n', 'a: {{ .x }}\n', 'x: 1\ry: 2\n']) {
      expect(fastDocumentValues(text), text).toBeUndefined();
    }
  });
});
