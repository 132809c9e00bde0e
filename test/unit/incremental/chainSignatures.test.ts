// Creation-chain numbers: equal numbers exactly for chains that say the same, also when a model reuses the previous model's numbers.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import type { AppNode, RepositoryModel } from '../../../server/src/analysis/model/types';
import { chainSignatures, chainsRenumbered } from '../../../server/src/analysis/ordering/orderedEdges';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { applicationText } from '../../support/applicationText';
import { edited } from '../../support/editedSnapshot';

const application = applicationText;

/** Two app-of-apps branches under one root, so an edit of one branch's parent leaves the other branch's chains alone. */
const TEXTS: Record<string, string> = {
  'root.yaml': application('root', 'apps', 0),
  'apps/left.yaml': application('left', 'left', 1),
  'apps/right.yaml': application('right', 'right', 2),
  'left/a.yaml': application('left-a', 'workloads/left-a', 0),
  'left/b.yaml': application('left-b', 'workloads/left-b', 1),
  'right/c.yaml': application('right-c', 'workloads/right-c', 0),
  'workloads/left-a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n',
  'workloads/left-b/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
  'workloads/right-c/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
};

/** What a chain number stands for, spelled out: each step's fields an ordering reads, from the root down. */
function spelledChain(model: RepositoryModel, node: AppNode): string {
  const steps: string[] = [];
  for (let step: AppNode | undefined = node; step !== undefined; ) {
    steps.unshift([step.id, step.kind, step.name, step.wave.wave, step.ordering.parentId, step.ordering.gating, step.ordering.explanation, step.generatedById].join('|'));
    const creatorId: string | undefined = step.ordering.parentId ?? step.generatedById;
    step = creatorId === undefined ? undefined : model.nodesById.get(creatorId);
  }
  return steps.join(' / ');
}

describe('chainSignatures', () => {
  it('gives equal numbers exactly to equal chains, across a model and the one after an edit', () => {
    const memo = new AnalysisMemo();
    const base = snapshotFromTexts(TEXTS);
    const before = analyze(base, { memo }).model;
    const numbersBefore = chainSignatures(before);
    // The left branch's parent moves to another wave: its chain and its children's change, the right branch's do not.
    const after = analyze(edited(base, { 'apps/left.yaml': application('left', 'left', 5) }), { memo }).model;
    const numbersAfter = chainSignatures(after);

    const changed = after.nodes.filter((node) => numbersAfter.get(node.id) !== numbersBefore.get(node.id)).map((node) => node.name);
    expect(changed.sort()).toEqual(['left', 'left-a', 'left-b']);
    // Numbered from the model before: the renumbered ids are said without comparing every node.
    const renumbered = chainsRenumbered(numbersBefore, numbersAfter);
    expect([...(renumbered ?? [])].map((id) => after.nodesById.get(id)?.name).sort()).toEqual(['left', 'left-a', 'left-b']);
    expect(chainsRenumbered(numbersAfter, numbersBefore)).toBeUndefined();

    const entries = [
      ...before.nodes.map((node) => ({ number: numbersBefore.get(node.id), chain: spelledChain(before, node) })),
      ...after.nodes.map((node) => ({ number: numbersAfter.get(node.id), chain: spelledChain(after, node) })),
    ];
    for (const one of entries) for (const other of entries) expect(one.number === other.number).toBe(one.chain === other.chain);
  });

  it("keeps the previous numbering when only replaced nodes' own fields were looked at and their chains say the same", () => {
    const memo = new AnalysisMemo();
    const base = snapshotFromTexts(TEXTS);
    const before = analyze(base, { memo }).model;
    const numbersBefore = chainSignatures(before);
    // A resource of left-a changes: left-a is another node object, and so are its parents (copies); no chain changes.
    const editedSnapshot = edited(base, { 'workloads/left-a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a2\n' });
    const after = analyze(editedSnapshot, { memo }).model;
    expect(after.nodes.filter((node, position) => node !== before.nodes[position]).map((node) => node.name).sort()).toEqual(['left', 'left-a', 'root']);
    const numbersAfter = chainSignatures(after);
    expect(numbersAfter).toBe(numbersBefore);
    expect(chainsRenumbered(numbersBefore, numbersAfter)?.size).toBe(0);
    // The numbers a model numbered on its own gets.
    const alone = analyze(editedSnapshot).model;
    expect(after.nodes.map((node) => numbersAfter.get(node.id))).toEqual(alone.nodes.map((node) => chainSignatures(alone).get(node.id)));
    // Left moves from wave 1 to wave 0, still before right: the same places, but left's chain and its children's say something else.
    const moved = analyze(edited(editedSnapshot, { 'apps/left.yaml': application('left', 'left', 0) }), { memo }).model;
    expect(moved.nodes.map((node) => node.id)).toEqual(after.nodes.map((node) => node.id));
    const numbersMoved = chainSignatures(moved);
    expect([...(chainsRenumbered(numbersAfter, numbersMoved) ?? [])].map((id) => moved.nodesById.get(id)?.name).sort()).toEqual(['left', 'left-a', 'left-b']);
    // Numbered from the previous numbering (its replaced nodes and those under them): as a model numbered alone.
    const movedAlone = analyze(edited(editedSnapshot, { 'apps/left.yaml': application('left', 'left', 0) })).model;
    expect(moved.nodes.map((node) => numbersMoved.get(node.id))).toEqual(movedAlone.nodes.map((node) => chainSignatures(movedAlone).get(node.id)));
  });

  it('numbers a model alone the same way whether or not an earlier model was numbered', () => {
    const model = analyze(snapshotFromTexts(TEXTS)).model;
    const numbers = chainSignatures(model);
    const again = analyze(snapshotFromTexts(TEXTS)).model;
    // Another analysis of the same texts: new node objects, so nothing is reused, and the same contents give the same numbers.
    expect(again.nodes.map((node) => chainSignatures(again).get(node.id))).toEqual(model.nodes.map((node) => numbers.get(node.id)));
  });
});
