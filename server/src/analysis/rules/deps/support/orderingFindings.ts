// Findings for dependencies between Applications that a sync does not order provider-first: one per dependent and provider.
import type { Fix } from '../../../fixes/types';
import type { AppNode } from '../../../model/types';
import type { EdgeOrdering, EdgeOrderingKind } from '../../../ordering/edgeOrdering';
import { findEdgeResource } from '../../../ordering/syncPosition';
import { chainSignatures } from '../../../ordering/orderedEdges';
import type { CheckContext } from '../../check';
import { problem, type Problem, type RelatedLocation, type RuleMeta, type Severity } from '../../rule';
import { crossApplicationNeeds, crossNeedsWhere } from './crossNeeds';
import { isSoftEdge, type NeedGroup } from './needGroups';
import { syncOptionFix } from './syncOptionFixes';
import { describeInSync } from './syncAncestors';
import { dependencyWaveFixes } from './waveFixes';
import { sameList } from '../../../incremental/indexReads';

const MAX_REASONS = 3;

/** The needs of one Application that one other Application provides, all with the same ordering. */
export interface DependencyPair {
  readonly dependent: AppNode;
  readonly provider: AppNode;
  readonly ordering: EdgeOrdering;
  readonly needs: readonly NeedGroup[];
}

/** Needs between two Applications whose best provider has the ordering `kind`, grouped by dependent and provider (graph order). */
export function pairsWithOrdering(context: CheckContext, kind: EdgeOrderingKind, keep: (group: NeedGroup) => boolean = () => true): DependencyPair[] {
  const { model, graph } = context;
  const pairs = new Map<string, { dependent: AppNode; provider: AppNode; ordering: EdgeOrdering; needs: NeedGroup[] }>();
  for (const group of crossNeedsWhere(crossApplicationNeeds(model, graph), `ordering ${kind}`, (candidate) => candidate.best.ordering.ordering === kind)) {
    if (!keep(group)) continue;
    const { edge, ordering } = group.best;
    const dependent = model.nodesById.get(edge.dependent.nodeId);
    const provider = model.nodesById.get(edge.provider.nodeId);
    if (!dependent || !provider || dependent.id === provider.id) continue;
    const key = `${dependent.id}\u0000${provider.id}`;
    const pair = pairs.get(key);
    if (pair) pair.needs.push(group);
    else pairs.set(key, { dependent, provider, ordering, needs: [group] });
  }
  return [...pairs.values()];
}

/** How a pair's finding is worded and fixed by one rule. */
export interface PairWording {
  /** The sentence after the needs: "Argo CD applies x first." */
  readonly consequence: (pair: DependencyPair) => string;
  /** True to offer the wave (and CreateNamespace) fixes. */
  readonly withFixes: boolean;
}

/**
 * One problem for a pair: "<dependent> (wave N) needs <provider> (wave M): <reasons>; <consequence>
 * <ordering explanation>", at the first need's written place, with the providers' evidence as
 * related locations. Capped one severity milder when every need is soft (Service URL, condition,
 * created at run time).
 */
export function pairProblem(rule: RuleMeta, context: CheckContext, pair: DependencyPair, wording: PairWording): Problem {
  if (wording.withFixes) return makePairProblem(rule, context, pair, wording);
  // Without fixes a pair's problem reads the two nodes, their creation chains and the needs (their edges): kept while those are the same.
  const signatures = chainSignatures(context.model);
  const dependentChain = signatures.get(pair.dependent.id) ?? -1;
  const providerChain = signatures.get(pair.provider.id) ?? -1;
  let byProvider = keptPairProblems.get(pair.dependent);
  const key = `${rule.id}\u0000${pair.provider.id}`;
  const kept = byProvider?.get(key);
  if (
    kept !== undefined &&
    kept.provider === pair.provider &&
    kept.dependentChain === dependentChain &&
    kept.providerChain === providerChain &&
    kept.ordering === pair.ordering &&
    sameList(kept.needs, pair.needs)
  ) {
    return kept.problem;
  }
  const made = makePairProblem(rule, context, pair, wording);
  if (!byProvider) keptPairProblems.set(pair.dependent, (byProvider = new Map()));
  byProvider.set(key, { provider: pair.provider, dependentChain, providerChain, ordering: pair.ordering, needs: pair.needs, problem: made });
  return made;
}

/** Problems of pairs without fixes, by dependent node, then rule and provider. */
const keptPairProblems = new WeakMap<
  AppNode,
  Map<string, { readonly provider: AppNode; readonly dependentChain: number; readonly providerChain: number; readonly ordering: EdgeOrdering; readonly needs: readonly NeedGroup[]; readonly problem: Problem }>
>();


function makePairProblem(rule: RuleMeta, context: CheckContext, pair: DependencyPair, wording: PairWording): Problem {
  const { index, model, graph } = context;
  const { dependent, provider, ordering, needs } = pair;
  const edges = needs.map((group) => group.best.edge);
  const first = edges[0]!;
  const shown = edges.slice(0, MAX_REASONS).map((edge) => `${edge.reason}${edge.condition !== undefined ? ` (${edge.condition})` : ''}`);
  const more = edges.length > MAX_REASONS ? `; and ${edges.length - MAX_REASONS} more` : '';
  const message = `${describeInSync(model, dependent, ordering.syncId)} needs ${describeInSync(model, provider, ordering.syncId)}: ${shown.join('; ')}${more}. ${wording.consequence(pair)} ${ordering.explanation}`;
  const related: RelatedLocation[] = [];
  edges.forEach((edge, position) => {
    if (position > 0) related.push({ message: `${dependent.name} also needs ${provider.name} here: ${edge.reason}`, location: edge.dependent.location });
    related.push({ message: `${provider.name} provides it (${edge.evidence}): ${edge.reason}`, location: edge.provider.location });
  });
  let found: Problem = problem(rule, message, first.dependent.location, related);
  if (edges.every(isSoftEdge)) found = { ...found, severityCap: milder(rule.defaultSeverity) };
  if (!wording.withFixes) return found;
  const fixes: Fix[] = dependencyWaveFixes(index, model, graph, ordering.syncId, dependent.id, provider.id);
  if (edges.every((edge) => edge.kind === 'namespace' && edge.dependent.object === undefined)) {
    // The dependent can create its own destination namespace: robust whatever the waves.
    const createNamespace = syncOptionFix(index, model, dependent, 'CreateNamespace', true);
    if (createNamespace) fixes.unshift(createNamespace);
    for (let position = 1; position < fixes.length; position++) fixes[position] = { ...fixes[position]!, preferred: false };
  }
  return fixes.length > 0 ? { ...found, fixes } : found;
}

/**
 * True when the ordering is `unordered` only because a side's object is not among its node's
 * rendered resources (a chart the analysis does not expand): its wave is unknown, not unordered.
 */
export function isUnknownPosition(pair: DependencyPair): boolean {
  const { dependent, provider, ordering } = pair;
  const edge = pair.needs[0]!.best.edge;
  if (ordering.syncId === provider.id) return edge.evidence !== 'create-namespace' && findEdgeResource(provider, edge.provider.object) === undefined;
  if (ordering.syncId === dependent.id) return edge.dependent.object !== undefined && findEdgeResource(dependent, edge.dependent.object) === undefined;
  return false;
}

function milder(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : severity === 'warning' ? 'info' : 'hint';
}
