// Rule kustomize/invalid-kustomization: A kustomization kustomize cannot load: not a map, a field of the wrong type, several kustomization files, a Component used as a resource.
import { defineRule } from '../rule';

/** A kustomization kustomize cannot load: not a map, a field of the wrong type, several kustomization files, a Component used as a resource. */
export const invalidKustomization = defineRule({
  id: 'kustomize/invalid-kustomization',
  defaultSeverity: 'error',
  summary: 'A kustomization kustomize cannot load: not a map, a field of the wrong type, several kustomization files, a Component used as a resource.',
});
