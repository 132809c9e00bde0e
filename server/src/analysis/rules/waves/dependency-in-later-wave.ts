// Rule waves/dependency-in-later-wave: an Application needs something another Application provides in a later wave of the same sync.
import { defineCheck } from '../check';
import { pairProblem, pairsWithOrdering } from '../deps/support/orderingFindings';

/** The provider starts after its dependent in the sync that orders them (edge ordering `after`). */
export const dependencyInLaterWave = defineCheck(
  {
    id: 'waves/dependency-in-later-wave',
    defaultSeverity: 'error',
    summary: 'An Application needs a CRD, namespace, class, store, issuer or Service that another Application provides in a later wave of the same sync.',
  },
  (context) =>
    pairsWithOrdering(context, 'after').map((pair) =>
      pairProblem(dependencyInLaterWave, context, pair, {
        consequence: ({ dependent, provider }) => `Argo CD applies ${dependent.name} first, before ${provider.name} exists.`,
        withFixes: true,
      }),
    ),
);
