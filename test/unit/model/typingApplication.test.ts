// An Application typed into a new file one character at a time: at every keystroke the memo's analysis is a fresh build's, and which keystrokes build.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { applicationText as application } from '../../support/applicationText';

/** What a person sees of an analysis: roots, orphans, nodes (parent, wave, resources) and findings with places. */
function view(analysis: Analysis): string {
  return JSON.stringify({
    roots: analysis.model.rootIds,
    orphans: analysis.model.orphans.map((object) => object.name),
    nodes: analysis.model.nodes.map((node) => [node.id, node.name, node.ordering.parentId, node.wave.wave, node.resources.length]),
    findings: analysis.findings.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.span.start} ${finding.message}`),
  });
}

const REPOSITORY: Record<string, string> = {
  // A root whose kustomization lists what it creates, and a root that renders its folder as a directory.
  'root.yaml': application('root', 'apps', 0),
  'apps/kustomization.yaml': 'resources:\n  - web.yaml\n',
  'apps/web.yaml': application('web', 'platform/web', 2),
  'dir-root.yaml': application('dirroot', 'dirapps', 0),
  'dirapps/one.yaml': application('one', 'platform/web', 1),
  'platform/web/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n',
  'platform/plain/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
};

/**
 * Types `text` into `path` one character at a time, each state analysed with one memo and compared with a fresh
 * analysis; returns the text's lines, each prefixed with a mark per keystroke ending on it: `.` patched, `B` built.
 */
function typeInto(path: string, text: string): string {
  const states = Array.from({ length: text.length }, (_, at) => text.slice(0, at + 1));
  return marked(text, analyseStates({ ...REPOSITORY }, path, states));
}

/**
 * Erases `text`, written whole in `path` at first, from its end one character at a time (as the typing marks it: the
 * mark of a character is that of the state without it).
 */
function eraseFrom(path: string, text: string): string {
  const states = Array.from({ length: text.length }, (_, at) => text.slice(0, text.length - at - 1));
  return marked(text, analyseStates({ ...REPOSITORY, [path]: text }, path, states).reverse());
}

/** Analyses each of `states` of `path` in turn with one memo, each compared with a fresh analysis; a mark per state: `.` patched, `B` built. */
function analyseStates(repository: Record<string, string>, path: string, states: readonly string[]): string[] {
  const memo = new AnalysisMemo();
  let texts = repository;
  analyze(snapshotFromTexts(texts), { memo });
  const marks: string[] = [];
  for (const state of states) {
    texts = { ...texts, [path]: state };
    const next = snapshotFromTexts(texts);
    expect(view(analyze(next, { memo })), `after ${JSON.stringify(state)}`).toBe(view(analyze(next)));
    marks.push(memo.modelPatched ? '.' : 'B');
  }
  return marks;
}

/** The text's lines, each prefixed with the marks of the characters on it (and of its line break). */
function marked(text: string, marks: readonly string[]): string {
  let position = 0;
  return text
    .split('\n')
    .filter((line, index, lines) => index < lines.length - 1 || line !== '')
    .map((line) => {
      const lineMarks = marks.slice(position, position + line.length + 1).join('');
      position += line.length + 1;
      return `${lineMarks.padEnd(45)} ${line}`;
    })
    .join('\n');
}

describe('an Application typed into a new file', () => {
  const typed = application('extra', 'platform/plain', 4);

  it('unlisted beside a kustomization (an orphan once whole)', () => {
    expect(typeInto('apps/extra.yaml', typed)).toMatchInlineSnapshot(`
      ".................................             apiVersion: argoproj.io/v1alpha1
      ..................                            kind: Application
      ..........                                    metadata:
      ..............                                  name: extra
      ....................                            namespace: argocd
      ...............                                 annotations:
      ......................................            argocd.argoproj.io/sync-wave: "4"
      ......                                        spec:
      ...................                             project: default
      ..........                                      source:
      ....................................BB..B.        repoURL: https://example.com/repo.git
      ....B...B.B..............                         path: platform/plain
      ...............                                 destination:
      ...........................................       server: https://kubernetes.default.svc
      .....................                             namespace: extra"
    `);
  });

  it('in a folder nobody renders (a root once whole)', () => {
    expect(typeInto('bootstrap/extra.yaml', typed)).toMatchInlineSnapshot(`
      ".................................             apiVersion: argoproj.io/v1alpha1
      ..................                            kind: Application
      ..........                                    metadata:
      ..............                                  name: extra
      ....................                            namespace: argocd
      ...............                                 annotations:
      ......................................            argocd.argoproj.io/sync-wave: "4"
      ......                                        spec:
      ...................                             project: default
      ..........                                      source:
      ....................................BB..B.        repoURL: https://example.com/repo.git
      ....B...B.B..............                         path: platform/plain
      ...............                                 destination:
      ...........................................       server: https://kubernetes.default.svc
      .....................                             namespace: extra"
    `);
  });

  it('in a folder a root renders as a directory (its child once whole)', () => {
    expect(typeInto('dirapps/extra.yaml', typed)).toMatchInlineSnapshot(`
      ".................................             apiVersion: argoproj.io/v1alpha1
      ..................                            kind: Application
      ..........                                    metadata:
      ..............                                  name: extra
      ....................                            namespace: argocd
      ...............                                 annotations:
      ......................................            argocd.argoproj.io/sync-wave: "4"
      ......                                        spec:
      ...................                             project: default
      ..........                                      source:
      ....................................BB..B.        repoURL: https://example.com/repo.git
      ....B...B.B..............                         path: platform/plain
      ...............                                 destination:
      ...........................................       server: https://kubernetes.default.svc
      .....................                             namespace: extra"
    `);
  });

  it('erased from its end in a folder a root renders as a directory (a patch, then nothing, once the source goes)', () => {
    expect(eraseFrom('dirapps/extra.yaml', typed)).toMatchInlineSnapshot(`
      ".................................             apiVersion: argoproj.io/v1alpha1
      ..................                            kind: Application
      ..........                                    metadata:
      ..............                                  name: extra
      ....................                            namespace: argocd
      ...............                                 annotations:
      ......................................            argocd.argoproj.io/sync-wave: "4"
      ......                                        spec:
      ...................                             project: default
      ..........                                      source:
      ....................................BB..B.        repoURL: https://example.com/repo.git
      ....B...B.B..............                         path: platform/plain
      ...............                                 destination:
      ...........................................       server: https://kubernetes.default.svc
      .....................                             namespace: extra"
    `);
  });
});
