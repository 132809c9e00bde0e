// Structural equality of plain data (what analyses produce: records, arrays, sets, maps, strings, numbers, booleans).
import { sameSpanPlace } from '../text/lazyLocation';

/**
 * True when `a` and `b` are the same plain data: equal primitives, or arrays, sets, maps and records
 * with equal items and the same keys (a key set to undefined differs from a missing key; sets and maps
 * in the same order). Records are compared by content, never by prototype; values made by analyses
 * hold no cycles, and functions are equal only when they are the same function. Lazy locations with the
 * same place (lazyLocation.ts) are equal without their spans being found.
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
  if (a instanceof Set || b instanceof Set) return a instanceof Set && b instanceof Set && a.size === b.size && plainEqual([...a], [...b]);
  if (a instanceof Map || b instanceof Map) return a instanceof Map && b instanceof Map && a.size === b.size && plainEqual([...a], [...b]);
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    // Two lazy locations found from the same place have the same span: equal without finding it.
    if (key === 'span' && sameSpanPlace(a, b)) continue;
    if (!plainEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
