// Rule sync/hook-on-application: an Application or ApplicationSet annotated as a sync hook of its parent.
import { locateField } from '../../kube/locateObject';
import { stringItems } from '../../argo/plainValues';
import { getPath } from '../../kube/kubeObject';
import { ARGO_HOOK_ANNOTATION as ARGO_HOOK, HELM_HOOK_ANNOTATION as HELM_HOOK, hookTypes } from '../../model/hooks';
import { NodesWhere } from '../../model/nodePositions';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';

const ARGO_DELETE_POLICY = 'argocd.argoproj.io/hook-delete-policy';
const HELM_DELETE_POLICY = 'helm.sh/hook-delete-policy';
const HELM_TO_ARGO_POLICY: Readonly<Record<string, string>> = {
  'before-hook-creation': 'BeforeHookCreation',
  'hook-succeeded': 'HookSucceeded',
  'hook-failed': 'HookFailed',
};
/** Hooks that run during a sync (PreDelete/PostDelete run only when the parent is deleted; Skip is never applied). */
const SYNC_PHASES = new Set(['PreSync', 'Sync', 'PostSync', 'SyncFail']);

/** An Application or ApplicationSet that its parent's sync runs as a hook rather than applies as a resource. */
export const hookOnApplication = defineCheck(
  {
    id: 'sync/hook-on-application',
    defaultSeverity: 'warning',
    summary: "An Application or ApplicationSet is annotated as a hook: its parent's sync re-creates and deletes it instead of managing it.",
  },
  (context) => {
    const { index, model } = context;
    const problems: Problem[] = [];
    for (const node of hooksOfParents.of(model.nodes)) {
      const parent = node.ordering.parentId === undefined ? undefined : model.nodesById.get(node.ordering.parentId);
      if (!parent) continue;
      const hooks = hookTypes(node.object);
      const annotation = node.object.annotations[ARGO_HOOK] !== undefined ? ARGO_HOOK : HELM_HOOK;
      const policies = deletePolicies(node.object.annotations);
      const finalizers = stringItems(getPath(node.object.body, ['metadata', 'finalizers']));
      const cascades = finalizers.some((finalizer) => finalizer.startsWith('resources-finalizer.argocd.argoproj.io'));
      const syncPhases = hooks.filter((hook) => SYNC_PHASES.has(hook));
      const what =
        syncPhases.length === 0
          ? `a ${hooks.join('/')} hook: Argo CD creates it only when ${parent.name} is deleted, and ${parent.name}'s sync never applies it`
          : `a ${syncPhases.join('/')} hook of ${parent.name}'s sync, not a resource: it is not part of ${parent.name}'s desired state (never OutOfSync, never pruned), and ${describePolicies(policies)}`;
      const cascade = cascades && syncPhases.length > 0 ? `; with its resources-finalizer, each deletion also deletes everything ${node.name} deployed` : '';
      problems.push(
        problem(
          hookOnApplication,
          `${node.kind} ${node.name} is ${what}${cascade}. Remove the ${annotation} annotation to let ${parent.name} manage it (use a sync wave to order it).`,
          locateField(index, node.origin, ['metadata', 'annotations', annotation]),
        ),
      );
    }
    return problems;
  },
);

/** The nodes a parent orders that are annotated as hooks (Skip alone is not), followed from one model to the next by place. */
const hooksOfParents = new NodesWhere((node) => node.ordering.parentId !== undefined && hookTypes(node.object).some((hook) => hook !== 'Skip'));

/** Argo CD's delete policies of a hook (Helm's mapped when Argo CD's is absent); BeforeHookCreation by default. */
function deletePolicies(annotations: Readonly<Record<string, string>>): string[] {
  const argo = annotations[ARGO_DELETE_POLICY];
  const split = (text: string): string[] => text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (argo !== undefined) return split(argo);
  const helm = annotations[HELM_DELETE_POLICY];
  const mapped = helm === undefined ? [] : split(helm).map((policy) => HELM_TO_ARGO_POLICY[policy]).filter((policy): policy is string => policy !== undefined);
  return mapped.length > 0 ? mapped : ['BeforeHookCreation'];
}

function describePolicies(policies: readonly string[]): string {
  const parts: string[] = [];
  if (policies.includes('BeforeHookCreation')) parts.push('every sync deletes it and creates it again (delete policy BeforeHookCreation)');
  if (policies.includes('HookSucceeded'))
    parts.push('it is deleted as soon as the hook succeeds (HookSucceeded; without the Application health check that is right after creation)');
  if (policies.includes('HookFailed')) parts.push('it is deleted if the hook fails (HookFailed)');
  return parts.length > 0 ? parts.join(', and ') : `its delete policy is ${policies.join(',')}`;
}
