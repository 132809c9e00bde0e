// The status bar item: the server's state, the number of Applications and of errors; a click opens the wave graph.
import * as vscode from 'vscode';
import type { ServerState } from './serverState';
import { SHOW_WAVE_GRAPH_COMMAND } from './commands/showWaveGraph';

const ICONS: Record<ServerState, string> = { starting: '$(loading~spin)', running: '$(pulse)', stopped: '$(error)' };
const TOOLTIPS: Record<ServerState, string> = {
  starting: 'GitOps Waves: the server is starting',
  running: 'GitOps Waves: the server is running',
  stopped: 'GitOps Waves: the server is stopped (see the output; run "GitOps Waves: Restart Server")',
};

/** What the item counts. */
export interface StatusCounts {
  /** Applications in the workspace's wave graphs (generated ones included). */
  readonly applications: number;
  /** Error diagnostics of GitOps Waves in the workspace. */
  readonly errors: number;
}

/** The item's text: state icon, name, and the counts once known (the e2e run finds the item by "GitOps Waves"). */
export function statusText(state: ServerState, counts: StatusCounts | undefined): string {
  const base = `${ICONS[state]} GitOps Waves`;
  if (!counts || state !== 'running') return base;
  return `${base}: ${counts.applications} apps $(error) ${counts.errors}`;
}

/** The status bar item of the extension, kept in step with the server state and the counts. */
export class ServerStatusItem implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('gitopsWaves.status', vscode.StatusBarAlignment.Left, 0);
  #state: ServerState = 'starting';
  #counts: StatusCounts | undefined;

  constructor() {
    this.#item.name = 'GitOps Waves';
    this.#item.command = { command: SHOW_WAVE_GRAPH_COMMAND, title: 'Show Wave Graph' };
    this.show('starting');
    this.#item.show();
  }

  /** Shows a state: icon, tooltip, and the error background when stopped. */
  show(state: ServerState): void {
    this.#state = state;
    this.render();
  }

  /** Shows the counts (undefined: not known yet). */
  showCounts(counts: StatusCounts | undefined): void {
    this.#counts = counts;
    this.render();
  }

  /** The text shown (for tests). */
  get text(): string {
    return this.#item.text;
  }

  /** Removes the item. */
  dispose(): void {
    this.#item.dispose();
  }

  private render(): void {
    this.#item.text = statusText(this.#state, this.#counts);
    const counts = this.#counts && this.#state === 'running' ? `\n${this.#counts.applications} Applications, ${this.#counts.errors} errors. Click to show the wave graph.` : '\nClick to show the wave graph.';
    this.#item.tooltip = `${TOOLTIPS[this.#state]}${counts}`;
    this.#item.backgroundColor = this.#state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }
}
