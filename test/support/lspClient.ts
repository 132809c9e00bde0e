// A test LSP client: spawns the bundled server over stdio, speaks LSP with vscode-jsonrpc, and waits for notifications (never sleeps).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { ServerStatus } from '../../server/src/lsp/protocol';

/** The repository root. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
/** The bundled server the tests run. */
export const SERVER_BUNDLE = path.join(REPOSITORY_ROOT, 'server', 'dist', 'server.js');

/** Builds the bundles once (call from `beforeAll`). */
export function buildServerBundle(): void {
  execFileSync(process.execPath, [path.join(REPOSITORY_ROOT, 'esbuild.mjs')], { cwd: REPOSITORY_ROOT, stdio: 'inherit' });
}

/** Writes files (repository path → text) into a new temporary folder and returns its path. */
export function writeTemporaryRepository(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'gitops-waves-lsp-'));
  for (const [repoPath, text] of Object.entries(files)) writeRepositoryFile(root, repoPath, text);
  return root;
}

/** Writes one file of a temporary repository, creating its folders. */
export function writeRepositoryFile(root: string, repoPath: string, text: string): void {
  const file = path.join(root, ...repoPath.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** The `file:` URI of a repository path. */
export function fileUri(root: string, repoPath: string): string {
  return pathToFileURL(path.join(root, ...repoPath.split('/'))).href;
}

/** How to start a server. */
export interface ServerLaunch {
  /** `--state-dir` (defaults to a new temporary folder). */
  readonly stateDirectory?: string;
  /** Extra environment variables (fault injection). */
  readonly env?: Readonly<Record<string, string>>;
}

/** How the test client introduces itself. */
export interface ClientSetup {
  /** `gitopsWaves` settings answered to `workspace/configuration`. */
  readonly settings?: unknown;
  /** Advertise `workspace.didChangeWatchedFiles.dynamicRegistration` (default true). */
  readonly watchedFiles?: boolean;
}

/** Something the server sent, kept for the waits. */
type Received =
  | { readonly kind: 'diagnostics'; readonly params: PublishDiagnosticsParams }
  | { readonly kind: 'log'; readonly message: string }
  | { readonly kind: 'progress'; readonly value: unknown };

/** A waiter: resolved by the first received item (past or future) that satisfies it. */
interface Waiter {
  readonly test: (item: Received) => boolean;
  readonly resolve: (item: Received) => void;
}

/** A running server and the client's view of it. */
export class TestLanguageServer {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly stateDirectory: string;
  /** Everything received, in order. */
  readonly received: Received[] = [];
  /** The latest diagnostics per file-system path. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Registrations the server asked for (`client/registerCapability`). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** The server's stderr, for failure messages. */
  stderr = '';
  readonly #waiters = new Set<Waiter>();
  readonly #exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #settings: unknown;

  private constructor(launch: ServerLaunch) {
    this.stateDirectory = launch.stateDirectory ?? mkdtempSync(path.join(os.tmpdir(), 'gitops-waves-state-'));
    this.process = spawn(process.execPath, [SERVER_BUNDLE, '--stdio', '--state-dir', this.stateDirectory], {
      env: { ...process.env, ...launch.env },
      // A crash test aborts the process: any core file lands in the state folder, not in the repository.
      cwd: this.stateDirectory,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.#exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(fileURLToPath(params.uri), params);
      this.#receive({ kind: 'diagnostics', params });
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => this.#receive({ kind: 'log', message: params.message }));
    this.connection.onNotification('$/progress', (params: { value: unknown }) => this.#receive({ kind: 'progress', value: params.value }));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.#settings ?? null));
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    // Errors after the process died (a crash test) are expected; the waits report them.
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  /** Spawns `node server/dist/server.js --stdio`. */
  static launch(launch: ServerLaunch = {}): TestLanguageServer {
    return new TestLanguageServer(launch);
  }

  /** `initialize` + `initialized` with one workspace folder. */
  async initialize(root: string, setup: ClientSetup = {}): Promise<InitializeResult> {
    this.#settings = setup.settings;
    const rootUri = pathToFileURL(root).href;
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: setup.watchedFiles ?? true },
          didChangeConfiguration: { dynamicRegistration: true },
        },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Changes the settings the client answers with and tells the server. */
  async changeSettings(settings: unknown): Promise<void> {
    this.#settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { gitopsWaves: settings } });
  }

  /** `textDocument/didOpen`. */
  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** `textDocument/didChange`. */
  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** `textDocument/didClose`. */
  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** `workspace/didChangeWatchedFiles` (type 1 created, 2 changed, 3 deleted). */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /** `gitopsWaves/serverStatus`: the liveness probe. */
  status(): Promise<ServerStatus> {
    return this.connection.sendRequest<ServerStatus>('gitopsWaves/serverStatus');
  }

  /**
   * Resolves with the diagnostics of a file once they satisfy `predicate` (already received or
   * arriving later); fails after `timeoutMs` showing the last diagnostics received for the file.
   */
  async waitForDiagnostics(filePath: string, predicate: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean, timeoutMs = 20_000): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(filePath);
    if (current && predicate(current.diagnostics, current)) return current.diagnostics;
    const item = await this.#waitFor(
      (received) => received.kind === 'diagnostics' && fileURLToPath(received.params.uri) === filePath && predicate(received.params.diagnostics, received.params),
      timeoutMs,
      () => `diagnostics of ${filePath}; last received: ${JSON.stringify(this.diagnostics.get(filePath)?.diagnostics.map((diagnostic) => diagnostic.code) ?? 'none')}`,
    );
    return item.kind === 'diagnostics' ? item.params.diagnostics : [];
  }

  /** Resolves with the first log message (past or future) matching `pattern`. */
  async waitForLog(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const item = await this.#waitFor((received) => received.kind === 'log' && pattern.test(received.message), timeoutMs, () => `a log line matching ${pattern}`, true);
    return item.kind === 'log' ? item.message : '';
  }

  /** Resolves when the process exits. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.#exited;
  }

  /** `shutdown` + `exit`, then waits for the process to end (killing it if it does not). */
  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        this.process.kill('SIGKILL');
      }
      const timer = setTimeout(() => this.process.kill('SIGKILL'), 5000);
      await this.#exited;
      clearTimeout(timer);
    }
    this.connection.dispose();
  }

  #receive(item: Received): void {
    this.received.push(item);
    for (const waiter of [...this.#waiters]) {
      if (waiter.test(item)) {
        this.#waiters.delete(waiter);
        waiter.resolve(item);
      }
    }
  }

  #waitFor(test: (item: Received) => boolean, timeoutMs: number, describe: () => string, includePast = false): Promise<Received> {
    if (includePast) {
      const past = this.received.find(test);
      if (past) return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}.\nServer stderr:\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }
}

/** The rule ids (diagnostic codes) of diagnostics, sorted. */
export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}
