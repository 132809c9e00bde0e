// The pairs of Applications the ordering rules judge, across analyses: taken again while the needs are, with the nodes that changed taken from the new model.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../../server/src/analysis/snapshot';
import { pairsWithOrdering, type DependencyPair } from '../../../../server/src/analysis/rules/deps/support/orderingFindings';
import { applicationText as application } from '../../../support/applicationText';
import { crdUserOtherTexts, widget, withoutPathLine as body } from './dependencyFixtures';

const configMap = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

/** The pairs as text: dependent, provider, ordering, needs. */
function described(pairs: readonly DependencyPair[]): string[] {
  return pairs.map((pair) => `${pair.dependent.name} needs ${pair.provider.name} (${pair.ordering.ordering}): ${pair.needs.length}`);
}

/** Each pair's nodes are the analysis's own node objects. */
function nodesCurrent(pairs: readonly DependencyPair[], analysis: Analysis): boolean {
  return pairs.every((pair) => analysis.model.nodesById.get(pair.dependent.id) === pair.dependent && analysis.model.nodesById.get(pair.provider.id) === pair.provider);
}

describe('pairsWithOrdering across analyses', () => {
  it('keeps the list through an unrelated edit, and takes a changed dependent from the new model', () => {
    let texts = crdUserOtherTexts();
    const memo = new AnalysisMemo();
    const step = (edit: Record<string, string>): { analysis: Analysis; pairs: readonly DependencyPair[]; fresh: readonly DependencyPair[] } => {
      texts = { ...texts, ...edit };
      const analysis = analyze(snapshotFromTexts(texts), { memo });
      const fresh = analyze(snapshotFromTexts(texts));
      return { analysis, pairs: pairsWithOrdering(analysis, 'same-wave'), fresh: pairsWithOrdering(fresh, 'same-wave') };
    };
    const first = step({});
    expect(described(first.pairs)).toEqual(['user needs crds (same-wave): 1']);

    // Another Application's resource: the pair's nodes are the same objects, the same list.
    const unrelated = step({ 'platform/other/config.yaml': configMap('other2') });
    expect(unrelated.pairs).toBe(first.pairs);
    expect(nodesCurrent(unrelated.pairs, unrelated.analysis)).toBe(true);

    // The root moves to another wave: both ends' creation chains say something else, the needs stay: the pair is made again.
    const chains = step({ 'root.yaml': application('root', 'apps', 5) });
    expect(chains.pairs).not.toBe(unrelated.pairs);
    expect(chains.pairs[0]).not.toBe(unrelated.pairs[0]);
    expect(nodesCurrent(chains.pairs, chains.analysis)).toBe(true);

    // The dependent's own resources change (a second widget): the pair's dependent is the new node.
    const touched = step({ 'platform/user/widget.yaml': `${body(widget('user', 'first'))}---\n${body(widget('user', 'second'))}` });
    expect(touched.pairs[0]).not.toBe(chains.pairs[0]);
    expect(nodesCurrent(touched.pairs, touched.analysis)).toBe(true);
    for (const { pairs, fresh } of [unrelated, chains, touched]) expect(described(pairs)).toEqual(described(fresh));
  });
});
