// Findings for dependencies between Applications that a sync does not order provider-first: one per dependent and provider.
import type { Fix } from '../../../fixes/types';
import type { AppNode, RepositoryModel } from '../../../model/types';
import type { EdgeOrdering, EdgeOrderingKind } from '../../../ordering/edgeOrdering';
import { findEdgeResource } from '../../../ordering/syncPosition';
import { chainSignatures } from '../../../ordering/orderedEdges';
import type { CheckContext } from '../../check';
import { problem, type Problem, type RelatedLocation, type RuleMeta, type Severity } from '../../rule';
import { crossApplicationNeeds, crossNeedsWhere } from './crossNeeds';
import { isSoftEdge, nodesOrderedOtherwise, type NeedGroup } from './needGroups';
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

/** A further test of the needs {@link pairsWithOrdering} pairs, with a name that tells it from every other. */
export interface NeedFilter {
  readonly name: string;
  readonly keep: (group: NeedGroup) => boolean;
}

/**
 * Needs between two Applications whose best provider has the ordering `kind`, grouped by dependent and provider
 * (graph order). Kept per list of needs: after an edit that kept the needs, the pairs of the previous model are
 * taken again, those at a node that changed (another object, another chain, see `nodesOrderedOtherwise`) with the
 * model's nodes, the others as they were (the same objects, which the rules may keep their problems by).
 */
export function pairsWithOrdering(context: CheckContext, kind: EdgeOrderingKind, filter?: NeedFilter): readonly DependencyPair[] {
  const { model, graph } = context;
  const needs = crossNeedsWhere(crossApplicationNeeds(model, graph), filter === undefined ? `ordering ${kind}` : `ordering ${kind}, ${filter.name}`, (candidate) =>
    candidate.best.ordering.ordering === kind && (filter === undefined || filter.keep(candidate)),
  );
  const kept = pairsByNeeds.get(needs);
  if (kept !== undefined && kept.model === model) return kept.pairs;
  const followed = kept === undefined ? undefined : pairsFollowed(kept.pairs, kept.model, model);
  const pairs = followed ?? pairsOf(model, needs);
  pairsByNeeds.set(needs, { model, pairs });
  return pairs;
}

/** Per list of needs: the pairs last made of it, and for which model. */
const pairsByNeeds = new WeakMap<readonly NeedGroup[], { readonly model: RepositoryModel; readonly pairs: readonly DependencyPair[] }>();

/** Pairs of `previous` taken into `model` (see {@link pairsWithOrdering}); undefined when a node is gone or the models are not comparable. */
function pairsFollowed(pairs: readonly DependencyPair[], previous: RepositoryModel, model: RepositoryModel): readonly DependencyPair[] | undefined {
  const changed = nodesOrderedOtherwise(previous, model);
  if (changed === undefined) return undefined;
  const touched = (pair: DependencyPair): boolean => changed.has(pair.dependent.id) || changed.has(pair.provider.id);
  if (changed.size === 0 || !pairs.some(touched)) return pairs;
  const followed: DependencyPair[] = [];
  for (const pair of pairs) {
    if (!touched(pair)) {
      followed.push(pair);
      continue;
    }
    const dependent = model.nodesById.get(pair.dependent.id);
    const provider = model.nodesById.get(pair.provider.id);
    if (dependent === undefined || provider === undefined) return undefined;
    followed.push({ ...pair, dependent, provider });
  }
  return followed;
}

function pairsOf(model: RepositoryModel, needs: readonly NeedGroup[]): DependencyPair[] {
  const pairs: { dependent: AppNode; provider: AppNode; ordering: EdgeOrdering; needs: NeedGroup[] }[] = [];
  // By dependent, then provider node (nodes of one model: one object per id; no key text made per need).
  const byNodes = new Map<AppNode, Map<AppNode, (typeof pairs)[number]>>();
  for (const group of needs) {
    const { edge, ordering } = group.best;
    const dependent = model.nodesById.get(edge.dependent.nodeId);
    const provider = model.nodesById.get(edge.provider.nodeId);
    if (!dependent || !provider || dependent.id === provider.id) continue;
    let byProvider = byNodes.get(dependent);
    if (byProvider === undefined) byNodes.set(dependent, (byProvider = new Map()));
    const pair = byProvider.get(provider);
    if (pair) pair.needs.push(group);
    else {
      const made = { dependent, provider, ordering, needs: [group] };
      byProvider.set(provider, made);
      pairs.push(made);
    }
  }
  return pairs;
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
  // Without fixes a pair's problem reads the two nodes' names, their creation chains and the needs (their edges): kept
  // while those are the same. A chain's number stands for each step's name, kind, wave and ordering, the node's own
  // included, so a node made again for an edit of its resources keeps its pairs' problems (and the findings theirs).
  const signatures = chainSignatures(context.model);
  const dependentChain = signatures.get(pair.dependent.id) ?? -1;
  const providerChain = signatures.get(pair.provider.id) ?? -1;
  let byRule = keptPairProblems.get(pair.dependent.id);
  let byProvider = byRule?.get(rule.id);
  const kept = byProvider?.get(pair.provider.id);
  if (
    kept !== undefined &&
    kept.dependentChain === dependentChain &&
    kept.providerChain === providerChain &&
    kept.ordering === pair.ordering &&
    sameList(kept.needs, pair.needs)
  ) {
    return kept.problem;
  }
  const made = makePairProblem(rule, context, pair, wording);
  if (!byRule) {
    // Ids that went are forgotten once they are many (typing a name makes an id per keystroke).
    if (keptPairProblems.size > 2 * context.model.nodes.length + 1000) for (const id of keptPairProblems.keys()) if (!context.model.nodesById.has(id)) keptPairProblems.delete(id);
    keptPairProblems.set(pair.dependent.id, (byRule = new Map()));
  }
  if (!byProvider) byRule.set(rule.id, (byProvider = new Map()));
  byProvider.set(pair.provider.id, { dependentChain, providerChain, ordering: pair.ordering, needs: pair.needs, problem: made });
  return made;
}

/** A pair's problem made without fixes, with what it was made from. */
interface KeptPairProblem {
  readonly dependentChain: number;
  readonly providerChain: number;
  readonly ordering: EdgeOrdering;
  readonly needs: readonly NeedGroup[];
  readonly problem: Problem;
}

/**
 * Problems of pairs without fixes, by dependent id, then rule id and provider id (existing strings: no key text made per
 * pair). An id that went keeps its entry until they are many (see `pairProblem`).
 */
const keptPairProblems = new Map<string, Map<string, Map<string, KeptPairProblem>>>();


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
