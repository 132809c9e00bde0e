// Completion from the text being typed: wave values with their apps, annotation keys, sync options (block and flow lists).
import { describe, expect, it } from 'vitest';
import { completionsAt } from '../../../server/src/analysis/queries/completion';
import { analyseQueryFixture, QUERY_FILES } from './queryFixture';

const analysis = analyseQueryFixture();

/** Completions where `|` is in `text` (the file's new text): `label → insert over 'replaced' (detail)`. */
function complete(file: string, textWithCursor: string): string[] {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return completionsAt(analysis, file, text, offset).map((item) => `${item.label} → ${item.insertText} over '${text.slice(item.replace.start, item.replace.end)}' (${item.detail})`);
}

describe('completionsAt', () => {
  it('offers the waves in use among the Application\'s siblings, with their apps, quoted', () => {
    const text = (QUERY_FILES['apps/web.yaml'] ?? '').replace('sync-wave: "0"', 'sync-wave: |');
    expect(complete('apps/web.yaml', text)).toMatchInlineSnapshot(`
      [
        "0 → "0" over '' (api, web)",
        "1 → "1" over '' (storage)",
        "2 → "2" over '' (teams)",
      ]
    `);
  });

  it('inside quotes, inserts the bare number', () => {
    const text = (QUERY_FILES['apps/web.yaml'] ?? '').replace('sync-wave: "0"', 'sync-wave: "1|"');
    expect(complete('apps/web.yaml', text)[0]).toMatchInlineSnapshot(`"0 → 0 over '1' (api, web)"`);
  });

  it('offers annotation keys under metadata.annotations, even on a half-typed line', () => {
    const text = (QUERY_FILES['apps/web.yaml'] ?? '').replace('    gitops-waves.io/depends-on: storage', '    argocd.argoproj.io/sy|');
    const items = complete('apps/web.yaml', text);
    expect(items[0]).toMatchInlineSnapshot(`"argocd.argoproj.io/sync-wave → argocd.argoproj.io/sync-wave:  over 'argocd.argoproj.io/sy' (Argo CD)"`);
    expect(items.length).toBe(8);
  });

  it('offers sync options in a block list, a flow list, and the resource annotation', () => {
    const block = (QUERY_FILES['apps/storage.yaml'] ?? '').replace('- CreateNamespace=true', '- Cre|');
    expect(complete('apps/storage.yaml', block)[0]).toMatchInlineSnapshot(`"CreateNamespace=true → CreateNamespace=true over 'Cre' (Argo CD)"`);
    const flow = (QUERY_FILES['apps/web.yaml'] ?? '').replace('[CreateNamespace=true]', '[CreateNamespace=true, Prune|]');
    expect(complete('apps/web.yaml', flow)[0]).toMatchInlineSnapshot(`"CreateNamespace=true → CreateNamespace=true over 'Prune' (Argo CD)"`);
    const annotation = (QUERY_FILES['web/pvc.yaml'] ?? '').replace('  name: data\n', '  name: data\n  annotations:\n    argocd.argoproj.io/sync-options: Prune=false,Sk|\n');
    expect(complete('web/pvc.yaml', annotation)[0]).toMatchInlineSnapshot(`"SkipDryRunOnMissingResource=true → SkipDryRunOnMissingResource=true over 'Sk' (Argo CD)"`);
  });

  it('offers nothing elsewhere', () => {
    expect(complete('apps/web.yaml', (QUERY_FILES['apps/web.yaml'] ?? '').replace('name: web', 'name: we|b'))).toEqual([]);
  });
});
