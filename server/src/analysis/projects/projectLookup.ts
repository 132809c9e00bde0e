// Finds the AppProject an Application runs in, and how sure the analysis can be of its permissions.
import { filesUsedAsPatches } from '../argo/patchFragments';
import { isTemplated } from '../argo/plainValues';
import type { AppProjectSpec } from '../argo/types';
import type { RepositoryModel } from '../model/types';
import type { RepoIndex } from '../repoIndex';
import { findClusterSecrets } from '../appsets/clusterSecrets';
import { serialOf } from '../incremental/nodeKeys';
import { ShortKeys } from '../incremental/shortKeys';
import { resourceScopes } from './resourceScope';

/** The project Argo CD uses when `spec.project` is empty. */
export const DEFAULT_PROJECT = 'default';

/** What the repository says about one project name. */
export type ProjectLookup =
  /** `default` not redefined here: Argo CD's built-in one, which permits everything. */
  | { readonly status: 'built-in-default' }
  /** The name is still a template (`{{…}}`): not judged. */
  | { readonly status: 'templated' }
  /** No AppProject of that name in the repository (it may be created elsewhere). */
  | { readonly status: 'unknown' }
  /**
   * Defined here. `definitions` holds every whole AppProject of that name (empty when only Kustomize
   * patches of it are written here: then nothing is judged); `certain` is true when there is exactly
   * one and no patch of it exists (then its permissions are what Argo CD sees, as long as nothing
   * outside the repository edits it).
   */
  | { readonly status: 'defined'; readonly definitions: readonly AppProjectSpec[]; readonly certain: boolean };

/** Looks up projects by name; built once per check. */
export interface ProjectDirectory {
  lookup(projectName: string | undefined): ProjectLookup;
}

/** Indexes the model's AppProjects by name, setting Kustomize patch fragments aside. */
export function projectDirectory(model: RepositoryModel, index: RepoIndex): ProjectDirectory {
  const patchFiles = filesUsedAsPatches(index);
  const whole = new Map<string, AppProjectSpec[]>();
  const patched = new Set<string>();
  for (const project of model.projects) {
    if (project.object.origin.path.length === 0 && patchFiles.has(project.object.origin.file)) {
      patched.add(project.name);
      continue;
    }
    whole.set(project.name, [...(whole.get(project.name) ?? []), project]);
  }
  return {
    lookup(projectName: string | undefined): ProjectLookup {
      const name = projectName ?? DEFAULT_PROJECT;
      if (isTemplated(name)) return { status: 'templated' };
      const definitions = whole.get(name);
      if (definitions === undefined) {
        if (name === DEFAULT_PROJECT) return { status: 'built-in-default' };
        return patched.has(name) ? { status: 'defined', definitions: [], certain: false } : { status: 'unknown' };
      }
      return { status: 'defined', definitions, certain: definitions.length === 1 && !patched.has(name) };
    },
  };
}

const factsByModel = new WeakMap<RepositoryModel, string>();

/** A short key for a model's AppProjects (where they are written and what they say), once per list (a patched model keeps the list). */
function projectsKeyOf(projects: RepositoryModel['projects']): string {
  let key = projectKeysByList.get(projects);
  if (key === undefined) {
    const written = projects.map((project) => [project.object.origin.file, project.object.origin.documentIndex, project.object.origin.path, project.object.body]);
    projectKeysByList.set(projects, (key = projectFactKeys.keyOf(JSON.stringify(written))));
  }
  return key;
}

const projectKeysByList = new WeakMap<RepositoryModel['projects'], string>();
const projectFactKeys = new ShortKeys('projects', 64);

/**
 * A short key for everything the project checks read besides one Application: the AppProjects of the
 * model (where they are written and what they say), which files are Kustomize patches, the scope
 * table and the cluster Secrets (the last three kept objects, so compared by identity).
 */
export function projectCheckFacts(model: RepositoryModel, index: RepoIndex): string {
  let facts = factsByModel.get(model);
  if (facts === undefined) {
    facts = `${projectsKeyOf(model.projects)}\u0000${serialOf(filesUsedAsPatches(index))}\u0000${serialOf(resourceScopes(index))}\u0000${serialOf(findClusterSecrets(index))}`;
    factsByModel.set(model, facts);
  }
  return facts;
}
