// Rule kustomize/missing-resource: A path a kustomization refers to (resource, base, component, patch, values or generator file) does not exist, or is a folder without a kustomization.
import { defineRule } from '../rule';

/** A path a kustomization refers to (resource, base, component, patch, values or generator file) does not exist, or is a folder without a kustomization. */
export const missingResource = defineRule({
  id: 'kustomize/missing-resource',
  defaultSeverity: 'error',
  summary: 'A path a kustomization refers to (resource, base, component, patch, values or generator file) does not exist, or is a folder without a kustomization.',
});
