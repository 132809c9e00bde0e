// The workspace: its folders (one repository each), and the routing of document, file and settings events to them.
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, FileEvent, WorkspaceFolder } from 'vscode-languageserver/node';
import type { DocumentStore } from './documentStore';
import { filePathToRepoPath, uriToFilePath } from './fromProtocol';
import type { Logger } from './logger';
import type { ServerStatus } from './protocol';
import { RepositoryFolder, type FolderServices } from './repositoryFolder';
import type { ClientSettings } from './settings';

/** A folder and a path inside it. */
export interface FolderPath {
  readonly folder: RepositoryFolder;
  readonly repoPath: string;
}

/**
 * Every workspace folder of the client, each analysed as its own repository. Events are routed to
 * the folder holding the file (the innermost one when folders nest); files outside every folder
 * are ignored (the analysis needs a repository around a file).
 */
export class Workspace {
  readonly #services: FolderServices;
  readonly #documents: DocumentStore;
  readonly #log: Logger;
  readonly #folders = new Map<string, RepositoryFolder>();
  /** Called when a folder is removed, to clear what it published. */
  readonly #onFolderRemoved: (folder: RepositoryFolder) => void;

  constructor(services: FolderServices, onFolderRemoved: (folder: RepositoryFolder) => void) {
    this.#services = services;
    this.#documents = services.documents;
    this.#log = services.log;
    this.#onFolderRemoved = onFolderRemoved;
  }

  /** The folders, in the order they were added. */
  folders(): readonly RepositoryFolder[] {
    return [...this.#folders.values()];
  }

  /** Adds folders and starts indexing them (concurrently). Resolves when all are indexed or failed. */
  async addFolders(folders: readonly WorkspaceFolder[]): Promise<void> {
    const added: RepositoryFolder[] = [];
    for (const { uri, name } of folders) {
      const folderPath = uriToFilePath(uri);
      if (folderPath === undefined) {
        this.#log.warn(`Workspace folder ${uri} is not a file: URI; it is not analysed.`);
        continue;
      }
      if (this.#folders.has(uri)) continue;
      const folder = new RepositoryFolder(uri, folderPath, name, this.#services);
      this.#folders.set(uri, folder);
      added.push(folder);
    }
    await Promise.all(added.map((folder) => folder.start()));
  }

  /** Removes folders: their work stops and their diagnostics are cleared. */
  removeFolders(folders: readonly WorkspaceFolder[]): void {
    for (const { uri } of folders) {
      const folder = this.#folders.get(uri);
      if (!folder) continue;
      this.#folders.delete(uri);
      folder.dispose();
      this.#onFolderRemoved(folder);
    }
  }

  /** The innermost folder holding a URI, and the path inside it. */
  locate(uri: string): FolderPath | undefined {
    const filePath = uriToFilePath(uri);
    if (filePath === undefined) return undefined;
    let best: FolderPath | undefined;
    for (const folder of this.#folders.values()) {
      const repoPath = filePathToRepoPath(folder.folderPath, filePath);
      if (repoPath === undefined) continue;
      if (!best || folder.folderPath.length > best.folder.folderPath.length) best = { folder, repoPath };
    }
    return best;
  }

  /** `textDocument/didOpen`. */
  didOpen(params: DidOpenTextDocumentParams): void {
    this.#logIgnored(this.#documents.open(params));
    this.#foldersHolding(params.textDocument.uri).forEach((folder) => folder.documentChanged());
  }

  /** `textDocument/didChange`; a stale version is ignored and logged. */
  didChange(params: DidChangeTextDocumentParams): void {
    const update = this.#documents.change(params);
    if (update.kind === 'ignored') {
      this.#logIgnored(update);
      return;
    }
    this.#foldersHolding(params.textDocument.uri).forEach((folder) => folder.documentChanged());
  }

  /** `textDocument/didClose`: the disk's text counts again. */
  didClose(params: DidCloseTextDocumentParams): void {
    const update = this.#documents.close(params);
    if (update.kind === 'ignored') {
      this.#logIgnored(update);
      return;
    }
    for (const folder of this.#foldersHolding(params.textDocument.uri)) {
      const repoPath = folder.repoPathOf(params.textDocument.uri);
      if (repoPath !== undefined) folder.documentClosed(repoPath);
    }
  }

  /** `workspace/didChangeWatchedFiles`: each folder gets its changed paths (coalesced there). */
  didChangeWatchedFiles(changes: readonly FileEvent[]): void {
    const byFolder = new Map<RepositoryFolder, string[]>();
    for (const change of changes) {
      for (const folder of this.#foldersHolding(change.uri)) {
        const repoPath = folder.repoPathOf(change.uri);
        if (repoPath === undefined) continue;
        const paths = byFolder.get(folder);
        if (paths) paths.push(repoPath);
        else byFolder.set(folder, [repoPath]);
      }
    }
    for (const [folder, paths] of byFolder) folder.watchedFilesChanged(paths);
  }

  /** Applies each folder's client settings. */
  async refreshSettings(fetch: (folderUri: string) => Promise<ClientSettings>): Promise<void> {
    await Promise.all(this.folders().map(async (folder) => folder.updateSettings(await fetch(folder.uri))));
  }

  /** The answer to `gitopsWaves/serverStatus`. */
  status(): ServerStatus {
    return {
      pid: process.pid,
      folders: this.folders().map((folder) => folder.status()),
      documents: this.#documents.all().map((document) => ({ uri: document.uri, version: document.version })),
    };
  }

  /** Stops every folder's work. */
  dispose(): void {
    for (const folder of this.#folders.values()) folder.dispose();
  }

  /**
   * Every folder whose repository holds the file: nested folders each analyse it, since the
   * outer one reads the inner one's files too.
   */
  #foldersHolding(uri: string): RepositoryFolder[] {
    return this.folders().filter((folder) => folder.repoPathOf(uri) !== undefined);
  }

  #logIgnored(update: { readonly kind: string; readonly uri: string; readonly reason?: string }): void {
    if (update.kind === 'ignored') this.#log.warn(`Ignored a document notification for ${update.uri}: ${update.reason ?? ''}`);
  }
}
