// Finds where a field of an object is written, through the object's origin.
import type { RepoIndex } from '../repoIndex';
import { lazyLocation } from '../text/lazyLocation';
import type { SourceLocation, Span } from '../text/span';
import { FILE_START } from '../text/span';
import { locate, locateKey, type ValuePath } from '../yaml/yamlDocument';
import type { ParsedFile } from '../yaml/parseYamlFile';
import type { ObjectOrigin } from './kubeObject';

/**
 * The location of `fieldPath` (relative to the object's body) in the file that declares the
 * object. Falls back to the closest written ancestor (so a missing annotation points at
 * `metadata`), then to the file start. The span is found when first read (see lazyLocation.ts).
 */
export function locateField(index: RepoIndex, origin: ObjectOrigin, fieldPath: ValuePath, part: 'key' | 'value' = 'key'): SourceLocation {
  // The parse is taken now (it is memoised) so the location holds the file's parse, not the whole index:
  // locations outlive the index in results kept across analyses.
  const parsed = index.parsed(origin.file);
  const place = parsed === undefined ? undefined : { source: parsed, documentIndex: origin.documentIndex, path: origin.path, fieldPath, part };
  return lazyLocation(origin.file, () => fieldSpan(parsed, origin, fieldPath, part), place);
}

function fieldSpan(parsed: ParsedFile | undefined, origin: ObjectOrigin, fieldPath: ValuePath, part: 'key' | 'value'): Span {
  const document = parsed?.documents.find((candidate) => candidate.index === origin.documentIndex);
  if (!document) return FILE_START;
  const path = [...origin.path, ...fieldPath];
  if (part === 'key') return locateKey(document, path, true) ?? document.span;
  return locate(document, path, true)?.value ?? document.span;
}
