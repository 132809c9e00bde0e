// Tests of findHealthCustomization: argocd-cm and argo-cd chart values, both Lua formats, config locations.
import { describe, expect, it } from 'vitest';
import { findHealthCustomization } from '../../../server/src/analysis/argo/healthCustomization';
import type { ApplicationHealthCustomization } from '../../../server/src/analysis/argo/types';
import { renderProblems } from '../../support/fixture';
import { fixtureRepository } from './argoFixture';

/** The documented Lua as a block scalar body, indented by `indent` spaces in the fixture text. */
function documentedLua(indent: number): string {
  const lines = ['hs = {}', 'hs.status = "Progressing"', 'if obj.status ~= nil and obj.status.health ~= nil then', '  hs.status = obj.status.health.status', 'end', 'return hs'];
  return lines.map((line) => `\n${' '.repeat(indent)}${line}`).join('');
}

function rendered(health: readonly ApplicationHealthCustomization[], files: Record<string, string>): string {
  return renderProblems(
    health.map((found) => ({ ruleId: `${found.container}/${found.format}`, message: `readsChildHealth=${found.readsChildHealth}`, location: found.location })),
    files,
  );
}

describe('findHealthCustomization', () => {
  it('finds the split key in an argocd-cm ConfigMap and the legacy block in another', () => {
    const { index, files } = fixtureRepository(`
      #- argocd/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: argocd-cm, namespace: argocd}
      data:
        url: https://argocd.example.com
        resource.customizations.health.argoproj.io_Application: |${documentedLua(10)}
      #- legacy/cm.yaml
      apiVersion: v1
      kind: Service
      metadata: {name: argocd-cm}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: argocd-cm}
      data:
        resource.customizations: |
          argoproj.io/ApplicationSet:
            health.lua: return {status = "Healthy"}
          argoproj.io/Application:
            health.lua: |
              hs = {status = "Healthy"}
              return hs
      #- other/cm.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: not-argocd-cm}
      data:
        resource.customizations.health.argoproj.io_Application: return {}
    `);
    const { health, configLocations } = findHealthCustomization(index);
    expect(rendered(health, files)).toMatchInlineSnapshot(`
      "argocd/cm.yaml:6:3 argocd-cm/split-key readsChildHealth=true
        |   resource.customizations.health.argoproj.io_Application: |
        |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      legacy/cm.yaml:12:5 argocd-cm/legacy readsChildHealth=false
        |     argoproj.io/Application:
        |     ^^^^^^^^^^^^^^^^^^^^^^^"
    `);
    expect(configLocations).toEqual([
      { container: 'argocd-cm', file: 'argocd/cm.yaml', documentIndex: 0, mapPath: ['data'] },
      { container: 'argocd-cm', file: 'legacy/cm.yaml', documentIndex: 1, mapPath: ['data'] },
    ]);
  });

  it('finds configs.cm in values used by a kustomization helmCharts argo-cd entry, and reports the install without the check', () => {
    const { index, files } = fixtureRepository(`
      #- argocd/overlays/prod/kustomization.yaml
      resources: [../../base]
      helmCharts:
      - name: cilium
        valuesFile: cilium.yaml
      - name: argo-cd
        repo: https://argoproj.github.io/argo-helm
        valuesFile: ../../base/values.yaml
        additionalValuesFiles: [values.yaml]
        valuesInline:
          configs: {params: {server.insecure: true}}
      #- argocd/overlays/prod/values.yaml
      server: {replicas: 2}
      #- argocd/overlays/prod/cilium.yaml
      configs:
        cm:
          resource.customizations.health.argoproj.io_Application: return {}
      #- argocd/base/values.yaml
      configs:
        cm:
          resource.customizations.health.argoproj.io_Application: |${documentedLua(12)}
    `);
    const { health, configLocations } = findHealthCustomization(index);
    expect(rendered(health, files)).toMatchInlineSnapshot(`
      "argocd/base/values.yaml:3:5 helm-values/split-key readsChildHealth=true
        |     resource.customizations.health.argoproj.io_Application: |
        |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    `);
    expect(configLocations.map((location) => [location.file, location.mapPath.join('.')])).toEqual([
      ['argocd/base/values.yaml', 'configs.cm'],
      ['argocd/overlays/prod/kustomization.yaml', 'helmCharts.1.valuesInline.configs.cm'],
      ['argocd/overlays/prod/values.yaml', 'configs.cm'],
    ]);
  });

  it('finds configs.cm through an Application installing the argo-cd chart ($values ref, valuesObject, values string)', () => {
    const { index, files } = fixtureRepository(`
      #- apps/argocd.yaml
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: argocd}
      spec:
        project: default
        destination: {name: in-cluster, namespace: argocd}
        sources:
        - {repoURL: https://github.com/me/gitops, targetRevision: main, ref: values}
        - repoURL: https://argoproj.github.io/argo-helm
          chart: argo-cd
          helm:
            valueFiles: [$values/config/argocd.yaml, $values/config/missing.yaml]
            valuesObject:
              configs:
                cm:
                  resource.customizations.health.argoproj.io_Application: 'return {status = obj.status.health.status}'
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: argocd-string}
      spec:
        source:
          repoURL: https://argoproj.github.io/argo-helm
          chart: argo-cd
          helm:
            values: |
              configs:
                cm:
                  resource.customizations.health.argoproj.io_Application: |
                    return {status = "Healthy"}
      #- config/argocd.yaml
      configs:
        cm:
          url: https://argocd.example.com
    `);
    const found = findHealthCustomization(index);
    expect(rendered(found.health, files)).toMatchInlineSnapshot(`
      "apps/argocd.yaml:16:13 helm-values/split-key readsChildHealth=true
        |             resource.customizations.health.argoproj.io_Application: 'return {status = obj.status.health.status}'
        |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
      apps/argocd.yaml:29:13 helm-values/split-key readsChildHealth=false
        |             resource.customizations.health.argoproj.io_Application: |
        |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    `);
    expect(found.configLocations.map((location) => [location.file, location.documentIndex, location.mapPath.join('.')])).toEqual([
      ['apps/argocd.yaml', 0, 'spec.sources.1.helm.valuesObject.configs.cm'],
      ['config/argocd.yaml', 0, 'configs.cm'],
    ]);
    // A ref source that is another repository is not read here.
    const other = findHealthCustomization(index, { isThisRepository: () => false });
    expect(other.configLocations.map((location) => location.file)).toEqual(['apps/argocd.yaml']);
  });

  it('finds an umbrella chart depending on argo-cd, and nothing in a repository without Argo CD', () => {
    const umbrella = fixtureRepository(`
      #- platform/argocd/Chart.yaml
      apiVersion: v2
      name: argocd
      version: 1.0.0
      dependencies:
      - name: argo-cd
        version: 7.0.0
        repository: https://argoproj.github.io/argo-helm
      #- platform/argocd/values.yaml
      argo-cd:
        configs:
          cm:
            resource.customizations.health.argoproj.io_Application: |${documentedLua(14)}
    `);
    const found = findHealthCustomization(umbrella.index);
    expect(found.health.map((item) => [item.location.file, item.format, item.container, item.readsChildHealth])).toEqual([
      ['platform/argocd/values.yaml', 'split-key', 'helm-values', true],
    ]);
    expect(found.configLocations[0]?.mapPath).toEqual(['argo-cd', 'configs', 'cm']);
    const none = fixtureRepository(`
      #- values.yaml
      configs:
        cm:
          resource.customizations.health.argoproj.io_Application: return {}
    `);
    expect(findHealthCustomization(none.index)).toEqual({ health: [], configLocations: [] });
  });
});
