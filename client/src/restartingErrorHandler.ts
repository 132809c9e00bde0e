// What the client does when the server's connection breaks: restart it a bounded number of times, and say so.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** Restarts allowed within {@link RESTART_WINDOW_MS} before the client gives up (one poison file must not loop forever). */
export const MAX_RESTARTS = 4;
/** The window in which restarts are counted. */
export const RESTART_WINDOW_MS = 3 * 60 * 1000;
/** Connection errors tolerated in a row before the connection is shut down. */
const MAX_CONSECUTIVE_CONNECTION_ERRORS = 3;

/**
 * Restarts a stopped server up to {@link MAX_RESTARTS} times in {@link RESTART_WINDOW_MS}, each time writing to
 * the output channel and showing a notification; then stops and tells the user how to restart by hand.
 * The results are marked `handled` so the library does not show a second message.
 */
export class RestartingErrorHandler implements ErrorHandler {
  readonly #restartTimes: number[] = [];

  /** @param serverName name used in messages; @param outputChannel where every stop is logged. */
  constructor(
    private readonly serverName: string,
    private readonly outputChannel: vscode.LogOutputChannel,
    private readonly now: () => number = Date.now,
  ) {}

  /** A read or write on the connection failed: keep going unless it keeps failing. */
  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.outputChannel.error(`Connection to the ${this.serverName} server failed: ${error.message}`);
    if (count !== undefined && count <= MAX_CONSECUTIVE_CONNECTION_ERRORS) return { action: ErrorAction.Continue, handled: true };
    return { action: ErrorAction.Shutdown, handled: true };
  }

  /** The server process stopped: restart it, or give up after too many stops in a short time. */
  closed(): CloseHandlerResult {
    const now = this.now();
    while (this.#restartTimes.length > 0 && now - this.#restartTimes[0]! > RESTART_WINDOW_MS) this.#restartTimes.shift();
    if (this.#restartTimes.length >= MAX_RESTARTS) {
      const message = `The ${this.serverName} server stopped ${MAX_RESTARTS + 1} times in ${RESTART_WINDOW_MS / 60_000} minutes and will not be restarted. See the output for the cause; run "GitOps Waves: Restart Server" once it is fixed.`;
      this.outputChannel.error(message);
      void this.notify(vscode.window.showErrorMessage, message);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.#restartTimes.push(now);
    const message = `The ${this.serverName} server stopped unexpectedly and is being restarted (${this.#restartTimes.length} of ${MAX_RESTARTS}).`;
    this.outputChannel.warn(message);
    void this.notify(vscode.window.showWarningMessage, message);
    return { action: CloseAction.Restart, handled: true };
  }

  /** Forgets past restarts (after a manual restart the user gets a fresh budget). */
  reset(): void {
    this.#restartTimes.length = 0;
  }

  private async notify(show: (message: string, ...items: string[]) => Thenable<string | undefined>, message: string): Promise<void> {
    const choice = await show(message, 'Show Output');
    if (choice === 'Show Output') this.outputChannel.show(true);
  }
}
