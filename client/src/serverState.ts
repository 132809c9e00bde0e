// The language server's state in the words the UI and the extension's API use.
import { State } from 'vscode-languageclient/node';

/** Where the server stands: starting (or restarting), running, or stopped (crashed too often, or failed to start). */
export type ServerState = 'starting' | 'running' | 'stopped';

/** Maps the client library's state to {@link ServerState}. */
export function serverStateOf(clientState: State): ServerState {
  switch (clientState) {
    case State.Running:
      return 'running';
    case State.Starting:
      return 'starting';
    case State.Stopped:
    case State.StartFailed:
      return 'stopped';
  }
}
