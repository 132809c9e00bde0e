// After an edit that moves one Application to another wave, the need groups and pair findings of the others are kept objects, and equal a fresh build's.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { needGroups, type NeedGroup } from '../../../server/src/analysis/rules/deps/support/needGroups';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { parseFixture } from '../../support/fixture';
import { child, labRoot, widget, widgetCrd } from '../rules/deps/dependencyFixtures';

/** The Gadget CRD in infra/<app>/gadget-crd.yaml and a Gadget in infra/<app>/gadget.yaml (as the cycle test makes them). */
function gadgetCrd(app: string): string {
  return widgetCrd(app).replace('crd.yaml', 'gadget-crd.yaml').replace('widgets.widgets.example.com', 'gadgets.widgets.example.com').replace('kind: Widget', 'kind: Gadget').replace('plural: widgets', 'plural: gadgets');
}
function gadget(app: string, name: string): string {
  return widget(app, name).replace('widget.yaml', 'gadget.yaml').replace('kind: Widget', 'kind: Gadget');
}

/**
 * alpha installs the Widget CRD that beta and gamma use (so beta's and gamma's needs are ordered by their waves);
 * delta and epsilon need each other's CRD (a cycle, whatever their waves).
 */
function lab(gammaWave: number): Record<string, string> {
  return parseFixture(
    labRoot() +
      child('alpha', { wave: 1 }) +
      widgetCrd('alpha') +
      child('beta', { wave: 0 }) +
      widget('beta', 'w-beta') +
      child('gamma', { wave: gammaWave }) +
      widget('gamma', 'w-gamma') +
      child('delta', { wave: 2 }) +
      widgetCrd('delta').replace(/widgets/g, 'things').replace('kind: Widget', 'kind: Thing') +
      gadget('delta', 'g-delta') +
      child('epsilon', { wave: 3 }) +
      gadgetCrd('epsilon') +
      widget('epsilon', 'w-epsilon').replace('kind: Widget', 'kind: Thing').replace(/widgets\.example\.com/g, 'things.example.com'),
  );
}

/** What a group says, as plain data (ids, orderings, the deciding provider). */
function describeGroup(group: NeedGroup): unknown {
  return {
    dependent: group.dependentId,
    selfProvided: group.selfProvided,
    best: group.best.edge.provider.nodeId,
    edges: group.edges.map(({ edge, ordering, satisfiedBy }) => ({ provider: edge.provider.nodeId, reason: edge.reason, ordering: ordering.ordering, explanation: ordering.explanation, satisfiedBy })),
  };
}

describe('need groups after a wave edit', () => {
  it('keeps the groups of needs the moved Application is not part of, regroups its own, and says what a fresh build says', () => {
    const memo = new AnalysisMemo();
    const before = analyze(snapshotFromTexts(lab(0)), { memo });
    const groupsBefore = needGroups(before.model, before.graph);
    const after = analyze(snapshotFromTexts(lab(5)), { memo });
    const groupsAfter = needGroups(after.model, after.graph);
    const fresh = analyze(snapshotFromTexts(lab(5)));

    // The edit moved gamma after alpha: its need of the Widget CRD is ordered otherwise now.
    const gammaId = after.model.nodes.find((node) => node.name === 'gamma')?.id;
    const touchesGamma = (group: NeedGroup): boolean => group.edges.some(({ edge }) => edge.dependent.nodeId === gammaId || edge.provider.nodeId === gammaId);
    expect(groupsAfter.filter(touchesGamma).map(describeGroup)).not.toEqual(groupsBefore.filter(touchesGamma).map(describeGroup));
    expect(groupsAfter.length).toBe(groupsBefore.length);
    expect(groupsAfter.filter((group) => !touchesGamma(group)).length).toBeGreaterThan(0);
    groupsAfter.forEach((group, position) => {
      if (!touchesGamma(group)) expect(group).toBe(groupsBefore[position]);
    });

    expect(groupsAfter.map(describeGroup)).toEqual(needGroups(fresh.model, fresh.graph).map(describeGroup));
    const plain = (findings: typeof fresh.findings): unknown => findings.map(({ ruleId, message, severity, location }) => ({ ruleId, message, severity, file: location.file, start: location.span.start }));
    expect(plain(after.findings)).toEqual(plain(fresh.findings));
    // The cycle between delta and epsilon is found after the edit as before it.
    expect(after.findings.filter((finding) => finding.ruleId === 'deps/dependency-cycle').map((finding) => finding.message)).toEqual(
      before.findings.filter((finding) => finding.ruleId === 'deps/dependency-cycle').map((finding) => finding.message),
    );
    expect(after.findings.some((finding) => finding.ruleId === 'deps/dependency-cycle')).toBe(true);
  });
});
