// The line locator answers as `yaml`'s syntax tree does wherever it answers: on examples, the corpus, a synthetic repository and random documents.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, parseAllDocuments, stringify, type Document } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSyntheticRepo } from '../../../scripts/generateSyntheticRepo.mjs';
import { LineTable, type LineEntry } from '../../../server/src/analysis/yaml/lineLocator';
import { YAML_PARSE_OPTIONS } from '../../../server/src/analysis/yaml/lazyDocuments';
import { locate, type LocatedEntry, type ValuePath, type YamlDocument } from '../../../server/src/analysis/yaml/yamlDocument';
import { corpusFolders, yamlFilesUnder } from '../../support/corpus';

const REPOSITORY_ROOT = resolve(__dirname, '..', '..', '..');

/** Every path of a document's tree: map keys that are scalars, sequence indexes. */
function pathsOf(node: unknown, prefix: (string | number)[] = [], into: ValuePath[] = []): ValuePath[] {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const path = [...prefix, String(pair.key.value)];
      into.push(path);
      pathsOf(pair.value, path, into);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const path = [...prefix, index];
      into.push(path);
      pathsOf(item, path, into);
    });
  }
  return into;
}

function treeDocument(document: Document.Parsed, index: number): YamlDocument {
  const range = document.range;
  return { file: 'f.yaml', index, span: { start: range[0], end: range[2] }, value: document.toJS(), tree: document };
}

/** Where the lines' answer differs from the tree's (undefined: the same, or the lines did not answer). */
function difference(lines: LineEntry | undefined, tree: LocatedEntry | undefined): string | undefined {
  if (lines === undefined) return undefined;
  if (tree === undefined) return `lines ${JSON.stringify(lines)}, tree nothing`;
  const sameKey = JSON.stringify(lines.key) === JSON.stringify(tree.key);
  const sameValue = lines.value === undefined || JSON.stringify(lines.value) === JSON.stringify(tree.value);
  return sameKey && sameValue ? undefined : `lines ${JSON.stringify(lines)}, tree ${JSON.stringify(tree)}`;
}

/** Tally of one comparison run. */
interface Tally {
  paths: number;
  /** Paths to scalars the lines gave a value span for / paths to scalars. */
  scalarsAnswered: number;
  scalars: number;
  mismatches: string[];
}

/** Compares the lines' answers with the tree's for every path of every document of `text` (and a missing key under each, with `orAncestor`). */
function compareText(text: string, label: string, tally: Tally): void {
  const documents = parseAllDocuments(text, YAML_PARSE_OPTIONS);
  if (!Array.isArray(documents) || documents.some((document) => document.errors.length > 0)) return;
  const table = new LineTable(text);
  documents.forEach((document, index) => {
    const yamlDocument = treeDocument(document, index);
    for (const path of pathsOf(document.contents)) {
      tally.paths++;
      const lines = table.locate(index, path, false);
      const mismatch = difference(lines, locate(yamlDocument, path));
      if (mismatch) tally.mismatches.push(`${label} #${index} ${JSON.stringify(path)}: ${mismatch}`);
      const missing = [...path, '__not_written__'];
      const ancestor = difference(table.locate(index, missing, true), locate(yamlDocument, missing, true));
      if (ancestor) tally.mismatches.push(`${label} #${index} ${JSON.stringify(missing)} (or ancestor): ${ancestor}`);
      const target = document.getIn(path, true);
      if (isScalar(target) && target.value !== null) {
        tally.scalars++;
        if (lines?.value !== undefined) tally.scalarsAnswered++;
      }
    }
  });
}

function newTally(): Tally {
  return { paths: 0, scalarsAnswered: 0, scalars: 0, mismatches: [] };
}

function compareFolder(folder: string): Tally {
  const tally = newTally();
  for (const file of yamlFilesUnder(folder)) compareText(readFileSync(file, 'utf8'), file.slice(folder.length + 1), tally);
  return tally;
}

