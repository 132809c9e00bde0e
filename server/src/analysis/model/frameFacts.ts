// Facts of a model build outside any node: the repository's identity, and the build's own problems.
import { identifyRepository, normalizeGitUrl, type RepositoryIdentity } from '../argo/repositoryIdentity';
import type { ApplicationSpec, AppProjectSpec } from '../argo/types';
import type { KubeObject } from '../kube/kubeObject';
import type { RepoIndex } from '../repoIndex';
import type { Problem } from '../rules/rule';
import { normalizeRepoPath } from '../text/repoPath';
import type { ApplicationReading } from './keptModel';
import type { RepositoryModel } from './types';

/** What the model says of the repository itself: the URLs that designate it and how they were found. */
export function repositoryOf(explicitRepoUrls: readonly string[], identity: RepositoryIdentity): RepositoryModel['repository'] {
  return { urls: [...new Set([...explicitRepoUrls.map(normalizeGitUrl), ...identity.urls])], how: explicitRepoUrls.length > 0 ? 'option' : identity.how };
}

/** Which repository this is: the explicit URL, the git remotes, or what the written Applications (but patches) point at. */
export function identifyThisRepository(index: RepoIndex, explicitRepoUrls: readonly string[], readings: Iterable<ApplicationReading>): RepositoryIdentity {
  const wholeApplications: ApplicationSpec[] = [];
  for (const { application } of readings) if (!application.looksLikePatch) wholeApplications.push(application);
  return identifyRepository({
    gitRemoteUrls: index.snapshot.gitRemoteUrls,
    ...(explicitRepoUrls[0] !== undefined ? { explicitUrl: explicitRepoUrls[0] } : {}),
    applications: wholeApplications,
    directoryExists: (path) => {
      const folder = normalizeRepoPath(path);
      return folder !== undefined && index.isDirectory(folder);
    },
    fileExists: (path) => index.file(path) !== undefined,
  });
}

/** What reading a written AppProject gave. */
export interface ProjectReading {
  readonly project: AppProjectSpec;
  readonly problems: readonly Problem[];
}

/** The build's problems: the written Applications' readings', the written AppProjects', in declared order, then the rest. */
export function framePart(readings: ReadonlyMap<KubeObject, ApplicationReading>, projectReadings: ReadonlyMap<KubeObject, ProjectReading>, own: readonly Problem[]): Problem[] {
  const problems: Problem[] = [];
  for (const reading of readings.values()) problems.push(...reading.problems);
  for (const reading of projectReadings.values()) problems.push(...reading.problems);
  problems.push(...own);
  return problems;
}
