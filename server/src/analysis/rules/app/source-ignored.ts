// Rule app/source-ignored: Both `spec.source` and `spec.sources` are set: Argo CD ignores `spec.source`.
import { defineRule } from '../rule';

/** Both `spec.source` and `spec.sources` are set: Argo CD ignores `spec.source`. */
export const sourceIgnored = defineRule({
  id: 'app/source-ignored',
  defaultSeverity: 'info',
  summary: 'Both `spec.source` and `spec.sources` are set: Argo CD ignores `spec.source`.',
});
