// Reads sync hooks from an object's annotations, as Argo CD does (its own annotation wins over Helm's).
import type { KubeObject } from '../kube/kubeObject';

/** Argo CD's hook annotation (a comma-separated list). */
export const ARGO_HOOK_ANNOTATION = 'argocd.argoproj.io/hook';
/** Helm's hook annotation, mapped to Argo CD phases when there is no Argo CD hook. */
export const HELM_HOOK_ANNOTATION = 'helm.sh/hook';

const HELM_TO_ARGO: Readonly<Record<string, string>> = {
  'pre-install': 'PreSync',
  'pre-upgrade': 'PreSync',
  'post-install': 'PostSync',
  'post-upgrade': 'PostSync',
};

/**
 * The hook types of an object: the comma-separated `argocd.argoproj.io/hook` values, or Helm hooks
 * mapped to Argo CD phases when there is no Argo CD hook. Empty for ordinary resources.
 */
export function hookTypes(object: KubeObject): readonly string[] {
  const argoHooks = object.annotations[ARGO_HOOK_ANNOTATION];
  if (argoHooks !== undefined) return splitList(argoHooks);
  const helmHooks = object.annotations[HELM_HOOK_ANNOTATION];
  if (helmHooks === undefined) return NO_HOOKS;
  return [...new Set(splitList(helmHooks).map((hook) => HELM_TO_ARGO[hook]).filter((hook): hook is string => hook !== undefined))];
}

function splitList(text: string): string[] {
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** The hooks of an object that is not a hook (nearly every one): one shared frozen list. */
const NO_HOOKS: readonly string[] = Object.freeze([]);
