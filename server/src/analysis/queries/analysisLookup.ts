// Per-analysis lookup indexes for editor queries, built lazily once: objects by file and span, edges by file, names.
import type { Analysis } from '../analyze';
import type { DependencyEdge } from '../dependencies/types';
import type { KubeObject } from '../kube/kubeObject';
import type { AppNode, ResourceNode } from '../model/types';
import type { Span } from '../text/span';
import { orderedEdges, type OrderedEdge } from '../ordering/orderedEdges';
import { planDependencies, type PlanDependencies } from '../views/planDependencies';
import { locate, type YamlDocument } from '../yaml/yamlDocument';

/** An object written in a file: an Application/ApplicationSet node, or a resource some nodes deploy. */
export interface LocatedObject {
  /** The span of the object's body (its document, or the map of an object inside Helm values). */
  readonly span: Span;
  readonly object: KubeObject;
  readonly document: YamlDocument;
  /** Set when the object is an Application or ApplicationSet of the model (declared here, not generated). */
  readonly node: AppNode | undefined;
  /** The Applications that deploy it as a resource (a file rendered by two Applications has two). */
  readonly deployedBy: readonly { readonly node: AppNode; readonly resource: ResourceNode }[];
}

/** The lazily built indexes of one analysis. */
export interface AnalysisLookup {
  /** Objects written in a file, sorted by span start. */
  objectsIn(file: string): readonly LocatedObject[];
  /** Edges whose dependent location or provider location is in a file. */
  edgesIn(file: string): readonly DependencyEdge[];
  /** What each app waits for and what waits for it (edges between apps). */
  dependencies(): PlanDependencies;
  /** Nodes (declared and generated) by Application/ApplicationSet name. */
  nodesNamed(name: string): readonly AppNode[];
  /** An edge of the analysis's graph with its ordering (whether the provider is ready first). */
  ordered(edge: DependencyEdge): OrderedEdge | undefined;
}

const CACHE = new WeakMap<Analysis, AnalysisLookup>();

/** The lookup of an analysis (built on first use, then shared by every query on that analysis). */
export function lookupOf(analysis: Analysis): AnalysisLookup {
  let lookup = CACHE.get(analysis);
  if (!lookup) {
    lookup = buildLookup(analysis);
    CACHE.set(analysis, lookup);
  }
  return lookup;
}

function buildLookup(analysis: Analysis): AnalysisLookup {
  let objects: Map<string, LocatedObject[]> | undefined;
  let edges: Map<string, DependencyEdge[]> | undefined;
  let dependencies: PlanDependencies | undefined;
  let names: Map<string, AppNode[]> | undefined;
  let ordering: Map<DependencyEdge, OrderedEdge> | undefined;
  return {
    objectsIn: (file) => (objects ??= indexObjects(analysis)).get(file) ?? [],
    edgesIn: (file) => (edges ??= indexEdges(analysis)).get(file) ?? [],
    dependencies: () => (dependencies ??= planDependencies(analysis.model, analysis.graph)),
    nodesNamed: (name) => (names ??= indexNames(analysis)).get(name) ?? [],
    ordered: (edge) => (ordering ??= new Map(orderedEdges(analysis.model, analysis.graph.edges).map((item) => [item.edge, item]))).get(edge),
  };
}

function indexObjects(analysis: Analysis): Map<string, LocatedObject[]> {
  const byKey = new Map<string, { span: Span; object: KubeObject; document: YamlDocument; node: AppNode | undefined; deployedBy: { node: AppNode; resource: ResourceNode }[] }>();
  const entry = (object: KubeObject): { node: AppNode | undefined; deployedBy: { node: AppNode; resource: ResourceNode }[] } | undefined => {
    const { file, documentIndex, path } = object.origin;
    const key = `${file}\u0000${documentIndex}\u0000${path.join('\u0001')}`;
    const known = byKey.get(key);
    if (known) return known;
    const document = analysis.index.parsed(file)?.documents.find((candidate) => candidate.index === documentIndex);
    if (!document) return undefined;
    const span = path.length === 0 ? document.span : (locate(document, path)?.value ?? document.span);
    const created = { span, object, document, node: undefined, deployedBy: [] };
    byKey.set(key, created);
    return created;
  };
  for (const node of analysis.model.nodes) {
    if (node.generatedById === undefined) {
      const located = entry(node.object);
      if (located) located.node ??= node;
    }
    for (const resource of node.resources) entry(resource.object)?.deployedBy.push({ node, resource });
  }
  const byFile = new Map<string, LocatedObject[]>();
  for (const located of byKey.values()) push(byFile, located.object.origin.file, located);
  for (const list of byFile.values()) list.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  return byFile;
}

function indexEdges(analysis: Analysis): Map<string, DependencyEdge[]> {
  const byFile = new Map<string, DependencyEdge[]>();
  for (const edge of analysis.graph.edges) {
    push(byFile, edge.dependent.location.file, edge);
    if (edge.provider.location.file !== edge.dependent.location.file) push(byFile, edge.provider.location.file, edge);
  }
  return byFile;
}

function indexNames(analysis: Analysis): Map<string, AppNode[]> {
  const byName = new Map<string, AppNode[]>();
  for (const node of analysis.model.nodes) push(byName, node.name, node);
  return byName;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
