// After an edit that changes some Applications' needs or providers, the kept graph matches only the nodes that need it again, and equals a fresh build's.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { needGroups } from '../../../server/src/analysis/rules/deps/support/needGroups';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { parseFixture } from '../../support/fixture';
import { listEdges, listUnsatisfied } from '../dependencies/graphListing';
import { child, labRoot, widget, widgetCrd } from '../rules/deps/dependencyFixtures';

/** alpha installs the Widget CRD that beta and gamma use; delta deploys a ConfigMap only. */
const LAB = parseFixture(
  labRoot() +
    child('alpha', { wave: 1 }) +
    widgetCrd('alpha') +
    child('beta', { wave: 2 }) +
    widget('beta', 'w-beta') +
    child('gamma', { wave: 2 }) +
    widget('gamma', 'w-gamma') +
    child('delta', { wave: 2 }) +
    '#- infra/delta/settings.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n',
);

/** The graph as a person reads it: edges, then needs nothing satisfies. */
function graphOf(analysis: Analysis): string {
  return `${listEdges(analysis.graph, analysis.model, analysis.index)}\n--\n${listUnsatisfied(analysis.graph, analysis.model, analysis.index)}`;
}

/** The analysis of `texts` with a memo that analysed LAB first, how many nodes that analysis matched, and a fresh analysis. */
function afterEdit(texts: Record<string, string>): { after: Analysis; matched: number; fresh: Analysis; nodes: number } {
  const memo = new AnalysisMemo();
  analyze(snapshotFromTexts(LAB), { memo });
  const before = memo.keptGraph.rematched;
  const after = analyze(snapshotFromTexts(texts), { memo });
  return { after, matched: memo.keptGraph.rematched - before, fresh: analyze(snapshotFromTexts(texts)), nodes: after.model.nodes.length };
}

describe('the kept graph after an edit', () => {
  it("matches again only the Application whose needs changed (gamma's custom resource removed)", () => {
    const { after, matched, fresh } = afterEdit({ ...LAB, 'infra/gamma/widget.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w-gamma\n' });
    expect(matched).toBe(1);
    expect(graphOf(after)).toBe(graphOf(fresh));
    expect(graphOf(after)).not.toContain('gamma --crd-->');
  });

  it("keeps the need groups of the dependents it did not match again (the same objects), and groups as a fresh build does", () => {
    const memo = new AnalysisMemo();
    const first = analyze(snapshotFromTexts(LAB), { memo });
    const groupsBefore = needGroups(first.model, first.graph);
    const texts = { ...LAB, 'infra/gamma/widget.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w-gamma\n' };
    const after = analyze(snapshotFromTexts(texts), { memo });
    expect(after.graph).not.toBe(first.graph);
    const groupsAfter = needGroups(after.model, after.graph);
    const nameOf = (id: string): string | undefined => after.model.nodesById.get(id)?.name;
    const betaBefore = groupsBefore.filter((group) => nameOf(group.dependentId) === 'beta');
    expect(betaBefore.length).toBeGreaterThan(0);
    for (const group of betaBefore) expect(groupsAfter).toContain(group);
    const fresh = analyze(snapshotFromTexts(texts));
    const described = (groups: ReturnType<typeof needGroups>): string[] =>
      groups.map((group) => `${nameOf(group.dependentId)}: ${group.edges.map(({ edge, ordering }) => `${edge.reason} ${ordering.ordering}`).join(', ')}`);
    expect(described(groupsAfter)).toEqual(described(needGroups(fresh.model, fresh.graph)));
  });

  it('orders again the edges of a kept dependent whose provider moved since the last grouping (a wave edit, then a rematch)', () => {
    const memo = new AnalysisMemo();
    const first = analyze(snapshotFromTexts(LAB), { memo });
    needGroups(first.model, first.graph);
    // alpha after beta and gamma: the graph is kept, its groups follow the new orderings.
    const moved = { ...LAB, 'apps/alpha.yaml': (LAB['apps/alpha.yaml'] ?? '').replace('sync-wave: "1"', 'sync-wave: "3"') };
    const second = analyze(snapshotFromTexts(moved), { memo });
    expect(second.graph).toBe(first.graph);
    needGroups(second.model, second.graph);
    // Then gamma's resource goes: a new graph, beta's edge list kept, its edge to alpha ordered otherwise than at the last grouping.
    const texts = { ...moved, 'infra/gamma/widget.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w-gamma\n' };
    const third = analyze(snapshotFromTexts(texts), { memo });
    expect(third.graph).not.toBe(second.graph);
    const fresh = analyze(snapshotFromTexts(texts));
    const described = (analysis: Analysis): string[] =>
      needGroups(analysis.model, analysis.graph).map((group) => `${analysis.model.nodesById.get(group.dependentId)?.name}: ${group.edges.map(({ edge, ordering }) => `${edge.reason} ${ordering.ordering}`).join(', ')}`);
    expect(described(third)).toEqual(described(fresh));
    expect(described(third).join('\n')).toContain('after');
  });

  it('matches again the Applications that need what a changed provider provided (alpha no more installs the CRD)', () => {
    const { after, matched, fresh } = afterEdit({ ...LAB, 'infra/alpha/crd.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: not-a-crd\n' });
    // beta and gamma need the CRD, alpha's ConfigMap is a need of its own (its namespace); delta's needs are as before.
    expect(matched).toBe(3);
    expect(graphOf(after)).toBe(graphOf(fresh));
    expect(graphOf(after)).toContain('beta needs CRD');
  });

  it('indexes again only the kinds and keys a changed provider provided or provides (a StorageClass that goes, then comes back)', () => {
    const storage = {
      ...LAB,
      'infra/delta/storageclass.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: example.com/fast\n',
      'infra/gamma/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClassName: fast\n',
    };
    const memo = new AnalysisMemo();
    analyze(snapshotFromTexts(storage), { memo });
    const gone = { ...storage, 'infra/delta/storageclass.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fast\n' };
    for (const texts of [gone, storage, gone]) {
      const after = analyze(snapshotFromTexts(texts), { memo });
      expect(graphOf(after)).toBe(graphOf(analyze(snapshotFromTexts(texts))));
      expect(graphOf(after).includes('gamma --storage-class--> delta')).toBe(texts === storage);
    }
  });

  it('matches every node again when Argo CD runs in other namespaces (an Application moved)', () => {
    const { after, matched, fresh, nodes } = afterEdit({ ...LAB, 'apps/delta.yaml': (LAB['apps/delta.yaml'] ?? '').replace('namespace: argocd', 'namespace: gamma') });
    expect(matched).toBe(nodes);
    expect(graphOf(after)).toBe(graphOf(fresh));
  });
});
