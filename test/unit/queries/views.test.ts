// The tree and wave-graph data of the custom requests: structure, worst findings, waves and violations.
import { describe, expect, it } from 'vitest';
import type { SourceLocation } from '../../../server/src/analysis/text/span';
import { graphData, treeData, type TreeAppData } from '../../../server/src/analysis/queries/views';
import { analyseQueryFixture, offsetOf, QUERY_FILES } from './queryFixture';

const analysis = analyseQueryFixture();
const asText = (location: SourceLocation): string => `${location.file}@${location.span.start}`;

/** One line per node, indented by depth: kind name wave [worst finding] and its resources. */
function renderTree(nodes: readonly TreeAppData<string>[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.kind} ${node.name} wave ${node.wave} ${node.gating}${node.worstFinding ? ` [${node.worstFinding.severity} ${node.worstFinding.ruleId}]` : ''} below=${node.worstSeverityBelow ?? '-'}`,
    ...node.resources.map((resource) => `${'  '.repeat(depth + 1)}- ${resource.kind}/${resource.name}${resource.worstFinding ? ` [${resource.worstFinding.severity} ${resource.worstFinding.ruleId}]` : ''}`),
    ...renderTree(node.children, depth + 1),
  ]);
}

describe('views', () => {
  it('tree: roots → ApplicationSets → Applications → resources, each with its worst finding', () => {
    expect(renderTree(treeData(analysis, analysis.findings, asText))).toMatchInlineSnapshot(`
      [
        "Application root wave 0 unordered [warning sync/missing-application-health-check] below=error",
        "  - AppProject/platform",
        "  Application api wave 0 none [info waves/missing-wave-annotation] below=info",
        "  Application web wave 0 none below=error",
        "    - PersistentVolumeClaim/data [error waves/dependency-in-later-wave]",
        "    - ConfigMap/settings",
        "  Application storage wave 1 none below=-",
        "    - StorageClass/fast",
        "  ApplicationSet teams wave 2 generation below=-",
        "    Application team-blue wave 0 unordered below=-",
        "      - ConfigMap/team",
        "    Application team-red wave 0 unordered below=-",
        "      - ConfigMap/team",
      ]
    `);
  });

  it('graph: waves in use, edges with kinds and reasons, violations', () => {
    const graph = graphData(analysis, analysis.findings, asText);
    expect(graph.waves).toMatchInlineSnapshot(`
      [
        {
          "nodes": [
            "root.yaml#0",
            "apps/api.yaml#0",
            "apps/web.yaml#0",
            "apps/set.yaml#0/team-blue",
            "apps/set.yaml#0/team-red",
          ],
          "wave": 0,
        },
        {
          "nodes": [
            "apps/storage.yaml#0",
          ],
          "wave": 1,
        },
        {
          "nodes": [
            "apps/set.yaml#0",
          ],
          "wave": 2,
        },
      ]
    `);
    expect(graph.edges.filter((edge) => !edge.internal).map((edge) => `${edge.dependent} → ${edge.provider} ${edge.kind}: ${edge.reason} (${edge.ordering})`)).toMatchInlineSnapshot(`
      [
        "apps/web.yaml#0 → apps/storage.yaml#0 storage-class: PersistentVolumeClaim data on StorageClass fast (after)",
        "apps/web.yaml#0 → apps/storage.yaml#0 explicit: annotation gitops-waves.io/depends-on names Application storage (after)",
      ]
    `);
    expect(graph.violations.map((violation) => `${violation.edge} ${violation.dependent} → ${violation.provider} ${violation.ordering}`)).toMatchInlineSnapshot(`
      [
        "4 apps/web.yaml#0 → apps/storage.yaml#0 after",
        "5 apps/web.yaml#0 → apps/storage.yaml#0 after",
      ]
    `);
    expect(graph.nodes.find((node) => node.name === 'web')?.location).toBe(`apps/web.yaml@${offsetOf(QUERY_FILES, 'apps/web.yaml', 'name: web', 6)}`);
  });
});
