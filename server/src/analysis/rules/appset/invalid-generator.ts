// Rule appset/invalid-generator: A generator Argo CD rejects (wrong shape, bad selector, non-string list values, duplicate merge keys…): it generates nothing.
import { defineRule } from '../rule';

/** A generator Argo CD rejects (wrong shape, bad selector, non-string list values, duplicate merge keys…): it generates nothing. */
export const invalidGenerator = defineRule({
  id: 'appset/invalid-generator',
  defaultSeverity: 'warning',
  summary: 'A generator Argo CD rejects (wrong shape, bad selector, non-string list values, duplicate merge keys…): it generates nothing.',
});
