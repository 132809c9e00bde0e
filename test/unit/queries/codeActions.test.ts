// Code actions: each finding's fixes (edits in other files too), fix-all of one rule in a file, source.fixAll; applying them fixes the findings.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/analysis/analyze';
import { applyEdits } from '../../../server/src/analysis/fixes/types';
import { codeActionsAt, fixAllInFile } from '../../../server/src/analysis/queries/codeActions';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { parseFixture } from '../../support/fixture';
import { offsetOf, QUERY_FILES } from './queryFixture';

/** Two unquoted waves in one file (two `waves/unquoted-value` findings), and Argo CD's argocd-cm without the Application health check. */
const FILES = {
  ...QUERY_FILES,
  ...parseFixture(`
    #- storage/jobs.yaml
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: first
      annotations:
        argocd.argoproj.io/sync-wave: 3 # keep this comment
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: second
      annotations:
        argocd.argoproj.io/sync-wave: -1
    #- argocd/argocd-cm.yaml
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: argocd-cm
      namespace: argocd
    data:
      timeout.reconciliation: 180s
  `),
};

/** Applies edits file by file. */
function applyAll(files: Record<string, string>, edits: readonly { file: string; span: { start: number; end: number }; newText: string }[]): Record<string, string> {
  const next = { ...files };
  for (const file of new Set(edits.map((edit) => edit.file))) next[file] = applyEdits(next[file] ?? '', edits.filter((edit) => edit.file === file));
  return next;
}

describe('code actions', () => {
  const analysis = analyze(snapshotFromTexts(FILES));

  it('offers each fix of the finding under the range, then fix-all of its rule in the file', () => {
    const at = offsetOf(FILES, 'storage/jobs.yaml', ': 3', 2);
    const actions = codeActionsAt(analysis.findings, 'storage/jobs.yaml', { start: at, end: at });
    expect(actions.map((action) => `${action.kind} ${action.preferred ? 'preferred ' : ''}${action.title} [${action.findings.map((finding) => finding.ruleId).join(', ')}]`)).toMatchInlineSnapshot(`
      [
        "quickfix preferred Quote the value: "3" [waves/unquoted-value]",
        "quickfix Fix all waves/unquoted-value problems in this file (2) [waves/unquoted-value, waves/unquoted-value]",
      ]
    `);
  });

  it('fix-all applies every preferred fix of the rule; the findings go and nothing else changes', () => {
    const at = offsetOf(FILES, 'storage/jobs.yaml', ': 3', 2);
    const fixAll = codeActionsAt(analysis.findings, 'storage/jobs.yaml', { start: at, end: at }).find((action) => action.title.startsWith('Fix all'));
    expect(fixAll).toBeDefined();
    const fixed = applyAll(FILES, fixAll?.edits ?? []);
    expect(fixed['storage/jobs.yaml']).toBe((FILES['storage/jobs.yaml'] ?? '').replace('sync-wave: 3 #', 'sync-wave: "3" #').replace('sync-wave: -1', 'sync-wave: "-1"'));
    const after = analyze(snapshotFromTexts(fixed));
    expect(after.findings.filter((finding) => finding.ruleId === 'waves/unquoted-value')).toEqual([]);
  });

  it('a fix may edit another file than the finding: the health check goes where Argo CD is configured', () => {
    const at = offsetOf(FILES, 'root.yaml', 'name: root', 2);
    const actions = codeActionsAt(analysis.findings, 'root.yaml', { start: at, end: at });
    expect(actions.map((action) => `${action.title}: ${[...new Set(action.edits.map((edit) => edit.file))].join(', ')}`)).toMatchInlineSnapshot(`
      [
        "Add the Application health check to argocd-cm: argocd/argocd-cm.yaml",
      ]
    `);
  });

  it('nothing away from findings; source.fixAll gathers the preferred fixes of every rule in the file', () => {
    expect(codeActionsAt(analysis.findings, 'apps/web.yaml', { start: 0, end: 0 })).toEqual([]);
    expect(fixAllInFile(analysis.findings, 'storage/jobs.yaml')?.findings.length).toBe(2);
    expect(fixAllInFile(analysis.findings, 'storage/storageclass.yaml')).toBeUndefined();
  });
});
