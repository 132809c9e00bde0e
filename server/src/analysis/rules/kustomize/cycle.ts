// Rule kustomize/cycle: A kustomization includes a folder that contains itself (or an ancestor of it): kustomize reports a cycle.
import { defineRule } from '../rule';

/** A kustomization includes a folder that contains itself (or an ancestor of it): kustomize reports a cycle. */
export const kustomizationCycle = defineRule({
  id: 'kustomize/cycle',
  defaultSeverity: 'error',
  summary: 'A kustomization includes a folder that contains itself (or an ancestor of it): kustomize reports a cycle.',
});
