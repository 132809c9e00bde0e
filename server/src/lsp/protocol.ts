// The server's custom LSP messages (names and parameter types), in one place the client and the tests import too.
import { RequestType0 } from 'vscode-jsonrpc';

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
