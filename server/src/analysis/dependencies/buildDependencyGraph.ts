// Builds the dependency graph of a model (being written: returns no edges yet).
import type { ProjectConfig } from '../config/projectConfig';
import type { RepositoryModel } from '../model/types';
import type { RepoIndex } from '../repoIndex';
import type { DependencyGraph } from './types';

/** Infers every dependency edge of the model. */
export function buildDependencyGraph(_index: RepoIndex, _model: RepositoryModel, _config: ProjectConfig): DependencyGraph {
  return { edges: [], byDependent: new Map(), byProvider: new Map(), unsatisfied: [] };
}
