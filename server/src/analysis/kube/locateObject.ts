// Finds where a field of an object is written, through the object's origin.
import type { RepoIndex } from '../repoIndex';
import { lazyLocation } from '../text/lazyLocation';
import type { SourceLocation, Span } from '../text/span';
import { FILE_START } from '../text/span';
import { locate, type ValuePath } from '../yaml/yamlDocument';
import type { ObjectOrigin } from './kubeObject';

/**
 * The location of `fieldPath` (relative to the object's body) in the file that declares the
 * object. Falls back to the closest written ancestor (so a missing annotation points at
 * `metadata`), then to the file start. The span is found when first read (see lazyLocation.ts).
 */
export function locateField(index: RepoIndex, origin: ObjectOrigin, fieldPath: ValuePath, part: 'key' | 'value' = 'key'): SourceLocation {
  return lazyLocation(origin.file, () => fieldSpan(index, origin, fieldPath, part));
}

function fieldSpan(index: RepoIndex, origin: ObjectOrigin, fieldPath: ValuePath, part: 'key' | 'value'): Span {
  const document = index.parsed(origin.file)?.documents.find((candidate) => candidate.index === origin.documentIndex);
  if (!document) return FILE_START;
  const entry = locate(document, [...origin.path, ...fieldPath], true);
  if (!entry) return document.span;
  return part === 'key' ? (entry.key ?? entry.value) : entry.value;
}
