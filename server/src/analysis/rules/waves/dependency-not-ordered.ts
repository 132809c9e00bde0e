// Rule waves/dependency-not-ordered: nothing makes the provider of a dependency ready before the Application that needs it.
import { defineCheck } from '../check';
import { isUnknownPosition, pairProblem, pairsWithOrdering, type DependencyPair, type NeedFilter, type PairWording } from '../deps/support/orderingFindings';
import type { Problem } from '../rule';

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
  (context) => {
    const problems: Problem[] = [];
    for (const pair of pairsWithOrdering(context, 'unordered', NOT_A_SERVICE_URL)) {
      // A pair kept from the previous model (the same object) has the same nodes, chains and needs: the same problem.
      let judged = judgedPairs.get(pair);
      if (judged === undefined) judgedPairs.set(pair, (judged = isUnknownPosition(pair) ? null : pairProblem(dependencyNotOrdered, context, pair, WORDING)));
      if (judged !== null) problems.push(judged);
    }
    return problems;
  },
);

const NOT_A_SERVICE_URL: NeedFilter = { name: 'not a Service URL', keep: (group) => group.best.edge.kind !== 'service' };

const WORDING: PairWording = {
  consequence: ({ dependent, provider }) => `Nothing makes ${provider.name} ready before ${dependent.name} starts; until it is, ${dependent.name}'s sync can fail and retry.`,
  withFixes: false,
};

/** Per pair: its problem, or null when the provider's wave is unknown (no fixes: the pair's nodes, chains and needs are all it reads). */
const judgedPairs = new WeakMap<DependencyPair, Problem | null>();
