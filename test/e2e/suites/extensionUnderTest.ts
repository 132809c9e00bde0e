// Helpers the in-VS-Code suites share: the extension under test, its API, and waiting on events with a deadline.
import * as vscode from 'vscode';
import type { GitOpsWavesApi } from '../../../client/src/api';
import type { ServerState } from '../../../client/src/serverState';

/** The extension's id: `publisher.name` from the root package.json. */
export const EXTENSION_ID = 'gitops-waves.gitops-waves';

/** The installed extension; fails when it is not installed. */
export function extensionUnderTest(): vscode.Extension<GitOpsWavesApi> {
  const extension = vscode.extensions.getExtension<GitOpsWavesApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension;
}

/** Activates the extension (a no-op when VS Code already did) and returns its API. */
export async function activatedApi(): Promise<GitOpsWavesApi> {
  return extensionUnderTest().activate();
}

/**
 * Resolves once `condition()` is true, re-checking whenever `event` fires; rejects after `timeoutMs`
 * with `description` (never a fixed sleep).
 */
export function waitFor<T>(event: vscode.Event<T>, condition: () => boolean, timeoutMs: number, description: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (condition()) return resolve();
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${description}`));
    }, timeoutMs);
    const subscription = event(() => {
      if (!condition()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** Waits until the language server reports `state`. */
export function waitForServerState(api: GitOpsWavesApi, state: ServerState, timeoutMs = 60_000): Promise<void> {
  return waitFor(api.onDidChangeServerState, () => api.serverState() === state, timeoutMs, `the server to be ${state}`);
}

/** Resolves at the next firing of `event`, or after `timeoutMs` (then with false). */
export function nextEvent<T>(event: vscode.Event<T>, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve(false);
    }, Math.max(0, timeoutMs));
    const subscription = event(() => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(true);
    });
  });
}

/**
 * Reads `read()` until `ready(value)`, reading again at each firing of `event`; gives the last value
 * after `timeoutMs` (the caller's assertions then say what was wrong).
 */
export async function readWhenReady<T>(read: () => Promise<T>, ready: (value: T) => boolean, event: vscode.Event<unknown>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ready(value) && Date.now() < deadline) {
    await nextEvent(event, deadline - Date.now());
    value = await read();
  }
  return value;
}
