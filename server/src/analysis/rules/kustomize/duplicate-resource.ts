// Rule kustomize/duplicate-resource: Two resources of one kustomization have the same kind, name and namespace: kustomize build fails.
import { defineRule } from '../rule';

/** Two resources of one kustomization have the same kind, name and namespace: kustomize build fails. */
export const duplicateResource = defineRule({
  id: 'kustomize/duplicate-resource',
  defaultSeverity: 'error',
  summary: 'Two resources of one kustomization have the same kind, name and namespace: kustomize build fails.',
});
