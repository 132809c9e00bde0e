// A simplified strategic merge patch over plain data, as kustomize applies `patches` and `patchesStrategicMerge`.
import { isRecord } from '../kube/kubeObject';
import { deepCopy } from './plainData';

/**
 * Lists merged item by item on a key (the Kubernetes `patchMergeKey`s that matter in practice);
 * every other list is replaced by the patch's list. Used only for built-in API groups: kustomize
 * has no schema for custom resources, so their lists are always replaced.
 */
const MERGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  env: ['name'],
  imagePullSecrets: ['name'],
  volumeMounts: ['mountPath'],
  ports: ['containerPort', 'port'],
};

/** How lists are merged: by the known merge keys (built-in kinds) or always replaced. */
export interface MergeOptions {
  readonly useMergeKeys: boolean;
}

/**
 * Applies a strategic merge patch to a target and returns the result (the inputs are not
 * changed); undefined when the patch deletes the whole object (`$patch: delete` at the top).
 * Maps merge key by key; `null` deletes a key; `$patch: replace` replaces a map; `$patch: delete`
 * deletes a map or a keyed list item; other `$` directives are dropped.
 */
export function applyStrategicMerge(
  target: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
  options: MergeOptions,
): Record<string, unknown> | undefined {
  const merged = mergeMaps(target, patch, options);
  return merged;
}

function mergeMaps(target: Readonly<Record<string, unknown>>, patch: Readonly<Record<string, unknown>>, options: MergeOptions): Record<string, unknown> | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return withoutDirectives(patch);
  const result: Record<string, unknown> = deepCopy(target) as Record<string, unknown>;
  for (const [key, patchValue] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (patchValue === null) {
      delete result[key];
      continue;
    }
    const current = result[key];
    if (isRecord(patchValue) && isRecord(current)) {
      const merged = mergeMaps(current, patchValue, options);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else if (isRecord(patchValue)) {
      if (patchValue.$patch === 'delete') delete result[key];
      else result[key] = withoutDirectives(patchValue);
    } else if (Array.isArray(patchValue) && Array.isArray(current) && options.useMergeKeys && MERGE_KEYS[key]) {
      result[key] = mergeKeyedLists(current, patchValue, MERGE_KEYS[key] ?? [], options);
    } else {
      result[key] = Array.isArray(patchValue) ? patchValue.filter((item) => !(isRecord(item) && item.$patch === 'delete')).map(stripDirectivesDeep) : deepCopy(patchValue);
    }
  }
  return result;
}

function mergeKeyedLists(current: readonly unknown[], patch: readonly unknown[], candidateKeys: readonly string[], options: MergeOptions): unknown[] {
  const result = current.map((item) => deepCopy(item));
  for (const patchItem of patch) {
    if (!isRecord(patchItem)) {
      result.push(deepCopy(patchItem));
      continue;
    }
    const key = candidateKeys.find((candidate) => patchItem[candidate] !== undefined);
    const index = key === undefined ? -1 : result.findIndex((item) => isRecord(item) && item[key] === patchItem[key]);
    if (patchItem.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index < 0) {
      result.push(withoutDirectives(patchItem));
      continue;
    }
    const merged = mergeMaps(result[index] as Record<string, unknown>, patchItem, options);
    if (merged === undefined) result.splice(index, 1);
    else result[index] = merged;
  }
  return result;
}

function withoutDirectives(map: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return stripDirectivesDeep(map) as Record<string, unknown>;
}

function stripDirectivesDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectivesDeep);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (!key.startsWith('$')) result[key] = stripDirectivesDeep(item);
  return result;
}
