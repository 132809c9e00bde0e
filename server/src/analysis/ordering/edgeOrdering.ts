// Whether Argo CD makes a dependency's provider ready before its dependent, from the two nodes' creation chains.
import type { DependencyEdge } from '../dependencies/types';
import type { AppNode, RepositoryModel } from '../model/types';
import { creationChain } from './creationChain';
import { compareSyncPositions, describeSyncPosition, findEdgeResource, type SyncPosition } from './syncPosition';

/**
 * - `before`: the provider is ready (Healthy, or applied inside one sync) before the dependent starts;
 * - `same-wave`: both start at the same point of the sync that orders them;
 * - `after`: the provider starts later than the dependent;
 * - `unordered`: nothing guarantees the provider first (different roots, one ApplicationSet,
 *   or an earlier wave that does not wait for health).
 */
export type EdgeOrderingKind = 'before' | 'same-wave' | 'after' | 'unordered';

/** The ordering of one edge, with the sentence a person reads. */
export interface EdgeOrdering {
  readonly ordering: EdgeOrderingKind;
  readonly explanation: string;
  /** Id of the Application whose sync decides the order, when one does. */
  readonly syncId: string | undefined;
}

/**
 * Decides whether Argo CD makes `edge.provider` ready before `edge.dependent`. It walks both
 * creation chains from the root; at the first sync where they diverge it compares the waves of the
 * two ancestors there. An earlier wave guarantees readiness only when every step from that ancestor
 * down to the provider gates on health: an ApplicationSet's wave waits only for generation, and an
 * Application's waits for nothing without the Application health check.
 */
export function orderingOfEdge(model: RepositoryModel, edge: DependencyEdge): EdgeOrdering {
  const dependentChain = creationChain(model, edge.dependent.nodeId);
  const providerChain = creationChain(model, edge.provider.nodeId);
  if (!dependentChain || !providerChain) return unordered('One side of this dependency is not an Application or ApplicationSet of the model.', undefined);
  const dependent = dependentChain[dependentChain.length - 1] as AppNode;
  const provider = providerChain[providerChain.length - 1] as AppNode;
  if (dependent.id === provider.id) return insideOneSync(dependent, edge);
  const dependentRoot = dependentChain[0] as AppNode;
  const providerRoot = providerChain[0] as AppNode;
  if (dependentRoot.id !== providerRoot.id) {
    return unordered(
      `${provider.name} and ${dependent.name} come from different roots (${providerRoot.name}, ${dependentRoot.name}): no sync orders one before the other.`,
      undefined,
    );
  }
  let common = 0;
  while (common < dependentChain.length && common < providerChain.length && dependentChain[common]?.id === providerChain[common]?.id) common++;
  if (common === providerChain.length) return providerCreatesDependent(provider, dependentChain[common] as AppNode, dependent, edge);
  if (common === dependentChain.length) return dependentCreatesProvider(dependent, providerChain.slice(common), edge);
  const sync = dependentChain[common - 1] as AppNode;
  const dependentAncestor = dependentChain[common] as AppNode;
  const providerAncestor = providerChain[common] as AppNode;
  if (sync.kind === 'ApplicationSet') {
    return unordered(
      `${provider.name} and ${dependent.name} both come from ApplicationSet ${sync.name}, which creates its Applications together and ignores their waves: nothing orders ${provider.name} first.`,
      undefined,
    );
  }
  const inSync = `in ${sync.name}'s sync`;
  const providerSide = via(providerAncestor, provider);
  const dependentSide = via(dependentAncestor, dependent);
  if (providerAncestor.wave.wave > dependentAncestor.wave.wave) {
    const blocks =
      dependentAncestor.ordering.gating === 'health'
        ? ` Wave ${dependentAncestor.wave.wave} waits until ${dependentAncestor.name} is Healthy: if ${dependent.name} cannot become Healthy without ${provider.name}, the sync stops there.`
        : '';
    return { ordering: 'after', explanation: `${provider.name} comes after ${dependent.name}: ${inSync}, ${providerSide} is in a later wave than ${dependentSide}.${blocks}`, syncId: sync.id };
  }
  if (providerAncestor.wave.wave === dependentAncestor.wave.wave) {
    return {
      ordering: 'same-wave',
      explanation: `${provider.name} and ${dependent.name} start together: ${inSync}, ${providerSide} and ${dependentSide} are in the same wave; nothing makes ${provider.name} ready first.`,
      syncId: sync.id,
    };
  }
  const gap = readinessGap(providerChain.slice(common), provider);
  if (gap !== undefined) {
    return unordered(`${provider.name} may not be ready when ${dependent.name} starts: ${inSync}, ${providerSide} is in an earlier wave than ${dependentSide}, but ${gap}.`, sync.id);
  }
  return {
    ordering: 'before',
    explanation: `${provider.name} is ready before ${dependent.name} starts: ${inSync}, ${providerSide} is in an earlier wave than ${dependentSide}, and later waves wait until it is Healthy.`,
    syncId: sync.id,
  };
}

