// Structural equality of plain data (what analyses produce: records, arrays, strings, numbers, booleans).

/**
 * True when `a` and `b` are the same plain data: equal primitives, or arrays and records with equal
 * items and the same keys (a key set to undefined differs from a missing key). Objects are compared
 * by content, never by prototype; values made by analyses hold no cycles, functions or class instances.
 */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let position = 0; position < a.length; position++) if (!plainEqual(a[position], b[position])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!plainEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
