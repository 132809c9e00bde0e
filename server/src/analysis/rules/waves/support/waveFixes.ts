// Fixes for a sync-wave value Argo CD cannot parse: the nearest integers, or the same digits without spaces.
import type { Fix } from '../../../fixes/types';
import { replaceScalar } from '../../../fixes/yamlEdits';
import type { ObjectOrigin } from '../../../kube/kubeObject';
import { SYNC_WAVE_ANNOTATION } from '../../../model/syncWave';
import type { RepoIndex } from '../../../repoIndex';

/**
 * Integer waves a person probably meant by `text`: the integers below and above a decimal
 * (`"1.5"` → 1, 2), or the digits of a padded integer (`" 5"` → 5). Empty for anything else.
 */
export function intendedWaves(text: string): number[] {
  const trimmed = text.trim();
  if (/^[+-]?[0-9]+$/.test(trimmed)) return [Number(trimmed)];
  if (!/^[+-]?([0-9]+\.[0-9]*|\.[0-9]+)$/.test(trimmed)) return [];
  const value = Number(trimmed);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return [];
  return [...new Set([Math.floor(value), Math.ceil(value)])];
}

/** One fix per intended wave, replacing the written annotation value with the quoted integer; none preferred when there are two. */
export function waveReplacementFixes(index: RepoIndex, origin: ObjectOrigin, text: string): Fix[] {
  const waves = intendedWaves(text);
  const fixes: Fix[] = [];
  for (const wave of waves) {
    const edits = replaceScalar(index, origin, ['metadata', 'annotations', SYNC_WAVE_ANNOTATION], `"${wave}"`);
    if (edits) fixes.push({ title: `Use sync wave ${wave}`, edits, preferred: waves.length === 1 });
  }
  return fixes;
}
