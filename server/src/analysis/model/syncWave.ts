// Effective sync wave of an object, parsed exactly as Argo CD does (Go strconv.Atoi semantics).
import type { KubeObject } from '../kube/kubeObject';

/** The annotation that sets a sync wave. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
/** Resource-level sync options (`A=true,B=false`). */
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';
/** Helm's hook weight: Argo CD's fallback when the wave annotation is absent or invalid. */
export const HELM_HOOK_WEIGHT_ANNOTATION = 'helm.sh/hook-weight';

const GO_INT_MIN = -(2n ** 63n);
const GO_INT_MAX = 2n ** 63n - 1n;

/**
 * Parses like Go's `strconv.Atoi` on a 64-bit platform: an optional sign then decimal digits,
 * nothing else (no spaces, no `_`, no decimal point); out-of-range values fail. Returns undefined
 * on failure.
 */
export function parseGoAtoi(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  if (value < GO_INT_MIN || value > GO_INT_MAX) return undefined;
  return Number(value);
}

/** Where an object's wave came from. */
export type WaveSource = 'sync-wave' | 'hook-weight' | 'default';

/** An object's effective wave and why. */
export interface EffectiveWave {
  readonly wave: number;
  readonly source: WaveSource;
  /** The annotation text Argo CD dropped (not an integer), if any. */
  readonly invalidText?: string;
}

/**
 * The wave Argo CD uses: the sync-wave annotation if it parses, else `helm.sh/hook-weight` if
 * it parses, else 0. When any annotation value is not a string, Argo CD sees no annotations at all.
 */
export function effectiveWave(object: KubeObject): EffectiveWave {
  // Objects are immutable: each one's wave is worked out once (and stays the same object, so nodes built on it compare equal).
  let wave = wavesByObject.get(object);
  if (wave === undefined) wavesByObject.set(object, (wave = computeEffectiveWave(object)));
  return wave;
}

const wavesByObject = new WeakMap<KubeObject, EffectiveWave>();

function computeEffectiveWave(object: KubeObject): EffectiveWave {
  if (object.nonStringAnnotationKeys.length > 0) return { wave: 0, source: 'default' };
  const waveText = object.annotations[SYNC_WAVE_ANNOTATION];
  if (waveText !== undefined) {
    const wave = parseGoAtoi(waveText);
    if (wave !== undefined) return { wave, source: 'sync-wave' };
  }
  const weightText = object.annotations[HELM_HOOK_WEIGHT_ANNOTATION];
  const weight = weightText === undefined ? undefined : parseGoAtoi(weightText);
  const invalid = waveText === undefined ? {} : { invalidText: waveText };
  if (weight !== undefined) return { wave: weight, source: 'hook-weight', ...invalid };
  return { wave: 0, source: 'default', ...invalid };
}
