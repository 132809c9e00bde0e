// Go-to-definition targets as plain data: source paths, value files, kustomization resources, projects, depends-on entries.
import type { Analysis } from '../analyze';
import type { ApplicationSource } from '../argo/types';
import { DEPENDS_ON_ANNOTATION } from '../dependencies/collectNeeds';
import { isRecord } from '../kube/kubeObject';
import { locateField } from '../kube/locateObject';
import { KUSTOMIZATION_FILE_NAMES } from '../kustomize/kustomizationFile';
import type { AppNode } from '../model/types';
import { basename, dirname, joinRepoPath } from '../text/repoPath';
import type { SourceLocation, Span } from '../text/span';
import type { ValuePath } from '../yaml/yamlDocument';
import { objectAt } from './objectAt';
import { valuePathAt } from './valuePathAt';
import { nodesInSyncOrder } from '../model/syncOrder';

/** A definition: the span the link starts from and where it leads. */
export interface DefinitionTarget {
  /** The written reference (a path, a name) under the cursor. */
  readonly originSpan: Span;
  readonly target: SourceLocation;
}

/** Files that stand for a folder, in the order tried: its kustomization, its chart. */
const FOLDER_ENTRY_FILES: readonly string[] = [...KUSTOMIZATION_FILE_NAMES, 'Chart.yaml'];

/** The definitions of the reference at `offset` of `file` (empty when there is none). */
export function definitionAt(analysis: Analysis, file: string, offset: number): DefinitionTarget[] {
  if (KUSTOMIZATION_FILE_NAMES.includes(basename(file))) return kustomizationDefinition(analysis, file, offset);
  const at = objectAt(analysis, file, offset);
  const node = at?.located.node;
  const field = at?.field;
  if (!node || !field || field.part !== 'value' || field.scalar === undefined) return [];
  const path = field.path;
  const origin = field.span;
  if (path[0] === 'spec' && path[1] === 'project' && path.length === 2) return projectDefinition(analysis, field.scalar, origin);
  if (path[0] === 'metadata' && path[1] === 'annotations' && path[2] === DEPENDS_ON_ANNOTATION) return dependsOnDefinition(analysis, file, offset, origin);
  const source = sourceAt(node, path);
  if (!source) return [];
  const rest = path.slice(source.fieldPath.length);
  if (rest.length === 1 && rest[0] === 'path') return asList(folderTarget(analysis, joinRepoPath('', field.scalar), origin));
  if (rest.length === 3 && rest[0] === 'helm' && rest[1] === 'valueFiles') return asList(valueFileTarget(analysis, node, source, field.scalar, origin));
  return [];
}

/** The source whose field path is a prefix of `path`. */
function sourceAt(node: AppNode, path: ValuePath): ApplicationSource | undefined {
  return node.application?.sources.find((source) => source.fieldPath.every((segment, position) => path[position] === segment));
}

/** A folder's kustomization or chart file, else its first file; a file path leads to the file itself. */
function folderTarget(analysis: Analysis, path: string | undefined, originSpan: Span): DefinitionTarget | undefined {
  if (path === undefined) return undefined;
  const { index } = analysis;
  if (index.file(path) !== undefined) return { originSpan, target: { file: path, span: { start: 0, end: 0 } } };
  if (!index.isDirectory(path)) return undefined;
  const entry = FOLDER_ENTRY_FILES.map((name) => (path === '' ? name : `${path}/${name}`)).find((candidate) => index.file(candidate) !== undefined);
  const target = entry ?? index.filesIn(path)[0];
  return target === undefined ? undefined : { originSpan, target: { file: target, span: { start: 0, end: 0 } } };
}

/**
 * A Helm value file: relative to the source's path; `/x` from the repository root; `$ref/x` from
 * the root of the source named `ref` (this repository's, when that source is one of its files).
 */
function valueFileTarget(analysis: Analysis, node: AppNode, source: ApplicationSource, written: string, originSpan: Span): DefinitionTarget | undefined {
  const reference = /^\$([^/]+)\/(.*)$/.exec(written);
  if (reference) {
    const referenced = node.application?.sources.find((candidate) => candidate.ref === reference[1]);
    return referenced ? folderTarget(analysis, joinRepoPath('', reference[2] ?? ''), originSpan) : undefined;
  }
  if (source.path === undefined) return undefined;
  const base = joinRepoPath('', source.path);
  return base === undefined ? undefined : folderTarget(analysis, joinRepoPath(base, written), originSpan);
}

/** `spec.project` → the AppProject's `metadata.name`. */
function projectDefinition(analysis: Analysis, name: string, originSpan: Span): DefinitionTarget[] {
  return analysis.model.projects
    .filter((project) => project.name === name)
    .map((project) => ({ originSpan, target: locateField(analysis.index, project.object.origin, ['metadata', 'name'], 'value') }));
}

/** One name of the comma-separated depends-on list → the Applications of that name. */
function dependsOnDefinition(analysis: Analysis, file: string, offset: number, valueSpan: Span): DefinitionTarget[] {
  const text = analysis.index.text(file) ?? '';
  const isNamePart = (character: string | undefined): boolean => character !== undefined && /[A-Za-z0-9._-]/.test(character);
  let start = offset;
  let end = offset;
  while (start > valueSpan.start && isNamePart(text[start - 1])) start--;
  while (end < valueSpan.end && isNamePart(text[end])) end++;
  const name = text.slice(start, end);
  if (name === '') return [];
  return nodesInSyncOrder(analysis.model)
    .filter((node) => node.name === name && node.kind === 'Application')
    .map((node) => ({ originSpan: { start, end }, target: locateField(analysis.index, node.origin, ['metadata', 'name'], 'value') }));
}

/** `resources:` (and `components:`) entries of a kustomization → the file, or the folder's kustomization. */
function kustomizationDefinition(analysis: Analysis, file: string, offset: number): DefinitionTarget[] {
  const document = analysis.index.parsed(file)?.documents.find((candidate) => candidate.span.start <= offset && offset <= candidate.span.end);
  if (!document || !isRecord(document.value)) return [];
  const at = valuePathAt(document, offset);
  if (!at || at.part !== 'value' || at.scalar === undefined || at.path.length !== 2) return [];
  if (at.path[0] !== 'resources' && at.path[0] !== 'components' && at.path[0] !== 'bases') return [];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(at.scalar) || at.scalar.startsWith('git@')) return [];
  return asList(folderTarget(analysis, joinRepoPath(dirname(file), at.scalar), at.span));
}

function asList(target: DefinitionTarget | undefined): DefinitionTarget[] {
  return target ? [target] : [];
}
