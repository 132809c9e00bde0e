// deps/dependency-cycle: Applications that need one another in a circle.
import { describe, expect, it } from 'vitest';
import { dependencyCycle } from '../../../../server/src/analysis/rules/deps/dependency-cycle';
import { cyclicComponents, shortestCycle } from '../../../../server/src/analysis/rules/deps/support/stronglyConnected';
import { runCheck } from '../../../support/checkContext';
import { parseFixture, renderProblems } from '../../../support/fixture';
import { analyze } from '../../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../../server/src/analysis/snapshot';
import { child, configMap, labRoot, service, widget, widgetCrd } from './dependencyFixtures';

/** The Gadget CRD (group widgets.example.com) in infra/<app>/gadget-crd.yaml, and a Gadget in infra/<app>/gadget.yaml. */
function gadgetCrd(app: string): string {
  return widgetCrd(app).replace('crd.yaml', 'gadget-crd.yaml').replace('widgets.widgets.example.com', 'gadgets.widgets.example.com').replace('kind: Widget', 'kind: Gadget').replace('plural: widgets', 'plural: gadgets');
}
function gadget(app: string, name: string): string {
  return widget(app, name).replace('widget.yaml', 'gadget.yaml').replace('kind: Widget', 'kind: Gadget');
}

describe('deps/dependency-cycle', () => {
  it('fires once on two Applications that each need a CRD of the other (error), listing the path with reasons', () => {
    const repository = labRoot() + child('alpha', { wave: 1 }) + widgetCrd('alpha') + gadget('alpha', 'g1') + child('beta', { wave: 2 }) + gadgetCrd('beta') + widget('beta', 'w1');
    const { files, problems } = runCheck(dependencyCycle, repository);
    expect(renderProblems(problems, files)).toMatchInlineSnapshot(`
      "infra/alpha/gadget.yaml:2:7 deps/dependency-cycle Dependency cycle: alpha needs beta (Gadget g1 uses CRD gadgets.widgets.example.com), beta needs alpha (Widget w1 uses CRD widgets.widgets.example.com). Whatever their waves, one of these Applications starts before what it needs exists.
        | kind: Gadget
        |       ^^^^^^"
    `);
    expect(problems[0]?.severityCap).toBeUndefined();
    expect(problems[0]?.related?.map((item) => item.location.file)).toEqual(['infra/beta/widget.yaml']);
  });

  it('with a memo, says what a fresh analysis says when waves reorder the Applications, with a cycle and without', () => {
    const cycle = labRoot() + child('alpha', { wave: 1 }) + widgetCrd('alpha') + gadget('alpha', 'g1') + child('beta', { wave: 2 }) + gadgetCrd('beta') + widget('beta', 'w1');
    const chain = labRoot() + child('alpha', { wave: 1 }) + widgetCrd('alpha') + child('beta', { wave: 2 }) + widget('beta', 'w1');
    for (const repository of [cycle, chain]) {
      const memo = new AnalysisMemo();
      let texts = parseFixture(repository);
      analyze(snapshotFromTexts(texts), { memo });
      const alpha = Object.keys(texts).find((path) => path.startsWith('apps/') && texts[path]!.includes('name: alpha'))!;
      for (const wave of [5, 1, 7]) {
        // alpha moves after beta, back, and after again: the model's order changes, the needs stay.
        texts = { ...texts, [alpha]: texts[alpha]!.replace(/sync-wave: "-?\d+"/, `sync-wave: "${wave}"`) };
        const messages = (analysis: ReturnType<typeof analyze>): string[] => analysis.findings.filter((finding) => finding.ruleId === 'deps/dependency-cycle').map((finding) => finding.message);
        const followed = messages(analyze(snapshotFromTexts(texts), { memo }));
        expect(followed).toEqual(messages(analyze(snapshotFromTexts(texts))));
        expect(followed).toHaveLength(repository === cycle ? 1 : 0);
      }
    }
  });

  it('caps a cycle that needs a Service URL at warning', () => {
    const repository = labRoot() + child('alpha', { wave: 1 }) + widgetCrd('alpha') + configMap('alpha', 'config.yaml', 'alpha-config', 'http://api.beta.svc:8080') + child('beta', { wave: 2 }) + service('beta', 'api') + widget('beta', 'w1');
    const { problems } = runCheck(dependencyCycle, repository);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.severityCap).toBe('warning');
    expect(problems[0]?.message).toContain('at least one link is a Service URL');
  });

  it('stays silent on a chain, and on a need the dependent provides itself', () => {
    const chain = labRoot() + child('alpha', { wave: 1 }) + widgetCrd('alpha') + child('beta', { wave: 2 }) + gadgetCrd('beta') + widget('beta', 'w1') + child('gamma', { wave: 3 }) + gadget('gamma', 'g1');
    expect(runCheck(dependencyCycle, chain).problems).toEqual([]);
    // beta installs the Widget CRD too: its Widget needs nothing from alpha.
    const selfProvided = labRoot() + child('alpha', { wave: 1 }) + widgetCrd('alpha') + gadget('alpha', 'g1') + child('beta', { wave: 2 }) + gadgetCrd('beta') + widget('beta', 'w1') + widgetCrd('beta');
    expect(runCheck(dependencyCycle, selfProvided).problems).toEqual([]);
  });
});

describe('stronglyConnected', () => {
  const graph = {
    nodes: ['a', 'b', 'c', 'd', 'e'],
    successors: new Map([
      ['a', ['b']],
      ['b', ['c', 'b']],
      ['c', ['a', 'd']],
      ['d', ['e']],
      ['e', ['d']],
    ]),
  };
  it('finds components with more than one node, ignoring self-loops, in node order', () => {
    expect(cyclicComponents(graph)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(cyclicComponents({ nodes: ['x'], successors: new Map([['x', ['x']]]) })).toEqual([]);
  });
  it('finds the shortest cycle through a node inside a component', () => {
    expect(shortestCycle(graph, 'a', new Set(['a', 'b', 'c']))).toEqual(['a', 'b', 'c']);
    expect(shortestCycle(graph, 'd', new Set(['d', 'e']))).toEqual(['d', 'e']);
    expect(shortestCycle(graph, 'a', new Set(['a', 'b']))).toBeUndefined();
  });
});
