// The Applications tree built from a gitopsWaves/tree answer: hierarchy, wave grouping, icons from findings, lookup by position, source folders.
import { describe, expect, it } from 'vitest';
import type { TreeApp, TreeResource, TreeResult, WireLocation } from '../../server/src/lsp/protocol';
import { allEntries, buildTreeEntries, entryAt, sourceFolderOf, type TreeEntry } from '../../client/src/tree/treeEntries';

function at(file: string, line: number): WireLocation {
  return { uri: `file:///repo/${file}`, range: { start: { line, character: 8 }, end: { line, character: 20 } } };
}

function resource(kind: string, name: string, file: string, wave = 0): TreeResource {
  return { kind, name, namespace: 'default', wave, hooks: [], location: at(file, 3), worstFinding: null };
}

function app(id: string, fields: Partial<TreeApp> = {}): TreeApp {
  return {
    id,
    kind: 'Application',
    name: id,
    wave: 0,
    gating: 'health',
    explanation: 'waits for the previous wave to be healthy',
    location: at(`apps/${id}.yaml`, 3),
    worstFinding: null,
    worstSeverityBelow: null,
    notExpanded: [],
    externalSources: [],
    children: [],
    resources: [],
    ...fields,
  };
}

const TREE: TreeResult = {
  folders: [
    {
      folderUri: 'file:///repo',
      state: 'ready',
      roots: [
        app('root', {
          gating: 'unordered',
          worstSeverityBelow: 'error',
          children: [
            app('storage', { wave: 1, resources: [resource('StorageClass', 'longhorn', 'storage/class.yaml', 0), resource('Namespace', 'longhorn', 'storage/ns.yaml', -1)] }),
            app('minio', {
              wave: 2,
              worstFinding: { severity: 'error', ruleId: 'deps/namespace-not-created', message: 'namespace minio is created by nothing', location: at('apps/minio.yaml', 16), count: 2 },
              resources: [resource('Deployment', 'minio', 'storage/minio/deployment.yaml')],
            }),
            app('apps', { kind: 'ApplicationSet', wave: 4, gating: 'generation', children: [app('app-a'), app('app-b')] }),
          ],
          notExpanded: ['rendered by Helm, not expanded'],
        }),
      ],
    },
  ],
};

/** The tree as indented text: label, description, icon (with severity colour). */
function outline(entries: readonly TreeEntry[], depth = 0): string[] {
  return entries.flatMap((entry) => [`${'  '.repeat(depth)}${entry.label} — ${entry.description} [${entry.icon.codicon}${entry.icon.severity ? `:${entry.icon.severity}` : ''}]`, ...outline(entry.children, depth + 1)]);
}

describe('buildTreeEntries', () => {
  it('lists roots → ApplicationSets → Applications → resources, icons showing the worst finding', () => {
    expect(outline(buildTreeEntries(TREE, { groupByWave: false }))).toMatchInlineSnapshot(`
      [
        "root — wave 0 · not ordered [package:error]",
        "  storage — wave 1 · waits for health [package]",
        "    StorageClass/longhorn — default · wave 0 [symbol-field]",
        "    Namespace/longhorn — default · wave -1 [symbol-field]",
        "  minio — wave 2 · waits for health [error:error]",
        "    Deployment/minio — default · wave 0 [symbol-field]",
        "  apps — ApplicationSet · wave 4 · waits for generation [layers]",
        "    app-a — wave 0 · waits for health [package]",
        "    app-b — wave 0 · waits for health [package]",
        "  Not expanded: rendered by Helm, not expanded —  [info]",
      ]
    `);
  });

  it('groups an Application\'s children by wave on request, never a set\'s generated Applications', () => {
    expect(outline(buildTreeEntries(TREE, { groupByWave: true }))).toMatchInlineSnapshot(`
      [
        "root — wave 0 · not ordered [package:error]",
        "  Wave 1 —  [list-ordered]",
        "    storage — wave 1 · waits for health [package]",
        "      Wave -1 —  [list-ordered]",
        "        Namespace/longhorn — default · wave -1 [symbol-field]",
        "      Wave 0 —  [list-ordered]",
        "        StorageClass/longhorn — default · wave 0 [symbol-field]",
        "  Wave 2 —  [list-ordered]",
        "    minio — wave 2 · waits for health [error:error]",
        "      Wave 0 —  [list-ordered]",
        "        Deployment/minio — default · wave 0 [symbol-field]",
        "  Wave 4 —  [list-ordered]",
        "    apps — ApplicationSet · wave 4 · waits for generation [layers]",
        "      app-a — wave 0 · waits for health [package]",
        "      app-b — wave 0 · waits for health [package]",
        "  Not expanded: rendered by Helm, not expanded —  [info]",
      ]
    `);
  });

  it('gives every entry a unique id and its parent', () => {
    const entries = allEntries(buildTreeEntries(TREE, { groupByWave: true }));
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    for (const entry of entries) for (const child of entry.children) expect(child.parent).toBe(entry);
    expect(entries.find((entry) => entry.label === 'minio')?.tooltip).toContain('namespace minio is created by nothing [deps/namespace-not-created] (+1 more in this document)');
  });

  it('says when a folder is indexing, and shows one row per folder when there are several', () => {
    expect(outline(buildTreeEntries({ folders: [{ folderUri: 'file:///repo', state: 'indexing', roots: [] }] }, { groupByWave: false }))).toEqual(['Indexing… —  [loading~spin]']);
    const two = buildTreeEntries({ folders: [{ folderUri: 'file:///a/one', state: 'ready', roots: [app('x')] }, { folderUri: 'file:///a/two%20b', state: 'failed', roots: [] }] }, { groupByWave: false });
    expect(outline(two)).toEqual(['one —  [root-folder]', '  x — wave 0 · waits for health [package]', 'two b —  [root-folder]', '  The folder could not be read (see the GitOps Waves output). —  [info]']);
  });
});

describe('entryAt and sourceFolderOf', () => {
  const entries = buildTreeEntries(TREE, { groupByWave: false });

  it('finds the object nearest the cursor in a file, apps first', () => {
    expect(entryAt(entries, 'file:///repo/apps/minio.yaml', 0)?.label).toBe('minio');
    expect(entryAt(entries, 'file:///repo/storage/class.yaml', 10)?.label).toBe('StorageClass/longhorn');
    expect(entryAt(entries, 'file:///repo/nowhere.yaml', 0)).toBeUndefined();
  });

  it('takes the folder holding all of an app\'s resources, else its definition\'s folder', () => {
    const byLabel = (label: string) => allEntries(entries).find((entry) => entry.label === label)!;
    expect(sourceFolderOf(byLabel('storage'))).toBe('file:///repo/storage');
    expect(sourceFolderOf(byLabel('minio'))).toBe('file:///repo/storage/minio');
    expect(sourceFolderOf(byLabel('app-a'))).toBe('file:///repo/apps');
  });
});
