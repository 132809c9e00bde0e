// A fix that turns on an Application sync option (`Option=true` in spec.syncPolicy.syncOptions), in the Application or its set's template.
import type { Fix } from '../../../fixes/types';
import { appendToSequence, replaceScalar } from '../../../fixes/yamlEdits';
import { getPath } from '../../../kube/kubeObject';
import type { AppNode, RepositoryModel } from '../../../model/types';
import type { RepoIndex } from '../../../repoIndex';

const SYNC_OPTIONS_PATH = ['spec', 'syncPolicy', 'syncOptions'];

/**
 * Adds `option=true` to the syncOptions written where the Application is declared (for a
 * generated Application: its ApplicationSet's template, so every Application of the set gets it),
 * or turns a written `option=false` into `option=true`. Undefined when the document cannot be edited.
 */
export function syncOptionFix(index: RepoIndex, model: RepositoryModel, node: AppNode, option: string, preferred: boolean): Fix | undefined {
  const document = index.parsed(node.origin.file)?.documents.find((candidate) => candidate.index === node.origin.documentIndex);
  const written = getPath(document?.value, [...node.origin.path, ...SYNC_OPTIONS_PATH]);
  const disabledAt = Array.isArray(written) ? written.findIndex((item) => typeof item === 'string' && item.replace(/\s/g, '') === `${option}=false`) : -1;
  const edits =
    disabledAt >= 0
      ? replaceScalar(index, node.origin, [...SYNC_OPTIONS_PATH, disabledAt], `${option}=true`)
      : appendToSequence(index, node.origin, SYNC_OPTIONS_PATH, `${option}=true`);
  if (!edits) return undefined;
  const set = node.generatedById === undefined ? undefined : model.nodesById.get(node.generatedById);
  const where = set ? `the template of ApplicationSet ${set.name}` : node.name;
  return { title: `Add ${option}=true to the syncOptions of ${where}`, edits, preferred };
}

/** True when a sync-options annotation value (`A=true,B=false`, spaces trimmed) turns `option` on. */
export function annotationHasOption(annotationValue: string | undefined, option: string): boolean {
  return (annotationValue ?? '').split(',').some((part) => part.replace(/\s/g, '') === `${option}=true`);
}
