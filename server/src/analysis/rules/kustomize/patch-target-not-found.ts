// Rule kustomize/patch-target-not-found: A patch without a target selector (or a legacy JSON 6902 patch) finds no object to patch: kustomize build fails.
import { defineRule } from '../rule';

/** A patch without a target selector (or a legacy JSON 6902 patch) finds no object to patch: kustomize build fails. */
export const patchTargetNotFound = defineRule({
  id: 'kustomize/patch-target-not-found',
  defaultSeverity: 'error',
  summary: 'A patch without a target selector (or a legacy JSON 6902 patch) finds no object to patch: kustomize build fails.',
});
