// Rule kustomize/patch-matches-nothing: A patch's target selector selects no object: kustomize silently applies nothing.
import { defineRule } from '../rule';

/** A patch's target selector selects no object: kustomize silently applies nothing. */
export const patchMatchesNothing = defineRule({
  id: 'kustomize/patch-matches-nothing',
  defaultSeverity: 'warning',
  summary: "A patch's target selector selects no object: kustomize silently applies nothing.",
});
