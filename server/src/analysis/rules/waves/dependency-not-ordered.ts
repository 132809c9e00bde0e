// Rule waves/dependency-not-ordered: nothing makes the provider of a dependency ready before the Application that needs it.
import { defineCheck } from '../check';
import { isUnknownPosition, pairProblem, pairsWithOrdering } from '../deps/support/orderingFindings';

/**
 * An edge whose ordering is `unordered`: different roots, one ApplicationSet, or an earlier wave
 * that does not wait for health. Service URLs are left out (a client retries a run-time link), and
 * so are edges whose provider's wave is unknown (a chart the analysis does not expand).
 */
export const dependencyNotOrdered = defineCheck(
  {
    id: 'waves/dependency-not-ordered',
    defaultSeverity: 'info',
    summary: 'Nothing makes the provider of a dependency ready before the Application that needs it (different roots, one ApplicationSet, or a wave that does not wait for health).',
  },
  (context) =>
    pairsWithOrdering(context, 'unordered', (group) => group.best.edge.kind !== 'service')
      .filter((pair) => !isUnknownPosition(pair))
      .map((pair) =>
        pairProblem(dependencyNotOrdered, context, pair, {
          consequence: ({ dependent, provider }) => `Nothing makes ${provider.name} ready before ${dependent.name} starts; until it is, ${dependent.name}'s sync can fail and retry.`,
          withFixes: false,
        }),
      ),
);
