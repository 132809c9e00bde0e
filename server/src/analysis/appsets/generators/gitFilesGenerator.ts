// The git files generator: YAML/JSON files matched like `git ls-files`, each object (or list item) a parameter set.
import { isRecord } from '../../kube/kubeObject';
import { RepoIndex } from '../../repoIndex';
import { generatorPathMatchesNothing } from '../../rules/appset/generator-path-matches-nothing';
import { invalidGenerator } from '../../rules/appset/invalid-generator';
import { parseYamlFile } from '../../yaml/parseYamlFile';
import { flattenParameters } from '../flattenParameters';
import { gitPathspecMatch } from '../gitPathspecMatch';
import { goPathBase, goPathDir } from '../goPath';
import { sanitizeName } from '../sanitizeName';
import type { GeneratorEnvironment, GeneratorImplementation, ParameterSet } from './generatorTypes';
import { appendTemplatedValues } from './templatedValues';

/**
 * Files are matched with Argo CD's default (`git ls-files -- <pattern>`: `*` crosses `/`), unions
 * of the include patterns minus the exclude patterns, processed in sorted order. A file holding a
 * map gives one parameter set, a list of maps one per item, an empty file one empty set (plus the
 * path parameters). The opt-in doublestar globbing of the controller is not modelled.
 */
export const gitFilesGenerator: GeneratorImplementation = (body, bodyPath, _input, environment) => {
  const files = Array.isArray(body.files) ? body.files : [];
  const allFiles = environment.context.index.allFiles();
  const selected = new Set<string>();
  const excluded: string[] = [];
  for (const [index, item] of files.entries()) {
    const pattern = isRecord(item) ? item.path : undefined;
    if (typeof pattern !== 'string' || pattern === '') {
      environment.report(invalidGenerator, 'Each git files entry needs a non-empty string path.', [...bodyPath, 'files', index]);
      continue;
    }
    if (isRecord(item) && item.exclude === true) {
      excluded.push(pattern);
      continue;
    }
    const matches = pattern.startsWith('/') ? [] : allFiles.filter((file) => gitPathspecMatch(pattern, file));
    if (matches.length === 0) {
      const message = pattern.startsWith('/')
        ? `"${pattern}" starts with "/": git pathspecs are repo-relative, so it lists no file (remove the "/").`
        : `"${pattern}" matches no file of this repository; it generates no Application.`;
      environment.report(generatorPathMatchesNothing, message, [...bodyPath, 'files', index, 'path'], 'value');
    }
    for (const file of matches) selected.add(file);
  }
  const kept = [...selected].filter((file) => !excluded.some((pattern) => gitPathspecMatch(pattern, file))).sort();
  const prefix = typeof body.pathParamPrefix === 'string' ? body.pathParamPrefix : '';
  const sets: ParameterSet[] = [];
  for (const file of kept) {
    const objects = readParameterObjects(file, environment);
    if (objects === undefined) {
      environment.report(invalidGenerator, `${file} is not a YAML/JSON map or list of maps; Argo CD fails the generator ("unable to process file").`, [...bodyPath, 'files']);
      return [];
    }
    for (const object of objects) {
      const parameters = fileParameters(file, object, prefix, environment.mode.goTemplate);
      if (!appendTemplatedValues(parameters, body.values, [...bodyPath, 'values'], environment)) return [];
      sets.push(parameters);
    }
  }
  return sets;
};

/** The maps a file holds: one for a map or an empty file, one per item for a list; undefined otherwise. */
function readParameterObjects(file: string, environment: GeneratorEnvironment): Record<string, unknown>[] | undefined {
  const index = environment.context.index;
  const text = index.text(file);
  if (text === undefined) {
    // A file without text (too large, binary…): its parameters cannot be known.
    environment.markIncomplete();
    return [];
  }
  const parsed = (RepoIndex.isYamlLike(file) ? index.parsed(file) : undefined) ?? parseYamlFile(file, text);
  if (parsed.status !== 'yaml' || (parsed.problems.length > 0 && parsed.documents.length === 0)) return undefined;
  const value = parsed.documents[0]?.value ?? null;
  if (value === null) return [{}];
  if (isRecord(value)) return [value];
  if (Array.isArray(value) && value.every(isRecord)) return value as Record<string, unknown>[];
  return undefined;
}

/** A file's own keys plus its path parameters (flattened with fasttemplate, nested with goTemplate). */
export function fileParameters(file: string, object: Record<string, unknown>, prefix: string, goTemplate: boolean): ParameterSet {
  const directory = goPathDir(file);
  const filename = goPathBase(file);
  const basename = goPathBase(directory);
  if (goTemplate) {
    const pathFields = {
      path: directory,
      basename,
      filename,
      basenameNormalized: sanitizeName(basename),
      filenameNormalized: sanitizeName(filename),
      segments: directory.split('/'),
    };
    return prefix === '' ? { ...object, path: pathFields } : { ...object, [prefix]: { path: pathFields } };
  }
  const parameters: ParameterSet = flattenParameters(object);
  const name = prefix === '' ? 'path' : `${prefix}.path`;
  parameters[name] = directory;
  parameters[`${name}.basename`] = basename;
  parameters[`${name}.filename`] = filename;
  parameters[`${name}.basenameNormalized`] = sanitizeName(basename);
  parameters[`${name}.filenameNormalized`] = sanitizeName(filename);
  directory.split('/').forEach((segment, index) => {
    if (segment !== '') parameters[`${name}[${index}]`] = segment;
  });
  return parameters;
}
