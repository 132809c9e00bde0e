// Hover content: an Application's wave, ordering and needs; an ApplicationSet's generated apps; a reference's provider.
import { describe, expect, it } from 'vitest';
import { hoverAt } from '../../../server/src/analysis/queries/hover';
import { analyseQueryFixture, offsetOf, QUERY_FILES } from './queryFixture';
import { positionParseCount } from '../../../server/src/analysis/yaml/lazyDocuments';

describe('hoverAt', () => {
  const analysis = analyseQueryFixture();
  const hover = (file: string, needle: string, delta = 1): string | undefined => hoverAt(analysis, file, offsetOf(QUERY_FILES, file, needle, delta))?.markdown;

  it('on an Application name: wave, ordering, what it waits for (with reasons), source and destination', () => {
    expect(hover('apps/web.yaml', 'name: web', 7)).toMatchInlineSnapshot(`
      "**Application \`web\`** · wave **0**

      Ordered by \`root\`. Created in wave 0 of root's sync, but nothing waits for it: without the Application health check, Argo CD treats a child Application as done once created.

      **Waits for**
      - \`storage\` (wave 1): annotation gitops-waves.io/depends-on names Application storage — comes later
      - \`storage\` (wave 1): PersistentVolumeClaim data on StorageClass fast — comes later

      **Source** \`https://github.com/example/fixture.git\` path \`web\`

      **Destination** \`https://kubernetes.default.svc\`, namespace \`web\`"
    `);
  });

  it('on the wave annotation and on the kind: the same node hover', () => {
    const byName = hover('apps/storage.yaml', 'name: storage', 7);
    expect(hover('apps/storage.yaml', 'sync-wave')).toBe(byName);
    expect(hover('apps/storage.yaml', 'Application', 2)).toBe(byName);
    expect(byName).toMatchInlineSnapshot(`
      "**Application \`storage\`** · wave **1**

      Ordered by \`root\`. Created in wave 1 of root's sync, but nothing waits for it: without the Application health check, Argo CD treats a child Application as done once created.

      **Needed by**
      - \`web\` (wave 0): annotation gitops-waves.io/depends-on names Application storage — comes later
      - \`web\` (wave 0): PersistentVolumeClaim data on StorageClass fast — comes later

      **Source** \`https://github.com/example/fixture.git\` path \`storage\`

      **Destination** \`https://kubernetes.default.svc\`, namespace \`storage\`"
    `);
  });

  it('on an ApplicationSet: the Applications it generates', () => {
    expect(hover('apps/set.yaml', 'name: teams', 7)).toMatchInlineSnapshot(`
      "**ApplicationSet \`teams\`** · wave **2**

      Ordered by \`root\`. Created in wave 2 of root's sync; later waves wait only until its Applications are generated, not until they are healthy.

      Generates 2 Applications: \`team-blue\`, \`team-red\`"
    `);
  });

  it('on a storageClassName: the app that provides the class, its wave, and that it comes later', () => {
    expect(hover('web/pvc.yaml', 'fast')).toMatchInlineSnapshot(`
      "PersistentVolumeClaim data on StorageClass fast: provided by Application \`storage\` (wave 1) with \`StorageClass/fast\`.

      **comes later**: storage comes after web: in root's sync, storage (wave 1) is in a later wave than web (wave 0)."
    `);
  });

  it('on a depends-on entry: the named Application', () => {
    expect(hover('apps/web.yaml', 'depends-on: storage', 14)).toMatchInlineSnapshot(`
      "Annotation gitops-waves.io/depends-on names Application storage: provided by Application \`storage\` (wave 1) with \`Application/storage\`.

      **comes later**: storage comes after web: in root's sync, storage (wave 1) is in a later wave than web (wave 0)."
    `);
  });

  it('nothing on plain fields, on a resource own name, or outside the analysis', () => {
    expect(hover('apps/web.yaml', 'server:')).toBeUndefined();
    expect(hover('web/pvc.yaml', 'name: data', 7)).toBeUndefined();
    expect(hoverAt(analysis, 'missing.yaml', 0)).toBeUndefined();
  });

  it('locates the objects of the hovered file only (positions of other files are never worked out for a hover)', () => {
    const fresh = analyseQueryFixture();
    const before = positionParseCount();
    expect(hoverAt(fresh, 'apps/storage.yaml', offsetOf(QUERY_FILES, 'apps/storage.yaml', 'name: storage', 7))?.markdown).toContain('Application `storage`');
    expect(positionParseCount() - before).toBeLessThanOrEqual(1);
  });
});
