// The status bar item: "GitOps Waves" and the server's state; a click shows the output (the graph comes later).
import * as vscode from 'vscode';
import type { ServerState } from './serverState';
import { SHOW_OUTPUT_COMMAND } from './commands/showOutput';

const ICONS: Record<ServerState, string> = { starting: '$(loading~spin)', running: '$(pulse)', stopped: '$(error)' };
const TOOLTIPS: Record<ServerState, string> = {
  starting: 'GitOps Waves: the server is starting',
  running: 'GitOps Waves: the server is running',
  stopped: 'GitOps Waves: the server is stopped (see the output; run "GitOps Waves: Restart Server")',
};

/** The status bar item of the extension, kept in step with the server state. */
export class ServerStatusItem implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('gitopsWaves.status', vscode.StatusBarAlignment.Left, 0);

  constructor() {
    this.#item.name = 'GitOps Waves';
    this.#item.command = SHOW_OUTPUT_COMMAND;
    this.show('starting');
    this.#item.show();
  }

  /** Shows a state: icon, tooltip, and the error background when stopped. */
  show(state: ServerState): void {
    this.#item.text = `${ICONS[state]} GitOps Waves`;
    this.#item.tooltip = TOOLTIPS[state];
    this.#item.backgroundColor = state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  /** Removes the item. */
  dispose(): void {
    this.#item.dispose();
  }
}
