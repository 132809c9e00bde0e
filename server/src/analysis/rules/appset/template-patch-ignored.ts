// Rule appset/template-patch-ignored: A templatePatch that Argo CD does not apply as written (it needs goTemplate, it cannot change spec.project, or it does not render to a map).
import { defineRule } from '../rule';

/** A templatePatch that Argo CD does not apply as written (it needs goTemplate, it cannot change spec.project, or it does not render to a map). */
export const templatePatchIgnored = defineRule({
  id: 'appset/template-patch-ignored',
  defaultSeverity: 'warning',
  summary: 'A templatePatch that Argo CD does not apply as written (it needs goTemplate, it cannot change spec.project, or it does not render to a map).',
});
