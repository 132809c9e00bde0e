// Rule waves/not-an-integer: a sync-wave annotation Argo CD cannot parse as an integer, so it silently uses another wave.
import { locateField } from '../../kube/locateObject';
import { effectiveWave, HELM_HOOK_WEIGHT_ANNOTATION, SYNC_WAVE_ANNOTATION } from '../../model/syncWave';
import { defineCheck } from '../check';
import { problem, type Problem } from '../rule';
import { waveReplacementFixes } from './support/waveFixes';
import { judgeWaveObjects, writtenAnnotation } from './support/waveObjects';

/** A sync-wave value that is not a Go integer (`"1.5"`, `" 5"`, `"five"`, `""`): Argo CD drops it without a word. */
export const notAnInteger = defineCheck(
  {
    id: 'waves/not-an-integer',
    defaultSeverity: 'warning',
    summary: 'A sync-wave annotation is not an integer (e.g. "1.5"): Argo CD ignores it and uses the hook weight or wave 0.',
  },
  (context) => {
    const { index } = context;
    return judgeWaveObjects(context.model, 'waves/not-an-integer', ({ object, node, role }) => {
      // Where nothing orders the object (a root, a set template), waves/wave-orders-nothing says so: its wave does not matter.
      if (role !== 'resource' && node.ordering.gating === 'unordered') return NONE;
      if (role === 'template') return NONE;
      const wave = effectiveWave(object);
      if (wave.invalidText === undefined) return NONE;
      const written = writtenAnnotation(index, object.origin, SYNC_WAVE_ANNOTATION);
      const writtenHere = written !== undefined && written.value === wave.invalidText;
      const fallback =
        wave.source === 'hook-weight'
          ? `uses wave ${wave.wave} from its ${HELM_HOOK_WEIGHT_ANNOTATION} annotation`
          : `puts it in wave ${wave.wave}, the default`;
      const message = `sync-wave ${JSON.stringify(wave.invalidText)} of ${object.kind} ${object.name || '(unnamed)'} is not an integer: Argo CD parses waves with Go's strconv.Atoi, silently drops this value and ${fallback}.`;
      const location = writtenHere ? written.location : locateField(index, object.origin, ['metadata', 'annotations', SYNC_WAVE_ANNOTATION], 'value');
      const fixes = writtenHere ? waveReplacementFixes(index, object.origin, wave.invalidText) : [];
      const found = problem(notAnInteger, message, location);
      return [fixes.length > 0 ? { ...found, fixes } : found];
    });
  },
);

const NONE: readonly Problem[] = [];