/** "name (wave N)" for the node itself, else "Kind name (wave N, which creates <end>)". */
function via(ancestor: AppNode, end: AppNode): string {
  if (ancestor.id === end.id) return `${ancestor.name} (wave ${ancestor.wave.wave})`;
  const verb = ancestor.kind === 'ApplicationSet' ? 'generates' : 'creates';
  return `${ancestor.kind} ${ancestor.name} (wave ${ancestor.wave.wave}, which ${verb} ${end.name})`;
}

/**
 * Why the provider may not be ready once `steps[0]` (an ancestor ordered by a wave) counts as done,
 * or undefined when every step down to the provider waits for health.
 */
function readinessGap(steps: readonly AppNode[], provider: AppNode): string | undefined {
  for (const step of steps) {
    if (step.ordering.gating === 'health') continue;
    if (step.ordering.gating === 'generation') {
      // An ApplicationSet is "ready" once it has generated its Applications: enough when the set itself is needed.
      if (step.id === provider.id) continue;
      return `ApplicationSet ${step.name} counts as done once its Applications are generated, not when ${provider.name} is Healthy`;
    }
    if (step.ordering.gating === 'none') return `nothing waits for ${step.name} to be Healthy (no Application health check is configured)`;
    return `nothing orders ${step.name}: ${step.ordering.explanation}`;
  }
  return undefined;
}

/** The provider's own sync creates (a chain leading to) the dependent: compare the provider's object with that child. */
function providerCreatesDependent(provider: AppNode, child: AppNode, dependent: AppNode, edge: DependencyEdge): EdgeOrdering {
  const childSide = via(child, dependent);
  if (edge.evidence === 'create-namespace') {
    return { ordering: 'before', explanation: `${provider.name} creates the namespace (CreateNamespace=true) before its sync starts, so before ${childSide}.`, syncId: provider.id };
  }
  const found = findEdgeResource(provider, edge.provider.object);
  const what = edge.provider.object ?? 'what it provides';
  if (!found) return unordered(`${provider.name}'s sync creates ${childSide}, but ${notRendered(provider, what, edge)}.`, provider.id);
  return compareInSync(provider, found.position, { phase: 0, wave: child.wave.wave }, `${what} (${describeSyncPosition(found.position)})`, childSide, [], provider);
}

/** The dependent's own sync creates (a chain leading to) the provider: compare the dependent's object with that child. */
function dependentCreatesProvider(dependent: AppNode, providerSteps: readonly AppNode[], edge: DependencyEdge): EdgeOrdering {
  const child = providerSteps[0] as AppNode;
  const provider = providerSteps[providerSteps.length - 1] as AppNode;
  const found = findEdgeResource(dependent, edge.dependent.object);
  const what = edge.dependent.object ?? 'what needs it';
  const childSide = via(child, provider);
  if (edge.dependent.object === undefined) {
    return unordered(`${dependent.name} needs ${provider.name} for the whole of its own sync, which creates ${childSide}: nothing makes ${provider.name} ready before that sync starts.`, dependent.id);
  }
  if (!found) return unordered(`${dependent.name}'s sync creates ${childSide}, but ${notRendered(dependent, what, edge)}.`, dependent.id);
  return compareInSync(dependent, { phase: 0, wave: child.wave.wave }, found.position, childSide, `${what} (${describeSyncPosition(found.position)})`, providerSteps, provider);
}

