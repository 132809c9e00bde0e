// Property-style tests of the YAML edits over a generated table of documents: the result parses, holds what was asked, and nothing else changed.
import { describe, expect, it } from 'vitest';
import { addBlockScalar, appendToSequence, quoteScalar, removeMapEntry, setMapEntry, type EditOrigin } from '../../../server/src/analysis/fixes/yamlEdits';
import type { RepoIndex } from '../../../server/src/analysis/repoIndex';
import type { TextEdit } from '../../../server/src/analysis/fixes/types';
import { edited, lineDiff, parseStrict } from './yamlEditHarness';

/** An object body as `[nesting level, line]` pairs, so it can be written at any indentation. */
type Body = readonly (readonly [number, string])[];

const WAVE = 'argocd.argoproj.io/sync-wave';

const BODIES: Readonly<Record<string, Body>> = {
  blockAnnotations: [[0, 'metadata:'], [1, 'name: web # name'], [1, 'annotations:'], [2, '# keep me'], [2, 'a: "1"'], [0, 'spec:'], [1, 'project: default']],
  noAnnotations: [[0, 'metadata:'], [1, 'name: web'], [0, 'spec:'], [1, 'project: default']],
  emptyFlowAnnotations: [[0, 'metadata:'], [1, 'annotations: {}'], [1, 'name: web'], [0, 'spec:'], [1, 'project: default']],
  nullAnnotations: [[0, 'metadata:'], [1, 'name: web'], [1, 'annotations: # later']],
  tildeAnnotations: [[0, 'metadata:'], [1, 'annotations: ~'], [1, 'name: web']],
  flowAnnotations: [[0, 'metadata:'], [1, 'annotations: {a: "1", b: "2"}'], [1, 'name: web']],
  noMetadata: [[0, 'kind: Application'], [0, 'spec:'], [1, 'project: default']],
  waveAlready: [[0, 'metadata:'], [1, 'annotations:'], [2, `${WAVE}: 3`], [2, 'b: "2"'], [0, 'spec:'], [1, 'syncPolicy:'], [2, 'syncOptions:'], [2, '- Prune=true']],
  blockScalarLast: [[0, 'metadata:'], [1, 'name: web'], [0, 'data:'], [1, 'script: |'], [2, 'line one'], [2, 'line two']],
};

/** Where the body sits in its document: the lines around it and the origin path. */
interface Wrapper {
  readonly path: EditOrigin['path'];
  render(body: Body, unit: number): string[];
}

const at = (column: number, body: Body, unit: number): string[] => body.map(([level, line]) => ' '.repeat(column + level * unit) + line);

const WRAPPERS: Readonly<Record<string, Wrapper>> = {
  document: { path: [], render: (body, unit) => ['# leading comment', ...at(0, body, unit)] },
  appSetTemplate: {
    path: ['spec', 'template'],
    render: (body, unit) => ['kind: ApplicationSet', 'spec:', `${' '.repeat(unit)}generators: []`, `${' '.repeat(unit)}template:`, ...at(2 * unit, body, unit)],
  },
  sequenceItem: {
    path: ['applications', 1],
    render: (body, unit) => {
      const itemColumn = unit + 2;
      const [first, ...rest] = at(itemColumn, body, unit);
      return ['applications:', `${' '.repeat(unit)}- name: first`, `${' '.repeat(unit)}- ${first!.trimStart()}`, ...rest, `${' '.repeat(unit)}- name: last`];
    },
  },
};

/** One operation: what it edits and the value it should leave at a path. */
interface Operation {
  run(index: RepoIndex, origin: EditOrigin): readonly TextEdit[] | undefined;
  /** The expected object after the edit, from the object before it (mutated copy). */
  expect(object: Record<string, unknown>): void;
  /** Original lines the edit may replace (0 for pure insertions into an existing block collection). */
  readonly mayRemoveLines: number;
}

