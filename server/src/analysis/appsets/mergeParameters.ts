// Deep merge of parameter sets with the later set winning (an approximation of mergo.Merge WithOverride).
import { isRecord } from '../kube/kubeObject';

/**
 * Returns `base` overridden by `override`: nested maps are merged key by key, any other value
 * (lists included) is replaced. Used by goTemplate matrix and merge generators.
 */
export function mergeParameters(base: Readonly<Record<string, unknown>>, override: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const existing = out[key];
    out[key] = isRecord(existing) && isRecord(value) ? mergeParameters(existing, value) : value;
  }
  return out;
}
