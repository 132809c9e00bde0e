// gitopsWaves/serverStatus: the server's folders, counters and open documents (a cheap liveness probe).
import { guardRequest0 } from '../guard';
import { ServerStatusRequest, TestThrowRequest } from '../protocol';
import { testFaultsEnabled } from '../testFaults';
import type { FeatureContext } from './featureContext';

/** Registers `gitopsWaves/serverStatus` (and, for tests only, `gitopsWaves/test/throw`). */
export function registerServerStatus(context: FeatureContext): void {
  context.connection.onRequest(ServerStatusRequest.type, guardRequest0(context.log, ServerStatusRequest.method, () => context.workspace.status()));
  if (testFaultsEnabled()) {
    context.connection.onRequest(
      TestThrowRequest.type,
      guardRequest0(context.log, TestThrowRequest.method, () => {
        throw new Error('injected failure (GITOPS_WAVES_TEST_FAULTS)');
      }),
    );
  }
}
