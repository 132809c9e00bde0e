// Rule model/source-path-not-found: An Application source points at a path of this repository that does not exist.
import { defineRule } from '../rule';

/** An Application source points at a path of this repository that does not exist. */
export const sourcePathNotFound = defineRule({
  id: 'model/source-path-not-found',
  defaultSeverity: 'warning',
  summary: 'An Application source points at a path of this repository that does not exist.',
});
