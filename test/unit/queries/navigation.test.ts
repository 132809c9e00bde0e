// Definitions, document and workspace symbols, and code lenses on the query fixture.
import { describe, expect, it } from 'vitest';
import { codeLenses } from '../../../server/src/analysis/queries/codeLens';
import { definitionAt } from '../../../server/src/analysis/queries/definition';
import { documentSymbols, workspaceSymbols } from '../../../server/src/analysis/queries/symbols';
import { LineIndex } from '../../../server/src/analysis/text/lineIndex';
import { analyseQueryFixture, offsetOf, QUERY_FILES } from './queryFixture';

const analysis = analyseQueryFixture();

/** `written → file:line:column` (1-based) for each definition of the reference at the needle. */
function definitions(file: string, needle: string, delta = 1): string[] {
  return definitionAt(analysis, file, offsetOf(QUERY_FILES, file, needle, delta)).map(({ originSpan, target }) => {
    const position = new LineIndex(QUERY_FILES[target.file] ?? '').position(target.span.start);
    return `${(QUERY_FILES[file] ?? '').slice(originSpan.start, originSpan.end)} → ${target.file}:${position.line + 1}:${position.column + 1}`;
  });
}

describe('definitionAt', () => {
  it('leads from a source path to the folder (its kustomization or chart), and from value files to the file', () => {
    expect(definitions('root.yaml', 'path: apps', 7)).toEqual(['apps → apps/kustomization.yaml:1:1']);
    expect(definitions('apps/api.yaml', 'path: api', 7)).toEqual(['api → api/Chart.yaml:1:1']);
    expect(definitions('apps/api.yaml', 'values-prod.yaml')).toEqual(['values-prod.yaml → api/values-prod.yaml:1:1']);
  });

  it('leads from kustomization resources, spec.project and depends-on entries to their targets', () => {
    expect(definitions('apps/kustomization.yaml', 'web.yaml')).toEqual(['web.yaml → apps/web.yaml:1:1']);
    expect(definitions('apps/web.yaml', 'project: platform', 10)).toEqual(['platform → apps/project.yaml:4:9']);
    expect(definitions('apps/web.yaml', 'depends-on: storage', 14)).toEqual(['storage → apps/storage.yaml:4:9']);
  });

  it('has nothing for other fields', () => {
    expect(definitions('apps/web.yaml', 'namespace: web', 12)).toEqual([]);
  });
});

describe('symbols and lenses', () => {
  it('lists the documents of a multi-document file', () => {
    expect(documentSymbols(analysis, 'web/pvc.yaml').map((symbol) => `${symbol.category} ${symbol.name} (${symbol.detail})`)).toEqual([
      'object PersistentVolumeClaim data (web)',
      'object ConfigMap settings (web)',
    ]);
    expect(documentSymbols(analysis, 'apps/set.yaml').map((symbol) => `${symbol.category} ${symbol.name} (${symbol.detail})`)).toEqual(['applicationSet ApplicationSet teams (wave 2)']);
  });

  it('finds Applications and ApplicationSets by the letters of their name', () => {
    expect(workspaceSymbols(analysis, 'tm').map((symbol) => `${symbol.category} ${symbol.name} in ${symbol.container}`)).toEqual([
      'applicationSet teams in root',
      'application team-blue in teams',
      'application team-red in teams',
    ]);
    expect(workspaceSymbols(analysis, '').length).toBe(analysis.model.nodes.length);
  });

  it('puts a lens above each declared Application and ApplicationSet: wave, what it waits for, how many wait for it', () => {
    expect(codeLenses(analysis, 'apps/web.yaml')).toEqual([{ span: { start: 0, end: 0 }, title: 'wave 0 · waits for storage · 0 apps wait for it', nodeId: 'apps/web.yaml#0' }]);
    expect(codeLenses(analysis, 'apps/storage.yaml').map((lens) => lens.title)).toEqual(['wave 1 · 1 app waits for it']);
    expect(codeLenses(analysis, 'apps/set.yaml').map((lens) => lens.title)).toEqual(['wave 2 · 0 apps wait for it · generates 2']);
    expect(codeLenses(analysis, 'web/pvc.yaml')).toEqual([]);
  });
});
