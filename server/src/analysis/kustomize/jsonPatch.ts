// RFC 6902 JSON patch over plain data (add, remove, replace, copy, move, test), as kustomize applies it.
import { isRecord } from '../kube/kubeObject';
import { deepCopy } from './plainData';

/** The result of applying a JSON patch: the new document, or why an operation failed. */
export type JsonPatchResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly operationIndex: number; readonly reason: string };

/** Splits a JSON pointer into unescaped tokens (`~1` → `/`, `~0` → `~`); undefined when malformed. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** True for a well-formed operation list (each item a map with a string `op` and `path`). */
export function looksLikeJsonPatch(value: unknown): value is readonly Record<string, unknown>[] {
  return Array.isArray(value) && value.every((item) => isRecord(item) && typeof item.op === 'string' && typeof item.path === 'string');
}

/**
 * Applies the operations in order to a copy of `document`. Like evanphx/json-patch (used by
 * kustomize), `replace`/`remove` of a missing path and `add` under a missing parent fail.
 */
export function applyJsonPatch(document: unknown, operations: readonly Record<string, unknown>[]): JsonPatchResult {
  let current: unknown = deepCopy(document);
  for (const [operationIndex, operation] of operations.entries()) {
    const outcome = applyOperation(current, operation);
    if (typeof outcome === 'string') return { ok: false, operationIndex, reason: outcome };
    current = outcome.value;
  }
  return { ok: true, value: current };
}

function applyOperation(document: unknown, operation: Readonly<Record<string, unknown>>): { value: unknown } | string {
  const op = operation.op;
  const path = typeof operation.path === 'string' ? parsePointer(operation.path) : undefined;
  if (!path) return `malformed path ${JSON.stringify(operation.path)}`;
  switch (op) {
    case 'add':
      if (!('value' in operation)) return 'add without value';
      return insert(document, path, deepCopy(operation.value), 'add');
    case 'replace':
      if (!('value' in operation)) return 'replace without value';
      return insert(document, path, deepCopy(operation.value), 'replace');
    case 'remove':
      return remove(document, path);
    case 'test': {
      const found = read(document, path);
      if (!found.found) return `test: ${operation.path} is missing`;
      return JSON.stringify(found.value) === JSON.stringify(operation.value) ? { value: document } : `test failed at ${operation.path}`;
    }
    case 'copy':
    case 'move': {
      const from = typeof operation.from === 'string' ? parsePointer(operation.from) : undefined;
      if (!from) return `${op} without a valid from`;
      const found = read(document, from);
      if (!found.found) return `${op}: ${operation.from} is missing`;
      const base = op === 'move' ? remove(document, from) : { value: document };
      if (typeof base === 'string') return base;
      return insert(base.value, path, deepCopy(found.value), 'add');
    }
    default:
      return `unknown op ${JSON.stringify(op)}`;
  }
}

function read(document: unknown, path: readonly string[]): { found: boolean; value?: unknown } {
  let current = document;
  for (const token of path) {
    if (Array.isArray(current)) {
      const index = arrayIndex(token, current.length - 1);
      if (index === undefined) return { found: false };
      current = current[index];
    } else if (isRecord(current) && Object.prototype.hasOwnProperty.call(current, token)) {
      current = current[token];
    } else return { found: false };
  }
  return { found: true, value: current };
}

function insert(document: unknown, path: readonly string[], value: unknown, mode: 'add' | 'replace'): { value: unknown } | string {
  if (path.length === 0) return { value };
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1] ?? '';
  const parent = read(document, parentPath);
  if (!parent.found) return `${mode}: parent /${parentPath.join('/')} is missing`;
  const container = parent.value;
  if (Array.isArray(container)) {
    if (mode === 'add') {
      const index = last === '-' ? container.length : arrayIndex(last, container.length);
      if (index === undefined) return `add: bad array index ${last}`;
      container.splice(index, 0, value);
    } else {
      const index = arrayIndex(last, container.length - 1);
      if (index === undefined) return `replace: bad array index ${last}`;
      container[index] = value;
    }
    return { value: document };
  }
  if (!isRecord(container)) return `${mode}: /${parentPath.join('/')} is not a map or list`;
  if (mode === 'replace' && !Object.prototype.hasOwnProperty.call(container, last)) return `replace: /${path.join('/')} is missing`;
  container[last] = value;
  return { value: document };
}

function remove(document: unknown, path: readonly string[]): { value: unknown } | string {
  if (path.length === 0) return 'remove: cannot remove the whole document';
  const parent = read(document, path.slice(0, -1));
  const last = path[path.length - 1] ?? '';
  const container = parent.value;
  if (parent.found && Array.isArray(container)) {
    const index = arrayIndex(last, container.length - 1);
    if (index === undefined) return `remove: bad array index ${last}`;
    container.splice(index, 1);
    return { value: document };
  }
  if (parent.found && isRecord(container) && Object.prototype.hasOwnProperty.call(container, last)) {
    delete container[last];
    return { value: document };
  }
  return `remove: /${path.join('/')} is missing`;
}

function arrayIndex(token: string, max: number): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  const index = Number(token);
  return index <= max ? index : undefined;
}
