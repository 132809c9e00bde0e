// Rule kustomize/invalid-patch: A patch entry kustomize cannot read (no path or patch, both, unparsable content, a JSON patch without target).
import { defineRule } from '../rule';

/** A patch entry kustomize cannot read (no path or patch, both, unparsable content, a JSON patch without target). */
export const invalidPatch = defineRule({
  id: 'kustomize/invalid-patch',
  defaultSeverity: 'warning',
  summary: 'A patch entry kustomize cannot read (no path or patch, both, unparsable content, a JSON patch without target).',
});
