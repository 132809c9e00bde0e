// Rule appset/generator-path-matches-nothing: A git generator path or file pattern matches nothing in the repository, so it generates no Application.
import { defineRule } from '../rule';

/** A git generator path or file pattern matches nothing in the repository, so it generates no Application. */
export const generatorPathMatchesNothing = defineRule({
  id: 'appset/generator-path-matches-nothing',
  defaultSeverity: 'warning',
  summary: 'A git generator path or file pattern matches nothing in the repository, so it generates no Application.',
});
