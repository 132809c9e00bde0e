// The finding for an orphan: an Application in a folder an Application renders, left out of that source.
import type { KubeObject } from '../kube/kubeObject';
import { locateField } from '../kube/locateObject';
import type { RepoIndex } from '../repoIndex';
import { orphanedApplication } from '../rules/model/orphaned-application';
import { problem, type Problem } from '../rules/rule';

/** The `model/orphaned-application` problem of `object`, which sits in `renderingFolder` (a build's and a patch's). */
export function orphanProblem(index: RepoIndex, object: KubeObject, renderingFolder: string): Problem {
  return problem(
    orphanedApplication,
    `${object.kind} ${object.name} is in ${renderingFolder === '' ? 'the repository root' : renderingFolder}, which an Application renders, but that source does not include this file: Argo CD never creates it.`,
    locateField(index, object.origin, ['metadata', 'name']),
  );
}
