// The server's custom LSP messages (names and parameter types), in one place the client and the tests import too.
import { RequestType, RequestType0 } from 'vscode-jsonrpc';

/** How one workspace folder stands. */
export interface FolderStatus {
  /** The folder's URI, as the client sent it. */
  readonly uri: string;
  /** `indexing` until the first analysis is published; `failed` when the folder could not be read. */
  readonly state: 'indexing' | 'ready' | 'failed';
  /** Files in the folder's snapshot. */
  readonly files: number;
  /** Analyses completed since the server started. */
  readonly analyses: number;
  /** Full re-reads of the folder since the initial one (bursts of watched-file events, new folders). */
  readonly rescans: number;
  /** Batches of watched-file events applied (each batch is followed by one analysis). */
  readonly watchedFileBatches: number;
  /** Milliseconds the last analysis took (parsing included), or null before the first. */
  readonly lastAnalysisMs: number | null;
  /** Files parsed by the last analysis; the others came from the parse cache. */
  readonly lastParsedFiles: number;
  /** Repository paths of the quarantined files. */
  readonly quarantined: readonly string[];
}

/** What `gitopsWaves/serverStatus` answers: a cheap liveness probe with the server's counters. */
export interface ServerStatus {
  readonly pid: number;
  readonly folders: readonly FolderStatus[];
  /** Open documents and the last version the server accepted for each. */
  readonly documents: readonly { readonly uri: string; readonly version: number }[];
}

/** `gitopsWaves/serverStatus`: the server's state; answered at any time, even while indexing. */
export const ServerStatusRequest = {
  method: 'gitopsWaves/serverStatus',
  type: new RequestType0<ServerStatus, void>('gitopsWaves/serverStatus'),
} as const;

/**
 * `gitopsWaves/test/throw`: a request whose handler throws. Registered only when the environment
 * variable `GITOPS_WAVES_TEST_FAULTS=1` is set, for the protocol tests of the error path.
 */
export const TestThrowRequest = {
  method: 'gitopsWaves/test/throw',
  type: new RequestType0<never, void>('gitopsWaves/test/throw'),
} as const;

/**
 * `gitopsWaves/test/untilCancelled`: a request that answers only once the client cancels it (then
 * with `RequestCancelled`, -32800). Registered only with `GITOPS_WAVES_TEST_FAULTS=1`, to test that
 * cancellation is honoured.
 */
export const TestUntilCancelledRequest = {
  method: 'gitopsWaves/test/untilCancelled',
  type: new RequestType0<void, void>('gitopsWaves/test/untilCancelled'),
} as const;

// ---------------------------------------------------------------------------------------------
// The views: `gitopsWaves/tree` and `gitopsWaves/graph`. Self-contained plain data (no import from
// the analysis core), so the client bundle imports these types without the server's code.
// ---------------------------------------------------------------------------------------------

/** A position as LSP counts it: 0-based line, UTF-16 column (same shape as LSP's `Position`). */
export interface WirePosition {
  readonly line: number;
  readonly character: number;
}

/** A document range (same shape as LSP's `Range`). */
export interface WireRange {
  readonly start: WirePosition;
  readonly end: WirePosition;
}

/** A place in a file (same shape as LSP's `Location`, so a client passes it to "go to location" as is). */
export interface WireLocation {
  /** The file's URI (the client's own URI for open documents). */
  readonly uri: string;
  readonly range: WireRange;
}

/** A finding's severity, as the server's settings spell it. */
export type WireSeverity = 'error' | 'warning' | 'info' | 'hint';

/** How an object's wave takes effect (see `docs/protocol.md`). */
export type WireGating = 'health' | 'generation' | 'none' | 'unordered';

/** The worst finding located inside an object's document (ties: the first in the file). */
export interface WorstFinding {
  readonly severity: WireSeverity;
  /** Rule id, `group/kebab-name`. */
  readonly ruleId: string;
  readonly message: string;
  readonly location: WireLocation;
  /** How many findings the object's document has in all (all severities). */
  readonly count: number;
}

/**
 * Parameters of the view requests. `uri` is a workspace folder URI or the URI of any file in one:
 * the answer then holds that folder only. Without `uri`, every workspace folder is answered.
 */
export interface ViewParams {
  readonly uri?: string;
}

/** How a folder's view stands: `indexing` (no analysis yet, the view is empty), `ready`, `failed`. */
export type ViewState = 'indexing' | 'ready' | 'failed';

/** A Kubernetes resource an Application deploys, in the tree. */
export interface TreeResource {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | null;
  /** Its wave inside its Application's sync. */
  readonly wave: number;
  /** Hook phases (`PreSync`, `PostSync`…), empty for ordinary resources. */
  readonly hooks: readonly string[];
  /** Its `metadata.name` (or the closest written field); for rendered resources, where they are written. */
  readonly location: WireLocation;
  readonly worstFinding: WorstFinding | null;
}

/** An Application or ApplicationSet in the tree, with what it creates. */
export interface TreeApp {
  /** The node id (stable for a given repository; the argument of `gitopsWaves.revealInGraph`). */
  readonly id: string;
  readonly kind: 'Application' | 'ApplicationSet';
  readonly name: string;
  readonly wave: number;
  readonly gating: WireGating;
  /** One sentence: why its wave gates or not. */
  readonly explanation: string;
  /** Its `metadata.name`; for a generated Application, its ApplicationSet's template. */
  readonly location: WireLocation;
  /** Findings in its own document. */
  readonly worstFinding: WorstFinding | null;
  /** The worst severity in its document, its resources' documents and its children's, recursively (for collapsed nodes). */
  readonly worstSeverityBelow: WireSeverity | null;
  /** Why the resource list is incomplete, e.g. "rendered by Helm, not expanded". */
  readonly notExpanded: readonly string[];
  /** Sources in other repositories (described, not analysed). */
  readonly externalSources: readonly string[];
  /** Applications and ApplicationSets it creates (for a set: the Applications it generates). */
  readonly children: readonly TreeApp[];
  readonly resources: readonly TreeResource[];
}

