// Resolves a path written in a kustomization against its folder, reporting escapes and load-restrictor violations.
import { problem } from '../rules/rule';
import { fileOutsideRoot } from '../rules/kustomize/file-outside-root';
import { pathEscapesRepository } from '../rules/source/path-escapes-repository';
import { joinRepoPath, relativeRepoPath } from '../text/repoPath';
import type { SourceLocation } from '../text/span';
import type { Level } from './renderContext';

/**
 * The repository path a kustomization entry names, or undefined (reported) when it is absolute
 * or climbs above the repository root: Argo CD renders inside the repository checkout, so such a
 * path cannot be checked here.
 */
export function resolveReferencedPath(level: Level, written: string, location: SourceLocation): string | undefined {
  const trimmed = written.trim();
  const resolved = trimmed.startsWith('/') ? undefined : joinRepoPath(level.kustomization.directory, trimmed);
  if (resolved === undefined) {
    level.context.report(
      problem(pathEscapesRepository, `${JSON.stringify(written)} is ${trimmed.startsWith('/') ? 'an absolute path' : 'outside the repository'}; it is not analysed.`, location),
    );
    level.complete = false;
  }
  return resolved;
}

/**
 * Reports a file loaded from outside the kustomization's folder tree: kustomize's default
 * `LoadRestrictionsRootOnly` (Argo CD's default build options) refuses it, unless argocd-cm sets
 * `kustomize.buildOptions: --load-restrictor LoadRestrictionsNone`. Folders (bases) may be anywhere.
 */
export function checkFileInsideRoot(level: Level, path: string, location: SourceLocation): void {
  if (level.context.loadRestrictionsNone || relativeRepoPath(level.kustomization.directory, path) !== undefined) return;
  level.context.report(
    problem(
      fileOutsideRoot,
      `${path} is outside the kustomization folder ${level.kustomization.directory || '(repository root)'}; kustomize refuses to load it unless the load restrictor is disabled.`,
      location,
    ),
  );
}
