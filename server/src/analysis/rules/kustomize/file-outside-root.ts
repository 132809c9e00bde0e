// Rule kustomize/file-outside-root: A file a kustomization loads lies outside its folder tree: kustomize's default load restrictor (used by Argo CD) refuses it.
import { defineRule } from '../rule';

/** A file a kustomization loads lies outside its folder tree: kustomize's default load restrictor (used by Argo CD) refuses it. */
export const fileOutsideRoot = defineRule({
  id: 'kustomize/file-outside-root',
  defaultSeverity: 'warning',
  summary: "A file a kustomization loads lies outside its folder tree: kustomize's default load restrictor (used by Argo CD) refuses it.",
});
