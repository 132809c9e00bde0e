// edgesBetween and explainNodeNeeds: the small queries rules and the editor use.
import { describe, expect, it } from 'vitest';
import { edgesBetween, explainNodeNeeds } from '../../../server/src/analysis/dependencies/explainDependencies';
import { application, graphOf } from './graphFixture';

describe('dependency queries', () => {
  const { analysis } = graphOf(
    application('storage', { wave: 1, namespace: 'storage' }),
    `
    #- storage/objects.yaml
    apiVersion: v1
    kind: Namespace
    metadata:
      name: storage
    ---
    apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata:
      name: fast
    provisioner: example.csi
    `,
    application('db', { wave: 0, namespace: 'storage' }),
    `
    #- db/pvc.yaml
    apiVersion: v1
    kind: PersistentVolumeClaim
    metadata:
      name: data
    spec:
      storageClassName: fast
    ---
    apiVersion: postgresql.cnpg.io/v1
    kind: Cluster
    metadata:
      name: pg
    `,
  );
  const id = (name: string): string => analysis.model.nodes.find((node) => node.name === name)!.id;

  it('edgesBetween lists the edges from one dependent to one provider', () => {
    expect(edgesBetween(analysis.graph, id('db'), id('storage')).map((edge) => edge.kind)).toEqual(['namespace', 'storage-class']);
    expect(edgesBetween(analysis.graph, id('storage'), id('db'))).toEqual([]);
  });

  it("explainNodeNeeds says each need of a node in one line, with the provider's wave, and what nothing provides", () => {
    expect(explainNodeNeeds(analysis.graph, analysis.model, id('db'))).toMatchInlineSnapshot(`
      [
        "needs storage (wave 1): destination in Namespace storage",
        "needs storage (wave 1): PersistentVolumeClaim data on StorageClass fast",
        "needs CRD postgresql.cnpg.io/Cluster: provided by nothing in this repository",
      ]
    `);
    expect(explainNodeNeeds(analysis.graph, analysis.model, id('storage'))).toEqual(['needs itself: destination in Namespace storage']);
  });
});