/**
 * Compares two points of one sync: `providerAt` (described by `providerText`) against `dependentAt`.
 * `providerSteps` are the nodes from the sync's child down to the provider, whose gating decides
 * readiness (empty when the provider side is a plain resource of the sync).
 */
function compareInSync(
  sync: AppNode,
  providerAt: SyncPosition,
  dependentAt: SyncPosition,
  providerText: string,
  dependentText: string,
  providerSteps: readonly AppNode[],
  provider: AppNode,
): EdgeOrdering {
  const order = compareSyncPositions(providerAt, dependentAt);
  const inSync = `Inside ${sync.name}'s sync`;
  if (order > 0) return { ordering: 'after', explanation: `${inSync}, ${providerText} comes after ${dependentText}.`, syncId: sync.id };
  if (order === 0) {
    return {
      ordering: 'same-wave',
      explanation: `${inSync}, ${providerText} and ${dependentText} are applied in the same wave, in kind order, without waiting for one another.`,
      syncId: sync.id,
    };
  }
  const gap = readinessGap(providerSteps, provider);
  if (gap !== undefined) return unordered(`${inSync}, ${providerText} comes before ${dependentText}, but ${gap}.`, sync.id);
  return { ordering: 'before', explanation: `${inSync}, ${providerText} comes before ${dependentText}.`, syncId: sync.id };
}

/** Both ends in one Application: Argo CD's own ordering of one sync decides. */
function insideOneSync(node: AppNode, edge: DependencyEdge): EdgeOrdering {
  if (edge.evidence === 'create-namespace') {
    return { ordering: 'before', explanation: `${node.name} creates its namespace (CreateNamespace=true) before its sync starts.`, syncId: node.id };
  }
  if (edge.kind === 'crd' && edge.providedAtRuntime === true) {
    return unordered(
      `Inside ${node.name}: its controller registers the CRD at run time, so the sync cannot apply it first; ${edge.dependent.object ?? 'the custom resource'} waits for the controller (retries).`,
      node.id,
    );
  }
  if ((edge.kind === 'crd' || edge.kind === 'namespace') && (edge.evidence === 'manifest' || edge.evidence === 'chart-catalogue')) {
    // sync_tasks.go adjustDeps: a Namespace or CRD is moved before the first resource that needs it, into that resource's wave.
    const what = edge.kind === 'crd' ? 'a CustomResourceDefinition' : 'a Namespace';
    return { ordering: 'before', explanation: `Inside ${node.name}'s sync Argo CD applies ${what} before the first resource that needs it, whatever their waves.`, syncId: node.id };
  }
  const provider = findEdgeResource(node, edge.provider.object);
  const dependent = findEdgeResource(node, edge.dependent.object);
  if (!provider || !dependent) {
    const missing = !provider ? (edge.provider.object ?? 'the provider') : (edge.dependent.object ?? 'what needs it');
    return unordered(`Inside ${node.name}: ${notRendered(node, missing, edge)}.`, node.id);
  }
  const providerText = `${edge.provider.object ?? 'the provider'} (${describeSyncPosition(provider.position)})`;
  const dependentText = `${edge.dependent.object ?? 'the dependent'} (${describeSyncPosition(dependent.position)})`;
  return compareInSync(node, provider.position, dependent.position, providerText, dependentText, [], node);
}

/** Why the wave of an object in a node's sync is unknown: a chart not expanded, or not rendered at all. */
function notRendered(node: AppNode, what: string, edge: DependencyEdge): string {
  if (edge.evidence === 'chart-catalogue') return `${what} comes from a Helm chart that is not rendered here, so its wave in ${node.name}'s sync is unknown`;
  return `${what} is not among ${node.name}'s rendered resources, so its wave there is unknown`;
}

function unordered(explanation: string, syncId: string | undefined): EdgeOrdering {
  return { ordering: 'unordered', explanation, syncId };
}
