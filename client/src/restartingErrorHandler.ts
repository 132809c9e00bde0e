// What the client does when the server's connection breaks: restart it a bounded number of times, and say so.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartBudget } from './restartBudget';

/** Connection errors tolerated in a row before the connection is shut down. */
const MAX_CONSECUTIVE_CONNECTION_ERRORS = 3;

/**
 * Restarts a stopped server while the {@link RestartBudget} allows (4 times in 3 minutes), each time writing to the
 * output channel and showing a notification; then stops and tells the user how to restart by hand.
 * The results are marked `handled` so the library does not show a second message.
 */
export class RestartingErrorHandler implements ErrorHandler {
  readonly #budget = new RestartBudget();

  /** @param serverName name used in messages; @param outputChannel where every stop is logged. */
  constructor(
    private readonly serverName: string,
    private readonly outputChannel: vscode.LogOutputChannel,
  ) {}

  /** A read or write on the connection failed: keep going unless it keeps failing. */
  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.outputChannel.error(`Connection to the ${this.serverName} server failed: ${error.message}`);
    if (count !== undefined && count <= MAX_CONSECUTIVE_CONNECTION_ERRORS) return { action: ErrorAction.Continue, handled: true };
    return { action: ErrorAction.Shutdown, handled: true };
  }

  /** The server process stopped: restart it, or give up after too many stops in a short time. */
  closed(): CloseHandlerResult {
    const decision = this.#budget.recordStop(Date.now());
    if (decision.action === 'give-up') {
      const message = `The ${this.serverName} server stopped ${MAX_RESTARTS + 1} times in ${RESTART_WINDOW_MS / 60_000} minutes and will not be restarted. See the output for the cause; run "GitOps Waves: Restart Server" once it is fixed.`;
      this.outputChannel.error(message);
      void this.notify(vscode.window.showErrorMessage, message);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    const message = `The ${this.serverName} server stopped unexpectedly and is being restarted (${decision.attempt} of ${MAX_RESTARTS}).`;
    this.outputChannel.warn(message);
    void this.notify(vscode.window.showWarningMessage, message);
    return { action: CloseAction.Restart, handled: true };
  }

  /** Forgets past restarts (the restart command calls it). */
  reset(): void {
    this.#budget.reset();
  }

  private async notify(show: (message: string, ...items: string[]) => Thenable<string | undefined>, message: string): Promise<void> {
    const choice = await show(message, 'Show Output');
    if (choice === 'Show Output') this.outputChannel.show(true);
  }
}
