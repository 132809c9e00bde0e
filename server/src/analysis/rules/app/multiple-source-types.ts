// Rule app/multiple-source-types: A source with more than one tool block (helm, kustomize, directory, plugin): Argo CD refuses to render it.
import { defineRule } from '../rule';

/** A source with more than one tool block (helm, kustomize, directory, plugin): Argo CD refuses to render it. */
export const multipleSourceTypes = defineRule({
  id: 'app/multiple-source-types',
  defaultSeverity: 'error',
  summary: 'A source with more than one tool block (helm, kustomize, directory, plugin): Argo CD refuses to render it.',
});
