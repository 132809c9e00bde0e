// Rule waves/dependency-in-same-wave: an Application needs something another Application provides in the same wave: they race.
import { defineCheck } from '../check';
import { pairProblem, pairsWithOrdering } from '../deps/support/orderingFindings';

/** The provider and its dependent start together in the sync that orders them (edge ordering `same-wave`). */
export const dependencyInSameWave = defineCheck(
  {
    id: 'waves/dependency-in-same-wave',
    defaultSeverity: 'warning',
    summary: 'An Application needs something another Application provides in the same wave of the same sync: they race.',
  },
  (context) =>
    pairsWithOrdering(context, 'same-wave').map((pair) =>
      pairProblem(dependencyInSameWave, context, pair, {
        consequence: ({ dependent, provider }) => `Argo CD applies both in one wave without waiting for either, so ${dependent.name} may start before ${provider.name} is ready.`,
        withFixes: true,
      }),
    ),
);
