// Every dependency edge with its ordering, and whether another provider of the same need is ready first anyway.
import type { DependencyEdge } from '../dependencies/types';
import type { RepositoryModel } from '../model/types';
import { orderingOfEdge, type EdgeOrdering } from './edgeOrdering';
import { needKeysOf } from './needKeys';

/** An edge with its ordering. */
export interface OrderedEdge {
  readonly edge: DependencyEdge;
  readonly ordering: EdgeOrdering;
  /**
   * Id of another node that provides the same need (same dependent, kind, object and location)
   * and is ready first: then this edge's ordering does not matter (e.g. a namespace several apps
   * create with CreateNamespace=true, one of them the dependent itself). Undefined otherwise.
   */
  readonly satisfiedBy: string | undefined;
}

/** Orders every edge (see `orderingOfEdge`) and finds needs that an earlier provider satisfies anyway. */
export function orderedEdges(model: RepositoryModel, edges: readonly DependencyEdge[]): OrderedEdge[] {
  const ordered = edges.map((edge) => ({ edge, ordering: orderingOfEdge(model, edge) }));
  const needKeys = needKeysOf(edges);
  const needKey = (edge: DependencyEdge): string => needKeys.get(edge) ?? '';
  const readyProviderByNeed = new Map<string, string>();
  for (const { edge, ordering } of ordered) {
    if (ordering.ordering === 'before' && !readyProviderByNeed.has(needKey(edge))) readyProviderByNeed.set(needKey(edge), edge.provider.nodeId);
  }
  return ordered.map(({ edge, ordering }) => {
    const ready = ordering.ordering === 'before' ? undefined : readyProviderByNeed.get(needKey(edge));
    return { edge, ordering, satisfiedBy: ready };
  });
}
