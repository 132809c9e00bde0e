// Tests of orderingOfEdge: each situation of two creation chains, with and without the Application health check.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../server/src/analysis/analyze';
import { orderingOfEdge } from '../../../server/src/analysis/ordering/edgeOrdering';
import { analyseWaves, edgeBetween, type EdgeSpec } from './wavesFixture';

/** `dependent → provider: ordering — explanation`, one line per edge. */
function orderings(analysis: Analysis, specs: readonly EdgeSpec[]): string {
  return specs
    .map((spec) => {
      const result = orderingOfEdge(analysis.model, edgeBetween(analysis, spec));
      return `${spec.dependent} → ${spec.provider}: ${result.ordering} — ${result.explanation}`;
    })
    .join('\n');
}

describe('orderingOfEdge', () => {
  const withHealth = analyseWaves({ health: true });

  it('compares the two ancestors where the chains diverge', () => {
    expect(
      orderings(withHealth, [
        { dependent: 'operator', provider: 'crds' },
        { dependent: 'peer', provider: 'operator' },
        { dependent: 'early', provider: 'crds' },
        { dependent: 'alpha', provider: 'crds' },
        { dependent: 'child', provider: 'peer' },
        { dependent: 'child', provider: 'early' },
      ]),
    ).toMatchInlineSnapshot(`
      "operator → crds: before — crds is ready before operator starts: in root's sync, crds (wave 0) is in an earlier wave than operator (wave 1), and later waves wait until it is Healthy.
      peer → operator: same-wave — operator and peer start together: in root's sync, operator (wave 1) and peer (wave 1) are in the same wave; nothing makes operator ready first.
      early → crds: after — crds comes after early: in root's sync, crds (wave 0) is in a later wave than early (wave -1). Wave -1 waits until early is Healthy: if early cannot become Healthy without crds, the sync stops there.
      alpha → crds: before — crds is ready before alpha starts: in root's sync, crds (wave 0) is in an earlier wave than ApplicationSet platform (wave 2, which generates alpha), and later waves wait until it is Healthy.
      child → peer: after — peer comes after child: in root's sync, peer (wave 1) is in a later wave than Application nested (wave 0, which creates child). Wave 0 waits until nested is Healthy: if child cannot become Healthy without peer, the sync stops there.
      child → early: before — early is ready before child starts: in root's sync, early (wave -1) is in an earlier wave than Application nested (wave 0, which creates child), and later waves wait until it is Healthy."
    `);
  });

  it('says unordered when nothing guarantees the provider first', () => {
    expect(
      orderings(withHealth, [
        { dependent: 'late', provider: 'alpha' },
        { dependent: 'alpha', provider: 'beta' },
        { dependent: 'operator', provider: 'other-root' },
        { dependent: 'late', provider: 'platform' },
      ]),
    ).toMatchInlineSnapshot(`
      "late → alpha: unordered — alpha may not be ready when late starts: in root's sync, ApplicationSet platform (wave 2, which generates alpha) is in an earlier wave than late (wave 3), but ApplicationSet platform counts as done once its Applications are generated, not when alpha is Healthy.
      alpha → beta: unordered — beta and alpha both come from ApplicationSet platform, which creates its Applications together and ignores their waves: nothing orders beta first.
      operator → other-root: unordered — other-root and operator come from different roots (other-root, root): no sync orders one before the other.
      late → platform: before — platform is ready before late starts: in root's sync, platform (wave 2) is in an earlier wave than late (wave 3), and later waves wait until it is Healthy."
    `);
  });

  it('without the Application health check, an earlier wave orders creation only', () => {
    const withoutHealth = analyseWaves({ health: false });
    expect(orderings(withoutHealth, [{ dependent: 'operator', provider: 'crds' }, { dependent: 'early', provider: 'crds' }])).toMatchInlineSnapshot(`
      "operator → crds: unordered — crds may not be ready when operator starts: in root's sync, crds (wave 0) is in an earlier wave than operator (wave 1), but nothing waits for crds to be Healthy (no Application health check is configured).
      early → crds: after — crds comes after early: in root's sync, crds (wave 0) is in a later wave than early (wave -1)."
    `);
  });

  it('compares an object of an ancestor sync with the child it creates', () => {
    expect(
      orderings(withHealth, [
        { dependent: 'child', provider: 'nested', providerObject: 'ConfigMap/nested-config' },
        { dependent: 'child', provider: 'nested', providerObject: 'ConfigMap/absent' },
        { dependent: 'child', provider: 'nested', kind: 'namespace', evidence: 'create-namespace' },
        { dependent: 'nested', provider: 'child', dependentObject: 'ConfigMap/nested-config' },
        { dependent: 'nested', provider: 'child' },
      ]),
    ).toMatchInlineSnapshot(`
      "child → nested: before — Inside nested's sync, ConfigMap/nested-config (wave 1) comes before child (wave 5).
      child → nested: unordered — nested's sync creates child (wave 5), but ConfigMap/absent is not among nested's rendered resources, so its wave there is unknown.
      child → nested: before — nested creates the namespace (CreateNamespace=true) before its sync starts, so before child (wave 5).
      nested → child: after — Inside nested's sync, child (wave 5) comes after ConfigMap/nested-config (wave 1).
      nested → child: unordered — nested needs child for the whole of its own sync, which creates child (wave 5): nothing makes child ready before that sync starts."
    `);
  });

  it('inside one Application: Namespaces and CRDs first, else the resources\' waves', () => {
    expect(
      orderings(withHealth, [
        { dependent: 'crds', provider: 'crds', kind: 'crd', dependentObject: 'ConfigMap/late-config', providerObject: 'example.com/Widget' },
        { dependent: 'crds', provider: 'crds', dependentObject: 'ConfigMap/late-config', providerObject: 'Namespace/crds' },
        { dependent: 'crds', provider: 'crds', dependentObject: 'Namespace/crds', providerObject: 'ConfigMap/late-config' },
        { dependent: 'crds', provider: 'crds', dependentObject: 'Namespace/crds', providerObject: 'CustomResourceDefinition/widgets.example.com' },
        { dependent: 'crds', provider: 'crds', dependentObject: 'Namespace/crds', providerObject: 'Service/unknown' },
      ]),
    ).toMatchInlineSnapshot(`
      "crds → crds: before — Inside crds's sync Argo CD applies a CustomResourceDefinition before the first resource that needs it, whatever their waves.
      crds → crds: before — Inside crds's sync, Namespace/crds (wave 0) comes before ConfigMap/late-config (wave 2).
      crds → crds: after — Inside crds's sync, ConfigMap/late-config (wave 2) comes after Namespace/crds (wave 0).
      crds → crds: same-wave — Inside crds's sync, CustomResourceDefinition/widgets.example.com (wave 0) and Namespace/crds (wave 0) are applied in the same wave, in kind order, without waiting for one another.
      crds → crds: unordered — Inside crds: Service/unknown is not among crds's rendered resources, so its wave there is unknown."
    `);
  });

  it('finds a CRD named as group/Kind among the provider\'s resources', () => {
    const result = orderingOfEdge(withHealth.model, edgeBetween(withHealth, { dependent: 'child', provider: 'nested', kind: 'crd', providerObject: 'example.com/Widget' }));
    expect(result.ordering).toBe('unordered');
    const crdInAncestor = orderingOfEdge(
      withHealth.model,
      edgeBetween(withHealth, { dependent: 'nested', provider: 'crds', kind: 'crd', providerObject: 'example.com/Widget' }),
    );
    expect(crdInAncestor.ordering).toBe('same-wave');
  });
});
