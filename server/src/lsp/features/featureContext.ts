// What every LSP feature handler may use: the connection, the workspace (folders and their latest analyses), the documents, the log.
import type { Connection } from 'vscode-languageserver/node';
import type { DocumentStore } from '../documentStore';
import type { Logger } from '../logger';
import type { Workspace } from '../workspace';

/**
 * Handed to each feature's `register…` function. A feature is one file under `features/` whose
 * handler finds the folder (`workspace.locate(uri)`), reads its latest analysis
 * (`folder.latest`), converts with `toProtocol`/`fromProtocol`, and is wrapped by `guardRequest`.
 */
export interface FeatureContext {
  readonly connection: Connection;
  readonly workspace: Workspace;
  /** The open documents (their current text, which may be newer than the latest analysis). */
  readonly documents: DocumentStore;
  readonly log: Logger;
}