const temporary: string[] = [];
afterAll(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

describe('LineTable', () => {
  it('finds keys and one-line scalars through maps, sequences, compact and indentless sequences, in any document', () => {
    const text = [
      '# leading comment',
      'apiVersion: v1   # trailing',
      'kind: ConfigMap',
      'metadata:',
      '  name: "quoted name"',
      "  'single key': x",
      '  annotations:',
      '    argocd.argoproj.io/sync-wave: "-2"',
      'data:',
      '  script: |',
      '    name: not a key',
      '    # not a comment',
      '  list:',
      '  - first',
      '  - name: second',
      '    port: 80',
      '---',
      'kind: Second',
      '',
    ].join('\r\n');
    const table = new LineTable(text);
    const at = (entry: LineEntry | undefined, part: 'key' | 'value'): string | undefined => {
      const span = entry?.[part];
      return span && text.slice(span.start, span.end);
    };
    expect(at(table.locate(0, ['apiVersion'], false), 'value')).toBe('v1');
    expect(at(table.locate(0, ['metadata', 'name'], false), 'value')).toBe('"quoted name"');
    expect(at(table.locate(0, ['metadata', 'single key'], false), 'key')).toBe("'single key'");
    expect(at(table.locate(0, ['metadata', 'annotations', 'argocd.argoproj.io/sync-wave'], false), 'value')).toBe('"-2"');
    expect(at(table.locate(0, ['data', 'list', 0], false), 'value')).toBe('first');
    expect(at(table.locate(0, ['data', 'list', 1, 'port'], false), 'value')).toBe('80');
    expect(at(table.locate(1, ['kind'], false), 'value')).toBe('Second');
    // A collection: its key, not its value; a missing key: its ancestor with orAncestor, nothing without.
    expect(table.locate(0, ['metadata', 'annotations'], false)).toEqual({ key: expect.any(Object) });
    expect(at(table.locate(0, ['metadata', 'labels', 'x'], true), 'key')).toBe('metadata');
    expect(table.locate(0, ['metadata', 'labels'], false)).toBeUndefined();
    // A block scalar's text is not read as keys.
    expect(table.locate(0, ['data', 'script', 'name'], false)).toBeUndefined();
  });

  it('declines what only a syntax tree can tell', () => {
    const declined = (text: string, path: ValuePath): void => expect(new LineTable(text).locate(0, path, false)?.value).toBeUndefined();
    declined('a: &anchor x\nb: *anchor\n', ['a']);
    declined('a: {b: 1}\n', ['a']);
    declined('a: [1, 2]\n', ['a']);
    declined('a: plain\n  continued\n', ['a']);
    declined('a: |\n  text\n', ['a']);
    declined('a: !tag x\n', ['a']);
    declined('%YAML 1.2\n---\na: x\n', ['a']);
    declined('a:\n\tb: x\n', ['a', 'b']);
    declined('1: one\n', ['1']);
    declined('"a\\"b": x\n', ['a"b']);
    declined('a: "open\n  quote"\n', ['a']);
    declined('a: x\n...\n', ['a']);
  });

  it('agrees with yaml on hand-written texts that are plain but unusual', () => {
    const texts = [
      'key  : value  \na:\n  b :   "x" # c\n',
      "- 'k': v\n  other: w\n- plain\n",
      'list:\n- name: a\n  env:\n  - x\n  - y: |\n      text\n      key: no\n    z: 1\n- name: b\n',
      '# only a comment\n---\na: 1\n--- # the second\nb:\n\n  # between\n  c: 2\n---\n',
      'a: 1\n---\n---\nb: 2\n',
      'a: >-\n  folded\n  # not a comment\nb: "x"   \nc: it\'s\nd: url://x:y\ne: x#y # z\n',
      'outer:\n  inner:\n    - - nested\n    - k: v\n',
      'key: # a comment where the value would be\n  sub: 1\nlist:\n-   name: wide\n    port: 8\n-   plain   \n',
      'a:\n  - x\n  -\n    y: 2\n  - "quoted # not a comment"\nb: \'single \'\'quoted\'\'\'\n',
    ];
    const tally = newTally();
    texts.forEach((text, position) => {
      compareText(text, `text ${position}`, tally);
      compareText(text.replaceAll('\n', '\r\n'), `text ${position} (CRLF)`, tally);
    });
    expect(tally.mismatches).toEqual([]);
    expect(tally.scalarsAnswered).toBeGreaterThan(0.7 * tally.scalars);
  });

  it('agrees with yaml on every path of examples/homelab', () => {
    const tally = compareFolder(join(REPOSITORY_ROOT, 'examples', 'homelab'));
    expect(tally.mismatches).toEqual([]);
    expect(tally.scalarsAnswered).toBeGreaterThan(0.8 * tally.scalars);
  });

  it('agrees with yaml on every path of a synthetic repository, and answers for nearly every scalar', () => {
    const folder = mkdtempSync(join(tmpdir(), 'line-locator-'));
    temporary.push(folder);
    generateSyntheticRepo(join(folder, 'repo'), { apps: 40, seed: 5 });
    const tally = compareFolder(join(folder, 'repo'));
    expect(tally.mismatches).toEqual([]);
    expect(tally.scalarsAnswered).toBeGreaterThan(0.9 * tally.scalars);
  });

  it('agrees with yaml on every path of the corpus repositories', () => {
    const folders = corpusFolders();
    if (folders.length === 0) return;
    const tally = newTally();
    for (const folder of folders) {
      const part = compareFolder(folder);
      tally.paths += part.paths;
      tally.scalars += part.scalars;
      tally.scalarsAnswered += part.scalarsAnswered;
      tally.mismatches.push(...part.mismatches);
    }
    expect(tally.mismatches.slice(0, 20)).toEqual([]);
    expect(tally.scalarsAnswered).toBeGreaterThan(0.5 * tally.scalars);
  });

  it('agrees with yaml on random documents written by yaml in several styles', () => {
    const key = fc.oneof(fc.constantFrom('name', 'kind', 'a b', 'x.y/z', 'true', '1', '-k', 'it\'s', 'q"uote', '# c', 'k: v', ''), fc.string({ maxLength: 6 }));
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('multi\nline', ' padded ', '- dash', '*star', 'a #b', 'x: y', "it's", '"q"'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('list')),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      list: fc.array(tie('node'), { maxLength: 3 }),
    })).node;
    const options = fc.record({ indent: fc.constantFrom(2, 4), indentSeq: fc.boolean(), lineWidth: fc.constantFrom(0, 20, 80), defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') as fc.Arbitrary<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE'>, defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE') as fc.Arbitrary<null | 'PLAIN' | 'QUOTE_DOUBLE'> });
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), options, fc.boolean(), (values, style, crlf) => {
        let text = values.map((one) => stringify(one, style)).join('---\n');
        if (crlf) text = text.replaceAll('\n', '\r\n');
        const tally = newTally();
        compareText(text, 'random', tally);
        expect(tally.mismatches).toEqual([]);
      }),
      { numRuns: 400, seed: Number(process.env.GITOPS_WAVES_PROPERTY_SEED ?? 20261128) },
    );
  });
});
