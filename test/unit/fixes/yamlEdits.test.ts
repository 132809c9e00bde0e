// Example-based tests of the YAML edit toolkit: each case shows the exact text before and after.
import { describe, expect, it } from 'vitest';
import {
  addApplicationHealthCheckFix,
  addBlockScalar,
  appendToSequence,
  quoteScalar,
  removeMapEntry,
  replaceScalar,
  setMapEntry,
} from '../../../server/src/analysis/fixes/yamlEdits';
import { APPLICATION_HEALTH_LUA } from '../../../server/src/analysis/fixes/applicationHealthLua';
import { applyEdits } from '../../../server/src/analysis/fixes/types';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { edited, parseStrict } from './yamlEditHarness';

const WAVE = 'argocd.argoproj.io/sync-wave';

describe('setMapEntry', () => {
  it('adds a key to an existing block map after its last entry, keeping comments', () => {
    const text = 'metadata:\n  name: web # the name\n  annotations:\n    # why\n    a: "1"\nspec: {}\n';
    expect(edited(text, (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"2"'))).toBe(
      'metadata:\n  name: web # the name\n  annotations:\n    # why\n    a: "1"\n    argocd.argoproj.io/sync-wave: "2"\nspec: {}\n',
    );
  });

  it('replaces an existing value in place, keeping its trailing comment', () => {
    const text = 'metadata:\n  annotations:\n    argocd.argoproj.io/sync-wave: "1" # first\n';
    expect(edited(text, (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"3"'))).toBe(
      'metadata:\n  annotations:\n    argocd.argoproj.io/sync-wave: "3" # first\n',
    );
  });

  it('creates missing parent maps with the indentation the document uses (4 spaces)', () => {
    const text = 'apiVersion: v1\nmetadata:\n    name: web\nspec:\n    project: default\n';
    expect(edited(text, (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"1"'))).toBe(
      'apiVersion: v1\nmetadata:\n    name: web\n    annotations:\n        argocd.argoproj.io/sync-wave: "1"\nspec:\n    project: default\n',
    );
  });

  it('turns `annotations: {}` into a block map and fills `annotations:`', () => {
    const empty = 'metadata:\n  annotations: {}\n  name: x\n';
    expect(edited(empty, (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"1"'))).toBe(
      'metadata:\n  annotations:\n    argocd.argoproj.io/sync-wave: "1"\n  name: x\n',
    );
    const missing = 'metadata:\n  annotations: # none yet\n  name: x\n';
    expect(edited(missing, (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"1"'))).toBe(
      'metadata:\n  annotations: # none yet\n    argocd.argoproj.io/sync-wave: "1"\n  name: x\n',
    );
  });

  it('adds inside a non-empty flow map', () => {
    const text = 'metadata: {name: x, annotations: {a: "1"}}\n';
    expect(edited(text, (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"1"'))).toBe(
      'metadata: {name: x, annotations: {a: "1", argocd.argoproj.io/sync-wave: "1"}}\n',
    );
    expect(edited(text, (index, origin) => setMapEntry(index, origin, ['metadata', 'labels'], 'team', 'web'))).toBe(
      'metadata: {name: x, annotations: {a: "1"}, labels: {team: web}}\n',
    );
  });

  it('edits an object nested in a sequence item and in an ApplicationSet template, with CRLF line ends', () => {
    const values = 'applications:\r\n  - name: guestbook\r\n    project: default\r\n  - name: other\r\n';
    expect(edited(values, (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"1"'), ['applications', 0])).toBe(
      'applications:\r\n  - name: guestbook\r\n    project: default\r\n    metadata:\r\n      annotations:\r\n        argocd.argoproj.io/sync-wave: "1"\r\n  - name: other\r\n',
    );
    const set = 'kind: ApplicationSet\nspec:\n  template:\n    metadata:\n      name: "{{path.basename}}"\n';
    expect(edited(set, (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"1"'), ['spec', 'template'])).toBe(
      'kind: ApplicationSet\nspec:\n  template:\n    metadata:\n      name: "{{path.basename}}"\n      annotations:\n        argocd.argoproj.io/sync-wave: "1"\n',
    );
  });

  it('edits the right document of a stream, and a file without a final line break', () => {
    const text = 'kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b';
    expect(edited(text, (index, origin) => setMapEntry(index, origin, ['metadata'], 'namespace', 'x'), [], 1)).toBe(
      'kind: A\nmetadata:\n  name: a\n---\nkind: B\nmetadata:\n  name: b\n  namespace: x',
    );
  });

  it('declines when a path step is a scalar or a sequence, or the document is not there', () => {
    const text = 'metadata: web\nspec:\n  - a\n';
    expect(edited(text, (index, origin) => setMapEntry(index, origin, ['metadata', 'annotations'], WAVE, '"1"'))).toBeUndefined();
    expect(edited(text, (index, origin) => setMapEntry(index, origin, ['spec', 'x'], 'k', 'v'))).toBeUndefined();
    expect(edited(text, (index, origin) => setMapEntry(index, origin, ['metadata'], 'k', 'v'), [], 3)).toBeUndefined();
  });
});

describe('quoteScalar and replaceScalar', () => {
  it('quotes a plain scalar exactly as written', () => {
    const text = 'metadata:\n  annotations:\n    argocd.argoproj.io/sync-wave: 1.50 # odd\n';
    expect(edited(text, (index, origin) => quoteScalar(index, origin, ['metadata', 'annotations', WAVE]))).toBe(
      'metadata:\n  annotations:\n    argocd.argoproj.io/sync-wave: "1.50" # odd\n',
    );
    expect(edited('a: "1"\n', (index, origin) => quoteScalar(index, origin, ['a']))).toBeUndefined();
  });

  it('replaces a scalar, an empty value and a block scalar', () => {
    expect(edited('a: "1.5"\nb: x\n', (index, origin) => replaceScalar(index, origin, ['a'], '"2"'))).toBe('a: "2"\nb: x\n');
    expect(edited('a:\nb: x\n', (index, origin) => replaceScalar(index, origin, ['a'], '"2"'))).toBe('a: "2"\nb: x\n');
    expect(edited('a: |\n  text\n\nb: x\n', (index, origin) => replaceScalar(index, origin, ['a'], 'short'))).toBe('a: short\n\nb: x\n');
  });
});

describe('appendToSequence', () => {
  it('appends to a block sequence with its dash column, and to flow sequences', () => {
    const text = 'spec:\n  syncPolicy:\n    syncOptions:\n      - ServerSideApply=true # why\n    automated: {}\n';
    expect(edited(text, (index, origin) => appendToSequence(index, origin, ['spec', 'syncPolicy', 'syncOptions'], 'CreateNamespace=true'))).toBe(
      'spec:\n  syncPolicy:\n    syncOptions:\n      - ServerSideApply=true # why\n      - CreateNamespace=true\n    automated: {}\n',
    );
    expect(edited('o: []\n', (index, origin) => appendToSequence(index, origin, ['o'], 'x'))).toBe('o: [x]\n');
    expect(edited('o: [a, b]\n', (index, origin) => appendToSequence(index, origin, ['o'], 'x'))).toBe('o: [a, b, x]\n');
  });

  it('creates the sequence and its parents, indenting the dashes as the document does', () => {
    const indented = 'spec:\n  project: default\n  sources:\n    - path: a\n';
    expect(edited(indented, (index, origin) => appendToSequence(index, origin, ['spec', 'syncPolicy', 'syncOptions'], 'CreateNamespace=true'))).toBe(
      'spec:\n  project: default\n  sources:\n    - path: a\n  syncPolicy:\n    syncOptions:\n      - CreateNamespace=true\n',
    );
    const flush = 'spec:\n  sources:\n  - path: a\n  syncPolicy:\n';
    expect(edited(flush, (index, origin) => appendToSequence(index, origin, ['spec', 'syncPolicy', 'syncOptions'], 'CreateNamespace=true'))).toBe(
      'spec:\n  sources:\n  - path: a\n  syncPolicy:\n    syncOptions:\n    - CreateNamespace=true\n',
    );
  });

  it('declines when a map is where the sequence should be', () => {
    expect(edited('o:\n  a: 1\n', (index, origin) => appendToSequence(index, origin, ['o'], 'x'))).toBeUndefined();
  });
});

describe('removeMapEntry', () => {
  it('removes the entry lines, and the emptied map with its key (or `{}` where the key shares its line)', () => {
    const text = 'metadata:\n  annotations:\n    a: "1"\n    argocd.argoproj.io/sync-wave: "2" # c\n  name: x\n';
    expect(edited(text, (index, origin) => removeMapEntry(index, origin, ['metadata', 'annotations'], WAVE))).toBe(
      'metadata:\n  annotations:\n    a: "1"\n  name: x\n',
    );
    const only = 'metadata:\n  annotations:\n    argocd.argoproj.io/sync-wave: "2"\n  name: x\n';
    expect(edited(only, (index, origin) => removeMapEntry(index, origin, ['metadata', 'annotations'], WAVE))).toBe('metadata:\n  name: x\n');
    const inline = 'items:\n  - annotations:\n      argocd.argoproj.io/sync-wave: "2"\n    name: x\n';
    expect(edited(inline, (index, origin) => removeMapEntry(index, origin, ['items', 0, 'annotations'], WAVE))).toBe('items:\n  - annotations: {}\n    name: x\n');
  });

  it('removes from flow maps with the right comma', () => {
    expect(edited('m: {a: 1, b: 2, c: 3}\n', (index, origin) => removeMapEntry(index, origin, ['m'], 'b'))).toBe('m: {a: 1, c: 3}\n');
    expect(edited('m: {a: 1, b: 2}\n', (index, origin) => removeMapEntry(index, origin, ['m'], 'b'))).toBe('m: {a: 1}\n');
    expect(edited('m: {b: 2}\n', (index, origin) => removeMapEntry(index, origin, ['m'], 'b'))).toBe('m: {}\n');
    expect(edited('m: {a: 1}\n', (index, origin) => removeMapEntry(index, origin, ['m'], 'b'))).toBeUndefined();
  });
});

describe('addBlockScalar and the Application health check fix', () => {
  it('adds a literal block under data, creating it when missing', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\n';
    expect(edited(text, (index, origin) => addBlockScalar(index, origin, ['data'], 'script.lua', 'a = 1\nreturn a\n'))).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\ndata:\n  script.lua: |\n    a = 1\n    return a\n',
    );
  });

  it('writes the documented Lua into argo-cd chart values, and the result reads back exactly', () => {
    const text = 'global:\n  domain: argocd.example.com\nconfigs:\n  cm:\n    create: true\n    # admin is off\n    admin.enabled: false\nserver:\n  replicas: 1\n';
    const index = new RepoIndex(snapshotFromTexts({ 'values.yaml': text }));
    const fix = addApplicationHealthCheckFix(index, { container: 'helm-values', file: 'values.yaml', documentIndex: 0, mapPath: ['configs', 'cm'] });
    expect(fix?.title).toBe('Add the Application health check to configs.cm of the argo-cd chart values');
    const after = applyEdits(text, fix!.edits);
    const [values] = parseStrict(after) as [{ configs: { cm: Record<string, unknown> } }];
    expect(values.configs.cm['resource.customizations.health.argoproj.io_Application']).toBe(APPLICATION_HEALTH_LUA);
    expect(after).toMatchInlineSnapshot(`
      "global:
        domain: argocd.example.com
      configs:
        cm:
          create: true
          # admin is off
          admin.enabled: false
          resource.customizations.health.argoproj.io_Application: |
            hs = {}
            hs.status = "Progressing"
            hs.message = ""
            if obj.status ~= nil then
              if obj.status.health ~= nil then
                hs.status = obj.status.health.status
                if obj.status.health.message ~= nil then
                  hs.message = obj.status.health.message
                end
              end
            end
            return hs
      server:
        replicas: 1
      "
    `);
  });
});
