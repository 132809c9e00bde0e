// Rule kustomize/non-string-value: A label or annotation value in a kustomization is not a string (e.g. an unquoted number): kustomize rejects it.
import { defineRule } from '../rule';

/** A label or annotation value in a kustomization is not a string (e.g. an unquoted number): kustomize rejects it. */
export const nonStringValue = defineRule({
  id: 'kustomize/non-string-value',
  defaultSeverity: 'warning',
  summary: 'A label or annotation value in a kustomization is not a string (e.g. an unquoted number): kustomize rejects it.',
});
