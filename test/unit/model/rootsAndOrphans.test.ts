// Tests of the root-or-orphan decision for Applications that nothing creates.
import { describe, expect, it } from 'vitest';
import { chooseRootsAndOrphans } from '../../../server/src/analysis/model/rootsAndOrphans';

describe('chooseRootsAndOrphans', () => {
  it('makes a forgotten self-managing app an orphan when the root it would create is applied by hand anyway', () => {
    // argocd/apps/argocd.yaml (not listed by apps/) renders argocd/, whose kustomization includes argocd/root.yaml.
    const decision = chooseRootsAndOrphans({
      candidates: [
        { key: 'argocd/root.yaml#0', file: 'argocd/root.yaml' },
        { key: 'argocd/apps/argocd.yaml#0', file: 'argocd/apps/argocd.yaml' },
        { key: 'argocd/apps/cilium.yaml#0', file: 'argocd/apps/cilium.yaml' },
      ],
      creators: new Map([
        ['argocd/root.yaml#0', new Set(['argocd/apps/argocd.yaml#0'])],
        ['argocd/apps/cilium.yaml#0', new Set(['argocd/root.yaml#0'])],
      ]),
      renderedFolders: new Map([
        ['argocd/apps', new Set(['argocd/root.yaml#0'])],
        ['argocd', new Set(['argocd/apps/argocd.yaml#0'])],
      ]),
    });
    expect(decision.rootKeys).toEqual(['argocd/root.yaml#0']);
    expect([...decision.orphans]).toEqual([['argocd/apps/argocd.yaml#0', 'argocd/apps']]);
  });

  it('keeps a hand-applied root that sits in a folder another app renders, when everything hangs below it', () => {
    // argocd/root.yaml is not included by argocd/kustomization.yaml (rendered by the argocd app the root creates).
    const decision = chooseRootsAndOrphans({
      candidates: [
        { key: 'argocd/root.yaml#0', file: 'argocd/root.yaml' },
        { key: 'argocd/apps/argocd.yaml#0', file: 'argocd/apps/argocd.yaml' },
        { key: 'argocd/apps/cilium.yaml#0', file: 'argocd/apps/cilium.yaml' },
      ],
      creators: new Map([
        ['argocd/apps/argocd.yaml#0', new Set(['argocd/root.yaml#0'])],
        ['argocd/apps/cilium.yaml#0', new Set(['argocd/root.yaml#0'])],
      ]),
      renderedFolders: new Map([
        ['argocd/apps', new Set(['argocd/root.yaml#0'])],
        ['argocd', new Set(['argocd/apps/argocd.yaml#0'])],
      ]),
    });
    expect(decision.rootKeys).toEqual(['argocd/root.yaml#0']);
    expect(decision.orphans.size).toBe(0);
  });

  it('does not count a folder the candidate renders itself', () => {
    const decision = chooseRootsAndOrphans({
      candidates: [{ key: 'apps/root.yaml#0', file: 'apps/root.yaml' }],
      creators: new Map(),
      renderedFolders: new Map([['apps', new Set(['apps/root.yaml#0'])]]),
    });
    expect(decision.rootKeys).toEqual(['apps/root.yaml#0']);
  });
});