/** One workspace folder's tree: roots → ApplicationSets → Applications → resources. */
export interface FolderTree {
  readonly folderUri: string;
  readonly state: ViewState;
  readonly roots: readonly TreeApp[];
}

/** What `gitopsWaves/tree` answers. */
export interface TreeResult {
  readonly folders: readonly FolderTree[];
}

/** An Application or ApplicationSet of the wave graph. */
export interface GraphNode {
  readonly id: string;
  readonly kind: 'Application' | 'ApplicationSet';
  readonly name: string;
  readonly location: WireLocation;
  readonly wave: number;
  /** `sync-wave` (the annotation), `hook-weight` or `default`. */
  readonly waveSource: string;
  readonly gating: WireGating;
  readonly explanation: string;
  /** Id of the Application whose sync creates it, or null (a root). */
  readonly parent: string | null;
  /** Id of the ApplicationSet that generated it, or null. */
  readonly generatedBy: string | null;
  /** 0 for the first wave used in its parent's sync, 1 for the next…; null when no sync orders it. */
  readonly waveRank: number | null;
  readonly worstFinding: WorstFinding | null;
}

/** What a dependency edge records (`crd`, `namespace`, `storage-class`, `secret-store`, `issuer`, …, `explicit`). */
export type GraphEdgeKind =
  | 'crd'
  | 'namespace'
  | 'storage-class'
  | 'secret-store'
  | 'issuer'
  | 'ingress-class'
  | 'gateway-class'
  | 'gateway'
  | 'priority-class'
  | 'snapshot-class'
  | 'service'
  | 'explicit';

/** Whether Argo CD makes the provider ready before the dependent. */
export type GraphEdgeOrdering = 'before' | 'same-wave' | 'after' | 'unordered';

/** "`dependent` needs `provider`", with the reason and whether the waves honour it. */
export interface GraphEdge {
  readonly dependent: string;
  readonly provider: string;
  readonly kind: GraphEdgeKind;
  /** E.g. "uses CRD certificates.cert-manager.io", "PVC on StorageClass longhorn". */
  readonly reason: string;
  /** How the provider was found: `manifest`, `chart-catalogue`, `create-namespace` or `annotation`. */
  readonly evidence: string;
  /** Set when the provider satisfies the need only under a condition the analysis could not decide. */
  readonly condition: string | null;
  /** `Kind/name` of the object that needs, and of the object that provides, when known. */
  readonly dependentObject: string | null;
  readonly providerObject: string | null;
  /** Where the need is written. */
  readonly dependentLocation: WireLocation;
  /** Where the provider's object (or the provider) is written. */
  readonly providerLocation: WireLocation;
  /** Both ends are the same Application (an ordering inside one sync). */
  readonly internal: boolean;
  readonly ordering: GraphEdgeOrdering;
  /** One sentence: why the provider is (or is not) ready first. */
  readonly explanation: string;
  /** Another provider of the same need that is ready first (then this edge is no violation), or null. */
  readonly satisfiedBy: string | null;
  /** The provider starts in the same or a later wave and no other provider is ready first. */
  readonly violation: boolean;
}

/** A wave in use, with the nodes in it (ordered or not). */
export interface GraphWave {
  readonly wave: number;
  readonly nodes: readonly string[];
}

/** An edge the waves do not honour (index into `edges`), with the sentence to show. */
export interface GraphViolation {
  readonly edge: number;
  readonly dependent: string;
  readonly provider: string;
  readonly ordering: GraphEdgeOrdering;
  readonly explanation: string;
}

/** One workspace folder's wave graph. */
export interface FolderGraph {
  readonly folderUri: string;
  readonly state: ViewState;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The distinct waves of the nodes, ascending. */
  readonly waves: readonly GraphWave[];
  /** Each ApplicationSet with the ids of the Applications it generates (drawn as a group). */
  readonly sets: readonly { readonly id: string; readonly members: readonly string[] }[];
  readonly violations: readonly GraphViolation[];
}

/** What `gitopsWaves/graph` answers. */
export interface GraphResult {
  readonly folders: readonly FolderGraph[];
}

/** `gitopsWaves/tree`: the Applications tree of the latest analysis (never starts one). */
export const TreeRequest = {
  method: 'gitopsWaves/tree',
  type: new RequestType<ViewParams, TreeResult, void>('gitopsWaves/tree'),
} as const;

/** `gitopsWaves/graph`: the wave graph of the latest analysis (never starts one). */
export const GraphRequest = {
  method: 'gitopsWaves/graph',
  type: new RequestType<ViewParams, GraphResult, void>('gitopsWaves/graph'),
} as const;

/**
 * The command of the code lenses above Applications and ApplicationSets: the client reveals the
 * node in its wave graph. Arguments: `[nodeId, folderUri]` (node ids are unique per folder).
 */
export const REVEAL_IN_GRAPH_COMMAND = 'gitopsWaves.revealInGraph';

/** The arguments of {@link REVEAL_IN_GRAPH_COMMAND}. */
export type RevealInGraphArguments = [nodeId: string, folderUri: string];
