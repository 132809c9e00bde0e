// A small hand-written wave graph (the shape the server's gitopsWaves/graph answers) for the webview and client tests.
import type { FolderGraph, GraphEdge, GraphNode, WireLocation } from '../../server/src/lsp/protocol';

/** A name that must stay text wherever it is shown. */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

function at(file: string, line: number): WireLocation {
  return { uri: `file:///repo/${file}`, range: { start: { line, character: 2 }, end: { line, character: 10 } } };
}

function node(id: string, name: string, wave: number, extra: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    kind: 'Application',
    name,
    location: at(`apps/${id}.yaml`, 3),
    wave,
    waveSource: 'sync-wave',
    gating: 'health',
    explanation: `${name} waits for the previous wave to be healthy.`,
    parent: 'root',
    generatedBy: null,
    waveRank: wave + 1,
    worstFinding: null,
    ...extra,
  };
}

function edge(dependent: string, provider: string, extra: Partial<GraphEdge> = {}): GraphEdge {
  return {
    dependent,
    provider,
    kind: 'crd',
    reason: `uses CRD of ${provider}`,
    evidence: 'manifest',
    condition: null,
    dependentObject: null,
    providerObject: null,
    dependentLocation: at(`${dependent}/thing.yaml`, 1),
    providerLocation: at(`${provider}/crd.yaml`, 1),
    internal: false,
    ordering: 'before',
    explanation: `${provider} is ready before ${dependent}.`,
    satisfiedBy: null,
    violation: false,
    ...extra,
  };
}

/**
 * root (wave 0) → crds (-1), storage (1), volsync (1, needs storage: same wave, a violation), hostile-named app (2),
 * ApplicationSet "apps" (3) generating app-a and app-b (gating on generation).
 */
export function sampleGraph(): FolderGraph {
  const nodes: GraphNode[] = [
    node('root', 'root', 0, { parent: null, waveRank: null, waveSource: 'default', gating: 'unordered', explanation: 'A root: applied by hand.' }),
    node('crds', 'crds', -1, { waveRank: 0 }),
    node('storage', 'storage', 1),
    node('volsync', 'volsync', 1, {
      worstFinding: { severity: 'warning', ruleId: 'waves/dependency-in-same-wave', message: 'same wave', location: at('apps/volsync.yaml', 3), count: 1 },
    }),
    node('hostile', HOSTILE_NAME, 2),
    node('apps', 'apps', 3, { kind: 'ApplicationSet', gating: 'generation', explanation: 'An ApplicationSet is healthy once it generated its Applications.' }),
    node('app-a', 'app-a', 0, { parent: null, generatedBy: 'apps', waveRank: null, gating: 'unordered', waveSource: 'default' }),
    node('app-b', 'app-b', 0, { parent: null, generatedBy: 'apps', waveRank: null, gating: 'unordered', waveSource: 'default' }),
  ];
  const edges: GraphEdge[] = [
    edge('storage', 'crds'),
    edge('volsync', 'storage', {
      ordering: 'same-wave',
      violation: true,
      explanation: 'storage and volsync are both in wave 1: Argo CD applies them together.',
    }),
    edge('app-a', 'storage'),
    edge('hostile', 'hostile', { internal: true }),
  ];
  const waves = [...new Set(nodes.map((entry) => entry.wave))].sort((left, right) => left - right);
  return {
    folderUri: 'file:///repo',
    state: 'ready',
    nodes,
    edges,
    waves: waves.map((wave) => ({ wave, nodes: nodes.filter((entry) => entry.wave === wave).map((entry) => entry.id) })),
    sets: [{ id: 'apps', members: ['app-a', 'app-b'] }],
    violations: [{ edge: 1, dependent: 'volsync', provider: 'storage', ordering: 'same-wave', explanation: edges[1]!.explanation }],
  };
}
