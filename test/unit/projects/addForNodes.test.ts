// ProblemsByLocation.addForNodes and keptPerNode across analyses: what is judged again after an edit, and what is taken as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NodeReadTracker } from '../../../server/src/analysis/incremental/nodeReadTracker';
import { ObjectReadMemo } from '../../../server/src/analysis/incremental/readMemo';
import { snapshotChanges } from '../../../server/src/analysis/incremental/snapshotChanges';
import type { AppNode, RepositoryModel } from '../../../server/src/analysis/model/types';
import { ParseCache } from '../../../server/src/analysis/parseCache';
import { ProblemsByLocation, type JudgedApplication, type ProblemSink } from '../../../server/src/analysis/projects/applicationsToJudge';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import type { CheckContext, RecentCheckResults } from '../../../server/src/analysis/rules/check';
import { unknownProject } from '../../../server/src/analysis/rules/project/unknown-project';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { DEFAULT_PARSE_LIMITS } from '../../../server/src/analysis/yaml/parseYamlFile';
import type { ApplicationSpec } from '../../../server/src/analysis/argo/types';
import { edited } from '../../support/editedSnapshot';

const entryFor = (id: string, file: string): JudgedApplication => ({
  node: { id, name: id, origin: { file, documentIndex: 0, path: [] } } as unknown as AppNode,
  application: {} as ApplicationSpec,
});

/** One memo and tracker across analyses, as a language server keeps them; each analysis judges a list with one rule. */
class Analyses {
  readonly parseCache = new ParseCache(DEFAULT_PARSE_LIMITS);
  readonly memo = new ObjectReadMemo<AppNode, readonly unknown[]>();
  readonly tracker = new NodeReadTracker();
  readonly recent = new Map<string, RecentCheckResults>();
  index: RepoIndex;
  judged: string[] = [];

  constructor(texts: Record<string, string>) {
    this.index = new RepoIndex(snapshotFromTexts(texts), DEFAULT_PARSE_LIMITS, this.parseCache);
  }

  edit(changes: Record<string, string>): void {
    const next = edited(this.index.snapshot, changes);
    this.index = RepoIndex.following(this.index, next, snapshotChanges(this.index.snapshot, next), this.parseCache);
  }

  /** Begins an analysis; with `list`, judges it (a node is "bad" when its file says so) and returns the names found. */
  analyse(list?: readonly JudgedApplication[], facts = 'facts'): string[] | undefined {
    this.tracker.begin(this.index);
    if (list === undefined) return undefined;
    const context = { index: this.index, model: {} as RepositoryModel, memo: this.memo, tracker: this.tracker, recent: this.recent } as unknown as CheckContext;
    const collected = new ProblemsByLocation(unknownProject);
    collected.addForNodes(context, list, facts, (sink: ProblemSink, { node }) => {
      this.judged.push(node.id);
      if (this.index.text(node.origin.file)?.includes('bad')) sink.add({ file: node.origin.file, span: { start: 0, end: 1 } }, 'bad', node.name, (names) => `bad: ${names}`, { certain: true });
    });
    return collected.problems().map((problem) => problem.message);
  }
}

describe('ProblemsByLocation.addForNodes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('judges again only the entries an edit touched, taking the others by place without looking their nodes up', () => {
    const analyses = new Analyses({ 'a.yaml': 'bad: 1\n', 'b.yaml': 'ok: 1\n' });
    const list = [entryFor('a', 'a.yaml'), entryFor('b', 'b.yaml')];
    expect(analyses.analyse(list)).toEqual(['bad: a']);
    expect(analyses.judged).toEqual(['a', 'b']);

    analyses.edit({ 'b.yaml': 'bad: 2\n' });
    analyses.judged = [];
    const lookedUp = vi.spyOn(NodeReadTracker.prototype, 'trusts');
    expect(analyses.analyse(list)).toEqual(['bad: a', 'bad: b']);
    expect(analyses.judged).toEqual(['b']);
    // a, the same entry at the same place and untouched, was taken without the tracker looking its node up.
    expect(lookedUp.mock.calls.map(([node]) => node.id)).toEqual(['b']);

    // Another list whose first entry is another object for the same node: that entry is looked up (and trusted).
    lookedUp.mockClear();
    analyses.edit({ 'b.yaml': 'ok: 3\n' });
    analyses.judged = [];
    expect(analyses.analyse([{ ...list[0]! }, list[1]!])).toEqual(['bad: a']);
    expect(analyses.judged).toEqual(['b']);
    expect(lookedUp.mock.calls.map(([node]) => node.id)).toEqual(['a', 'b']);

    // Other facts: everything is judged again.
    analyses.judged = [];
    analyses.edit({ 'b.yaml': 'ok: 4\n' });
    analyses.analyse(list, 'other facts');
    expect(analyses.judged).toEqual(['a', 'b']);
  });

  it('judges again what an edit touched in an analysis the check did not run in', () => {
    const analyses = new Analyses({ 'a.yaml': 'bad: 1\n', 'b.yaml': 'ok: 1\n' });
    const list = [entryFor('a', 'a.yaml'), entryFor('b', 'b.yaml')];
    analyses.analyse(list);
    // The check is off for one analysis, in which a's file changes; then an edit elsewhere.
    analyses.edit({ 'a.yaml': 'ok: 2\n' });
    analyses.analyse();
    analyses.edit({ 'b.yaml': 'ok: 3\n' });
    analyses.judged = [];
    expect(analyses.analyse(list)).toEqual([]);
    expect(analyses.judged).toContain('a');
  });

  it('takes the adds of an entry that only moved (a wave edit reorders the list) from its previous place, without a lookup', () => {
    const analyses = new Analyses({ 'a.yaml': 'bad: 1\n', 'b.yaml': 'ok: 1\n', 'c.yaml': 'bad: 1\n' });
    const [a, b, c] = [entryFor('a', 'a.yaml'), entryFor('b', 'b.yaml'), entryFor('c', 'c.yaml')] as [JudgedApplication, JudgedApplication, JudgedApplication];
    expect(analyses.analyse([a, b, c])).toEqual(['bad: a', 'bad: c']);
    // c moves first, b's file changes: b alone is judged again, c and a keep what they added, in the new order.
    analyses.edit({ 'b.yaml': 'bad: 2\n' });
    analyses.judged = [];
    const lookedUp = vi.spyOn(NodeReadTracker.prototype, 'trusts');
    expect(analyses.analyse([c, a, b])).toEqual(['bad: c', 'bad: a', 'bad: b']);
    expect(analyses.judged).toEqual(['b']);
    expect(lookedUp.mock.calls.map(([node]) => node.id)).toEqual(['b']);
    // A moved entry whose file changed is judged again.
    analyses.edit({ 'c.yaml': 'ok: 2\n' });
    analyses.judged = [];
    expect(analyses.analyse([a, c, b])).toEqual(['bad: a', 'bad: b']);
    expect(analyses.judged).toEqual(['c']);
  });
});
