// Rule source/path-escapes-repository: A path climbs above the repository root with ..: Argo CD cannot render it from this repository.
import { defineRule } from '../rule';

/** A path climbs above the repository root with ..: Argo CD cannot render it from this repository. */
export const pathEscapesRepository = defineRule({
  id: 'source/path-escapes-repository',
  defaultSeverity: 'warning',
  summary: 'A path climbs above the repository root with ..: Argo CD cannot render it from this repository.',
});