const ensureMap = (object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> => {
  let current = object;
  for (const key of keys) {
    const next = current[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  return current;
};

const LUA = 'hs = {}\nif obj.status ~= nil then\n  hs.status = "Healthy"\nend\nreturn hs\n';

const OPERATIONS: Readonly<Record<string, Operation>> = {
  setWave: {
    run: (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"5"'),
    expect: (object) => {
      ensureMap(object, ['metadata', 'annotations'])[WAVE] = '5';
    },
    mayRemoveLines: 1,
  },
  addSyncOption: {
    run: (index, origin) => appendToSequence(index, origin, ['spec', 'syncPolicy', 'syncOptions'], 'CreateNamespace=true'),
    expect: (object) => {
      const policy = ensureMap(object, ['spec', 'syncPolicy']);
      policy.syncOptions = [...((policy.syncOptions as unknown[] | undefined) ?? []), 'CreateNamespace=true'];
    },
    mayRemoveLines: 0,
  },
  addLua: {
    run: (index, origin) => addBlockScalar(index, origin, ['data'], 'resource.customizations.health.argoproj.io_Application', LUA),
    expect: (object) => {
      ensureMap(object, ['data'])['resource.customizations.health.argoproj.io_Application'] = LUA;
    },
    mayRemoveLines: 0,
  },
};

function* cases(): Generator<{ name: string; text: string; wrapper: Wrapper; body: Body }> {
  for (const [bodyName, body] of Object.entries(BODIES)) {
    for (const [wrapperName, wrapper] of Object.entries(WRAPPERS)) {
      for (const unit of [2, 4]) {
        for (const eol of ['\n', '\r\n']) {
          for (const finalBreak of [true, false]) {
            const lines = wrapper.render(body, unit);
            const text = lines.join(eol) + (finalBreak ? eol : '');
            yield { name: `${bodyName}/${wrapperName}/indent ${unit}/${eol === '\n' ? 'LF' : 'CRLF'}/${finalBreak ? 'final break' : 'no final break'}`, text, wrapper, body };
          }
        }
      }
    }
  }
}

const objectAt = (document: unknown, path: EditOrigin['path']): Record<string, unknown> => {
  let current: unknown = document;
  for (const segment of path) current = (current as Record<string | number, unknown>)[segment];
  return current as Record<string, unknown>;
};

const ALL = [...cases()];

describe('YAML edits over generated documents', () => {
  it('covers many documents', () => {
    expect(ALL.length).toBe(Object.keys(BODIES).length * Object.keys(WRAPPERS).length * 8);
  });

  for (const [operationName, operation] of Object.entries(OPERATIONS)) {
    it(`${operationName}: parses, holds the value, changes nothing else`, () => {
      for (const item of ALL) {
        const after = edited(item.text, operation.run, item.wrapper.path);
        if (after === undefined) throw new Error(`${item.name}: declined`);
        const [expected] = parseStrict(item.text) as [Record<string, unknown>];
        operation.expect(objectAt(expected, item.wrapper.path));
        const [actual] = parseStrict(after);
        expect(actual, item.name).toEqual(expected);
        const eol = item.text.includes('\r\n') ? '\r\n' : '\n';
        if (eol === '\r\n') expect(after.replace(/\r\n/g, ''), `${item.name}: bare LF`).not.toContain('\n');
        const { removed } = lineDiff(item.text, after);
        const blockTarget = !removed.some((line) => /\{\}|~|\{a:|#/.test(line));
        expect(removed.length, `${item.name}: removed ${JSON.stringify(removed)}`).toBeLessThanOrEqual(blockTarget ? operation.mayRemoveLines : 1);
        // Comments survive.
        expect(after.split('#').length, `${item.name}: comments`).toBe(item.text.split('#').length);
      }
    });
  }

  it('quoteScalar then removeMapEntry on the unquoted wave: value becomes a string, then goes, other lines kept', () => {
    for (const item of ALL.filter((candidate) => candidate.name.startsWith('waveAlready/'))) {
      const quoted = edited(item.text, (index, origin) => quoteScalar(index, origin, ['metadata', 'annotations', WAVE]), item.wrapper.path);
      expect(quoted, item.name).toBeDefined();
      const [document] = parseStrict(quoted!);
      expect((objectAt(document, item.wrapper.path).metadata as { annotations: Record<string, unknown> }).annotations[WAVE], item.name).toBe('3');
      expect(lineDiff(item.text, quoted!).removed, item.name).toHaveLength(1);
      const removedText = edited(quoted!, (index, origin) => removeMapEntry(index, origin, ['metadata', 'annotations'], WAVE), item.wrapper.path);
      const [afterRemoval] = parseStrict(removedText!);
      expect((objectAt(afterRemoval, item.wrapper.path).metadata as { annotations: Record<string, unknown> }).annotations, item.name).toEqual({ b: '2' });
      const diff = lineDiff(quoted!, removedText!);
      expect(diff.added, item.name).toEqual([]);
      expect(diff.removed, item.name).toHaveLength(1);
    }
  });
});
