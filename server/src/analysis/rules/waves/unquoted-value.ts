// Rule waves/unquoted-value: an annotation value that is not a string (`sync-wave: 5`), which hides every annotation of the object from Argo CD.
import { quoteScalar, replaceScalar } from '../../fixes/yamlEdits';
import type { Fix } from '../../fixes/types';
import { SYNC_WAVE_ANNOTATION } from '../../model/syncWave';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import type { ObjectOrigin } from '../../kube/kubeObject';
import type { RepoIndex } from '../../repoIndex';
import { judgeWaveObjects, writtenAnnotation, type WrittenAnnotation } from './support/waveObjects';

/**
 * An annotation whose value is a number, boolean, null or collection instead of a string. One rule
 * for every key: the fact is the same (Argo CD reads none of the object's annotations), and the
 * sync-wave is always among the casualties.
 */
export const unquotedValue = defineCheck(
  {
    id: 'waves/unquoted-value',
    defaultSeverity: 'error',
    summary: 'An annotation value is not a string (e.g. sync-wave: 5): the API server rejects the object and Argo CD ignores all its annotations.',
  },
  (context) => {
    const { index } = context;
    return judgeWaveObjects(context.model, 'waves/unquoted-value', ({ object, node, role }) => {
      if (object.nonStringAnnotationKeys.length === 0) return NONE;
      const problems: Problem[] = [];
      for (const key of object.nonStringAnnotationKeys) {
        // Only where the value is written in the object's own document; a non-string value in a
        // kustomization is kustomize/non-string-value's finding.
        const written = writtenAnnotation(index, object.origin, key);
        if (!written || typeof written.value === 'string') continue;
        const what = describeValue(written.value);
        const casualties = key === SYNC_WAVE_ANNOTATION ? 'including this wave' : `so its sync-wave, hook and sync-options are lost too`;
        const rejection =
          written.value === null
            ? ''
            : ` the API server rejects the object ("cannot unmarshal ${what.goType} into Go struct field ObjectMeta.metadata.annotations of type string"), and`;
        const message = `Annotation ${key} of ${role === 'template' ? `the template of ApplicationSet ${node.name}` : `${object.kind} ${object.name || '(unnamed)'}`} is ${what.description}, not a string:${rejection} Argo CD ignores all of this object's annotations (code-derived), ${casualties}.`;
        const found = problem(unquotedValue, message, written.location);
        const fixes = quoteFixes(index, object.origin, key, written);
        const capped = written.value === null ? { ...found, severityCap: 'warning' as const } : found;
        problems.push(fixes.length > 0 ? { ...capped, fixes } : capped);
      }
      return problems;
    });
  },
);

const NONE: readonly Problem[] = [];

function describeValue(value: unknown): { description: string; goType: string } {
  if (value === null) return { description: 'empty (null)', goType: 'null' };
  if (typeof value === 'number' || typeof value === 'bigint') return { description: `the number ${String(value)}`, goType: 'number' };
  if (typeof value === 'boolean') return { description: `the boolean ${String(value)}`, goType: 'bool' };
  if (Array.isArray(value)) return { description: 'a list', goType: 'array' };
  return { description: 'a map', goType: 'object' };
}

function quoteFixes(index: RepoIndex, origin: ObjectOrigin, key: string, written: WrittenAnnotation): Fix[] {
  const path = ['metadata', 'annotations', key];
  if (written.value === null) {
    const edits = replaceScalar(index, origin, path, '""');
    return edits ? [{ title: 'Write an empty string: ""', edits, preferred: true }] : [];
  }
  const edits = quoteScalar(index, origin, path);
  const source = index.text(written.location.file)?.slice(written.location.span.start, written.location.span.end) ?? '';
  return edits ? [{ title: `Quote the value: ${JSON.stringify(source)}`, edits, preferred: true }] : [];
}
