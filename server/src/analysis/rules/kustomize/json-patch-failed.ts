// Rule kustomize/json-patch-failed: A JSON 6902 patch operation does not apply to its target (missing path, failed test).
import { defineRule } from '../rule';

/** A JSON 6902 patch operation does not apply to its target (missing path, failed test). */
export const jsonPatchFailed = defineRule({
  id: 'kustomize/json-patch-failed',
  defaultSeverity: 'warning',
  summary: 'A JSON 6902 patch operation does not apply to its target (missing path, failed test).',
});
