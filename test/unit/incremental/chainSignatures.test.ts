// Creation-chain numbers: equal numbers exactly for chains that say the same, also when a model reuses the previous model's numbers.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import type { AppNode, RepositoryModel } from '../../../server/src/analysis/model/types';
import { chainSignatures } from '../../../server/src/analysis/ordering/orderedEdges';
import { snapshotFromTexts, type RepoSnapshot, type SnapshotFile } from '../../../server/src/analysis/snapshot';
import { applicationText } from '../../support/applicationText';

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

function edited(base: RepoSnapshot, changes: Record<string, string>): RepoSnapshot {
  const files = new Map<string, SnapshotFile>(base.files);
  for (const [path, text] of Object.entries(changes)) files.set(path, { kind: 'text', text });
  return { ...base, files };
}

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

    const entries = [
      ...before.nodes.map((node) => ({ number: numbersBefore.get(node.id), chain: spelledChain(before, node) })),
      ...after.nodes.map((node) => ({ number: numbersAfter.get(node.id), chain: spelledChain(after, node) })),
    ];
    for (const one of entries) for (const other of entries) expect(one.number === other.number).toBe(one.chain === other.chain);
  });

  it('numbers a model alone the same way whether or not an earlier model was numbered', () => {
    const model = analyze(snapshotFromTexts(TEXTS)).model;
    const numbers = chainSignatures(model);
    const again = analyze(snapshotFromTexts(TEXTS)).model;
    // Another analysis of the same texts: new node objects, so nothing is reused, and the same contents give the same numbers.
    expect(again.nodes.map((node) => chainSignatures(again).get(node.id))).toEqual(model.nodes.map((node) => numbers.get(node.id)));
  });
});
