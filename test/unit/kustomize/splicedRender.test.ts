// A kustomization that only lists files, some of which changed: the kept render with their objects spliced in, as a full render gives.
import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../../server/src/analysis/analyze';
import { AnalysisMemo } from '../../../server/src/analysis/incremental/analysisMemo';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { graphView } from '../../../server/src/analysis/views/graphView';
import { applicationText } from '../../support/applicationText';
import { edited } from '../../support/editedSnapshot';

const CONFIG = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: apps\n`;

const TEXTS: Record<string, string> = {
  'root.yaml': applicationText('root', 'apps', 0),
  'apps/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - first.yaml\n  - second.yaml\n  - config.yaml\n',
  'apps/first.yaml': applicationText('first', 'platform/first', 1),
  'apps/second.yaml': applicationText('second', 'platform/second', 2),
  'apps/config.yaml': CONFIG('settings'),
  'platform/first/cm.yaml': CONFIG('first'),
  'platform/second/cm.yaml': CONFIG('second'),
};

/** The root's rendered objects. */
function rootObjects(analysis: Analysis): readonly unknown[] {
  return analysis.model.nodesById.get('root.yaml#0')?.renders[0]?.objects ?? [];
}

/** What a person sees: each node's wave and resources, the findings, and where the graph's edges are. */
function outcome(analysis: Analysis): unknown {
  return {
    edges: graphView(analysis).edges.map((edge) => `${edge.dependent} -> ${edge.provider} ${edge.file}:${edge.line}`),
    nodes: analysis.model.nodes.map((node) => `${node.id} ${node.wave.wave} ${node.resources.map((resource) => `${resource.object.kind}/${resource.object.name}`).join(',')}`),
    findings: analysis.findings.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.span.start} ${finding.message}`),
  };
}

/** Analyses `base`, then `changes` with the memo: the memo's analysis, a fresh one, and the renders the memo patched. */
function afterEdit(texts: Record<string, string>, changes: Record<string, string>): { before: Analysis; after: Analysis; fresh: Analysis; patched: number } {
  const memo = new AnalysisMemo();
  const base = snapshotFromTexts(texts);
  const before = analyze(base, { memo });
  const patchedBefore = memo.renders.statistics.patched;
  const next = edited(base, changes);
  const after = analyze(next, { memo });
  return { before, after, fresh: analyze(next), patched: memo.renders.statistics.patched - patchedBefore };
}

describe('splicedKustomizeRender (through analyze with a memo)', () => {
  it("splices an edited Application file into its parent's render: the other files' objects stay the same objects", () => {
    const { before, after, fresh, patched } = afterEdit(TEXTS, { 'apps/second.yaml': applicationText('second', 'platform/second', 0) });
    expect(patched).toBe(1);
    expect(outcome(after)).toEqual(outcome(fresh));
    const [first, second, config] = rootObjects(after);
    expect(first).toBe(rootObjects(before)[0]);
    expect(config).toBe(rootObjects(before)[2]);
    expect(second).not.toBe(rootObjects(before)[1]);
    expect(after.model.nodesById.get('apps/second.yaml#0')?.wave.wave).toBe(0);
  });

  it('gives results kept per render up when a spliced file moved its objects down (a comment put before them)', () => {
    const withClaim = {
      ...TEXTS,
      'apps/kustomization.yaml': `${TEXTS['apps/kustomization.yaml']}  - claim.yaml\n`,
      'apps/claim.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  namespace: apps\nspec:\n  storageClassName: fast\n',
      'platform/first/class.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: example.com/fast\n',
    };
    const { before, after, fresh, patched } = afterEdit(withClaim, { 'apps/claim.yaml': `# moved down\n${withClaim['apps/claim.yaml']}` });
    expect(patched).toBe(1);
    // The claim's body is the same: the kept object stays, and the edge from it is located in the file as it is now.
    expect(rootObjects(after)[3]).toBe(rootObjects(before)[3]);
    expect(outcome(after)).toEqual(outcome(fresh));
    expect((outcome(after) as { edges: string[] }).edges).toContain('root.yaml#0 -> apps/first.yaml#0 apps/claim.yaml:8');
  });

  it('renders again when the edit gives an object the id of another (kustomize refuses the build)', () => {
    const { after, fresh, patched } = afterEdit(TEXTS, { 'apps/config.yaml': applicationText('first', 'platform/first', 1) });
    expect(patched).toBe(0);
    expect(outcome(after)).toEqual(outcome(fresh));
    expect(fresh.findings.map((finding) => finding.ruleId)).toContain('kustomize/duplicate-resource');
  });

  it('renders again when the file cannot be read any more, and when the kustomization transforms its objects', () => {
    const broken = afterEdit(TEXTS, { 'apps/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [settings\n' });
    expect(broken.patched).toBe(0);
    expect(outcome(broken.after)).toEqual(outcome(broken.fresh));
    const prefixed = { ...TEXTS, 'apps/kustomization.yaml': `${TEXTS['apps/kustomization.yaml']}namePrefix: team-\n` };
    const transformed = afterEdit(prefixed, { 'apps/second.yaml': applicationText('second', 'platform/second', 0) });
    expect(transformed.patched).toBe(0);
    expect(outcome(transformed.after)).toEqual(outcome(transformed.fresh));
  });

  it('renders again when a local-config object is left out of the build (its id still counts)', () => {
    const local = { ...TEXTS, 'apps/local.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: local\n  annotations:\n    config.kubernetes.io/local-config: "true"\n', 'apps/kustomization.yaml': `${TEXTS['apps/kustomization.yaml']}  - local.yaml\n` };
    const { after, fresh, patched } = afterEdit(local, { 'apps/second.yaml': applicationText('second', 'platform/second', 0) });
    expect(patched).toBe(0);
    expect(outcome(after)).toEqual(outcome(fresh));
  });
});
