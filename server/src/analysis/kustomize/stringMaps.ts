// Reads string maps (labels, annotations) from a kustomization, reporting values that are not strings.
import { isRecord } from '../kube/kubeObject';
import { problem } from '../rules/rule';
import { nonStringValue } from '../rules/kustomize/non-string-value';
import type { ValuePath } from '../yaml/yamlDocument';
import { kustomizationLocation } from './kustomizationFile';
import { scalarText } from './plainData';
import type { Level } from './renderContext';

/**
 * The string map at `path` of the kustomization. Numbers and booleans are kept as their text
 * (so the render stays useful) but reported: kustomize reads these fields as `map[string]string`
 * and fails on an unquoted `5` or `true`.
 */
export function readStringMap(level: Level, value: unknown, path: ValuePath): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isRecord(value)) return result;
  for (const [key, item] of Object.entries(value)) {
    const text = scalarText(item);
    if (text === undefined) continue;
    if (typeof item !== 'string') {
      level.context.report(
        problem(nonStringValue, `The value of ${JSON.stringify(key)} is ${JSON.stringify(item)}, not a string; kustomize rejects it. Quote it: "${text}".`, kustomizationLocation(level.kustomization, [...path, key])),
      );
    }
    result[key] = text;
  }
  return result;
}
