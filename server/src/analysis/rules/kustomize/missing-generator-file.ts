// Rule kustomize/missing-generator-file: a file a configMapGenerator or secretGenerator reads does not exist.
import { defineRule } from '../rule';

/** A file a configMapGenerator or secretGenerator reads does not exist. */
export const missingGeneratorFile = defineRule({
  id: 'kustomize/missing-generator-file',
  defaultSeverity: 'warning',
  summary: 'A file a configMapGenerator or secretGenerator reads does not exist in the repository.',
});
