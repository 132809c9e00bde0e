// Per-analysis lookup indexes for editor queries, built lazily once: objects by file and span, edges by file, names.
import type { Analysis } from '../analyze';
import type { DependencyEdge } from '../dependencies/types';
import type { KubeObject } from '../kube/kubeObject';
import type { AppNode, ResourceNode } from '../model/types';
import type { Span } from '../text/span';
import type { OrderedEdge } from '../ordering/orderedEdges';
import { orderedEdgesOf } from '../rules/deps/support/needGroups';
import { planDependencies, type PlanDependencies } from '../views/planDependencies';
import { locate, type YamlDocument } from '../yaml/yamlDocument';
import { nodesInSyncOrder } from '../model/syncOrder';

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
  let objectsByFile: Map<string, Map<string, FileEntry>> | undefined;
  const locatedByFile = new Map<string, readonly LocatedObject[]>();
  let edges: Map<string, DependencyEdge[]> | undefined;
  let dependencies: PlanDependencies | undefined;
  let names: Map<string, AppNode[]> | undefined;
  let ordering: Map<DependencyEdge, OrderedEdge> | undefined;
  return {
    objectsIn: (file) => {
      let located = locatedByFile.get(file);
      if (located === undefined) locatedByFile.set(file, (located = locateObjects(analysis, (objectsByFile ??= indexObjectsByFile(analysis)).get(file))));
      return located;
    },
    edgesIn: (file) => (edges ??= indexEdges(analysis)).get(file) ?? [],
    dependencies: () => (dependencies ??= planDependencies(analysis.model, analysis.graph)),
    nodesNamed: (name) => (names ??= indexNames(analysis)).get(name) ?? [],
    ordered: (edge) => (ordering ??= new Map(orderedEdgesOf(analysis.model, analysis.graph).map((item) => [item.edge, item]))).get(edge),
  };
}

/** An object of one file before its place is located: what the model says of it. */
interface FileEntry {
  readonly object: KubeObject;
  node: AppNode | undefined;
  readonly deployedBy: { node: AppNode; resource: ResourceNode }[];
}

/**
 * The objects of every file, by file, as the model has them (nodes written here, resources and who deploys
 * them), with nothing located: locating needs the file's positions, worked out only for the files asked for.
 */
function indexObjectsByFile(analysis: Analysis): Map<string, Map<string, FileEntry>> {
  const byFile = new Map<string, Map<string, FileEntry>>();
  const entry = (object: KubeObject): FileEntry => {
    const { file, documentIndex, path } = object.origin;
    let entries = byFile.get(file);
    if (!entries) byFile.set(file, (entries = new Map()));
    const key = path.length === 0 ? String(documentIndex) : `${documentIndex}\u0000${path.join('\u0001')}`;
    let known = entries.get(key);
    if (!known) entries.set(key, (known = { object, node: undefined, deployedBy: [] }));
    return known;
  };
  for (const node of nodesInSyncOrder(analysis.model)) {
    if (node.generatedById === undefined) {
      const located = entry(node.object);
      located.node ??= node;
    }
    for (const resource of node.resources) entry(resource.object).deployedBy.push({ node, resource });
  }
  return byFile;
}

/** The objects of one file with their spans, sorted by start (longest first at one start); objects whose document is gone are left out. */
function locateObjects(analysis: Analysis, entries: ReadonlyMap<string, FileEntry> | undefined): LocatedObject[] {
  const located: LocatedObject[] = [];
  for (const { object, node, deployedBy } of entries?.values() ?? []) {
    const { file, documentIndex, path } = object.origin;
    const document = analysis.index.parsed(file)?.documents.find((candidate) => candidate.index === documentIndex);
    if (!document) continue;
    const span = path.length === 0 ? document.span : (locate(document, path)?.value ?? document.span);
    located.push({ span, object, document, node, deployedBy });
  }
  return located.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
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
  for (const node of nodesInSyncOrder(analysis.model)) push(byName, node.name, node);
  return byName;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
