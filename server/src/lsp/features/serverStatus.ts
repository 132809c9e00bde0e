// gitopsWaves/serverStatus: the server's folders, counters and open documents (a cheap liveness probe).
import { guardRequest0, throwIfCancelled } from '../guard';
import { ServerStatusRequest, TestThrowRequest, TestUntilCancelledRequest } from '../protocol';
import { testFaultsEnabled } from '../testFaults';
import type { FeatureContext } from './featureContext';

/** Registers `gitopsWaves/serverStatus` (and, for tests only, `gitopsWaves/test/throw` and `gitopsWaves/test/untilCancelled`). */
export function registerServerStatus(context: FeatureContext): void {
  context.connection.onRequest(ServerStatusRequest.type, guardRequest0(context.log, ServerStatusRequest.method, () => context.workspace.status()));
  if (testFaultsEnabled()) {
    context.connection.onRequest(
      TestThrowRequest.type,
      guardRequest0(context.log, TestThrowRequest.method, () => {
        throw new Error('injected failure (GITOPS_WAVES_TEST_FAULTS)');
      }),
    );
    context.connection.onRequest(
      TestUntilCancelledRequest.type,
      guardRequest0(context.log, TestUntilCancelledRequest.method, async (token) => {
        await new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()));
        throwIfCancelled(token);
      }),
    );
  }
}
