// The git directory generator: folders of the repository matched with Go path.Match, and their path parameters.
import { isRecord } from '../../kube/kubeObject';
import { generatorPathMatchesNothing } from '../../rules/appset/generator-path-matches-nothing';
import { invalidGenerator } from '../../rules/appset/invalid-generator';
import { invalidPathPattern } from '../../rules/appset/invalid-path-pattern';
import { goPathBase } from '../goPath';
import { goPathMatch } from '../goPathMatch';
import { sanitizeName } from '../sanitizeName';
import type { GeneratorImplementation, ParameterSet } from './generatorTypes';
import { appendTemplatedValues } from './templatedValues';
import type { RepoIndex } from '../../repoIndex';

/**
 * Candidates are the repository's non-hidden folders, repo-relative without a leading `/`, in the
 * order a recursive walk lists them. A folder is kept when an include pattern matches it and no
 * `exclude: true` pattern does. Each include pattern that matches no folder is reported.
 */
export const gitDirectoriesGenerator: GeneratorImplementation = (body, bodyPath, _input, environment) => {
  const directories = Array.isArray(body.directories) ? body.directories : [];
  const includes: { pattern: string; index: number }[] = [];
  const excludes: string[] = [];
  for (const [index, item] of directories.entries()) {
    const pattern = isRecord(item) ? item.path : undefined;
    if (typeof pattern !== 'string') {
      environment.report(invalidGenerator, 'Each git directories entry needs a string path.', [...bodyPath, 'directories', index]);
      continue;
    }
    if (goPathMatch(pattern, 'x').malformed) {
      environment.report(invalidPathPattern, `"${pattern}" is not a valid Go path.Match pattern (syntax error in pattern); Argo CD logs the error and matches nothing with it.`, [...bodyPath, 'directories', index, 'path'], 'value');
      continue;
    }
    if (isRecord(item) && item.exclude === true) excludes.push(pattern);
    else includes.push({ pattern, index });
  }
  const matchedIncludes = new Set<number>();
  const included = new Set<string>();
  for (const include of includes) {
    const matches = foldersMatching(environment.context.index, include.pattern);
    if (matches.length > 0) matchedIncludes.add(include.index);
    for (const folder of matches) included.add(folder);
  }
  const excluded = new Set(excludes.flatMap((pattern) => foldersMatching(environment.context.index, pattern)));
  // In walk order: one include and no exclude keep its matches as they are.
  const kept =
    includes.length === 1 && excluded.size === 0
      ? foldersMatching(environment.context.index, (includes[0] as { pattern: string }).pattern)
      : repositoryFolders(environment.context.index).filter((folder) => included.has(folder) && !excluded.has(folder));
  for (const include of includes) {
    if (matchedIncludes.has(include.index)) continue;
    const message = include.pattern.startsWith('/')
      ? `"${include.pattern}" starts with "/": Argo CD matches it against repo-relative folders without a leading "/", so it matches nothing (remove the "/").`
      : `"${include.pattern}" matches no folder of this repository; it generates no Application.`;
    environment.report(generatorPathMatchesNothing, message, [...bodyPath, 'directories', include.index, 'path'], 'value');
  }
  const sets: ParameterSet[] = [];
  for (const folder of kept) {
    const parameters = directoryParameters(folder, typeof body.pathParamPrefix === 'string' ? body.pathParamPrefix : '', environment.mode.goTemplate);
    if (!appendTemplatedValues(parameters, body.values, [...bodyPath, 'values'], environment)) return [];
    sets.push(parameters);
  }
  return sets;
};

/**
 * Folders a git checkout walk would list: every snapshot folder but the root and hidden ones, in walk order (kept
 * by the index while the folders are the same, so that a set's expansion done again does not sort them again).
 */
function repositoryFolders(index: RepoIndex): readonly string[] {
  return index.derived('appsets/repository-folders', (current) => {
    const folders = [...current.directories()].filter((folder) => folder !== '' && !folder.split('/').some((segment) => segment.startsWith('.')));
    // A walk visits a folder's children in name order, depth first: compare segment by segment.
    return folders.sort((a, b) => {
      const left = a.split('/');
      const right = b.split('/');
      for (let position = 0; position < Math.min(left.length, right.length); position++) {
        const l = left[position] ?? '';
        const r = right[position] ?? '';
        if (l !== r) return l < r ? -1 : 1;
      }
      return left.length - right.length;
    });
  });
}

/** The repository's folders a Go path.Match pattern matches, in walk order (kept by the index like the folders). */
function foldersMatching(index: RepoIndex, pattern: string): readonly string[] {
  return index.derived(`appsets/folders-matching\u0000${pattern}`, (current) => repositoryFolders(current).filter((folder) => goPathMatch(pattern, folder).matched));
}

/** The path parameters of one folder (`path`, `path.basename`, `path[n]`… or `.path.*` with goTemplate). */
export function directoryParameters(folder: string, prefix: string, goTemplate: boolean): ParameterSet {
  const basename = goPathBase(folder);
  const segments = folder.split('/');
  if (goTemplate) {
    const pathFields = { path: folder, basename, basenameNormalized: sanitizeName(basename), segments };
    return prefix === '' ? { path: pathFields } : { [prefix]: { path: pathFields } };
  }
  const name = prefix === '' ? 'path' : `${prefix}.path`;
  const parameters: ParameterSet = { [name]: folder, [`${name}.basename`]: basename, [`${name}.basenameNormalized`]: sanitizeName(basename) };
  segments.forEach((segment, index) => {
    if (segment !== '') parameters[`${name}[${index}]`] = segment;
  });
  return parameters;
}
