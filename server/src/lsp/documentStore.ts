// The documents the editor has open: their text and version, with stale or unknown changes refused.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver/node';

/** What happened to a document notification. */
export type DocumentUpdate =
  | { readonly kind: 'applied'; readonly uri: string }
  /** Refused and left without effect; `reason` is for the log. */
  | { readonly kind: 'ignored'; readonly uri: string; readonly reason: string };

/**
 * Open documents by URI. Unlike `TextDocuments` of vscode-languageserver, a `didChange` whose
 * version is not greater than the last accepted one is refused (LSP versions increase after each
 * change), as is a change to a document that is not open. Changes inside one notification apply in
 * order (LSP: "c1 moves the document from S to S' and c2 from S' to S''").
 */
export class DocumentStore {
  readonly #documents = new Map<string, TextDocument>();

  /** Opens (or re-opens, replacing) a document. */
  open(params: DidOpenTextDocumentParams): DocumentUpdate {
    const { uri, languageId, version, text } = params.textDocument;
    const reopened = this.#documents.has(uri);
    this.#documents.set(uri, TextDocument.create(uri, languageId, version, text));
    return reopened ? { kind: 'ignored', uri, reason: 'opened again while open; the new text replaces the old' } : { kind: 'applied', uri };
  }

  /** Applies a change, unless it is stale or for a document that is not open. */
  change(params: DidChangeTextDocumentParams): DocumentUpdate {
    const { uri, version } = params.textDocument;
    const document = this.#documents.get(uri);
    if (!document) return { kind: 'ignored', uri, reason: `change (version ${version}) to a document that is not open` };
    if (version <= document.version) {
      return { kind: 'ignored', uri, reason: `stale change: version ${version} is not greater than version ${document.version} already applied` };
    }
    this.#documents.set(uri, TextDocument.update(document, params.contentChanges, version));
    return { kind: 'applied', uri };
  }

  /** Closes a document. */
  close(params: DidCloseTextDocumentParams): DocumentUpdate {
    const { uri } = params.textDocument;
    return this.#documents.delete(uri) ? { kind: 'applied', uri } : { kind: 'ignored', uri, reason: 'closed while not open' };
  }

  /** The open document with this URI. */
  get(uri: string): TextDocument | undefined {
    return this.#documents.get(uri);
  }

  /** Every open document. */
  all(): readonly TextDocument[] {
    return [...this.#documents.values()];
  }
}
