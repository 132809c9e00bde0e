// Lazy locations: spans found on first read, and locations from the same place equal without finding them.
import { describe, expect, it } from 'vitest';
import { plainEqual } from '../../../server/src/analysis/incremental/plainEqual';
import { lazyLocation, type SpanPlace } from '../../../server/src/analysis/text/lazyLocation';

describe('lazy locations in structural comparisons', () => {
  const parse = {};
  const place = (overrides: Partial<SpanPlace> = {}): SpanPlace => ({ source: parse, documentIndex: 0, path: ['spec'], fieldPath: ['name'], part: 'value', ...overrides });
  /** A lazy location that counts how often its span is found. */
  const counted = (file: string, start: number, where?: SpanPlace) => {
    const found = { count: 0 };
    const location = lazyLocation(file, () => (found.count++, { start, end: start + 1 }), where);
    return { location, found };
  };

  it('tells two locations from the same place equal without finding either span', () => {
    const a = counted('a.yaml', 5, place());
    const b = counted('a.yaml', 5, place());
    expect(plainEqual({ need: a.location }, { need: b.location })).toBe(true);
    expect(a.found.count + b.found.count).toBe(0);
  });

  it('compares spans when the places differ (another parse, document, path or part) or one has none', () => {
    const other = {};
    for (const [left, right] of [
      [place(), place({ source: other })],
      [place(), place({ documentIndex: 1 })],
      [place(), place({ fieldPath: ['kind'] })],
      [place(), place({ path: [] })],
      [place(), place({ part: 'key' })],
      [place(), undefined],
    ] as const) {
      const a = counted('a.yaml', 5, left);
      const b = counted('a.yaml', 7, right);
      expect(plainEqual(a.location, b.location)).toBe(false);
      expect(a.found.count).toBe(1);
      const c = counted('a.yaml', 5, right);
      expect(plainEqual(counted('a.yaml', 5, left).location, c.location)).toBe(true);
    }
  });

  it('never calls locations in two files equal, and a spread copy keeps no place', () => {
    expect(plainEqual(counted('a.yaml', 5, place()).location, counted('b.yaml', 5, place()).location)).toBe(false);
    const original = counted('a.yaml', 5, place()).location;
    const moved = { ...original, span: { start: 9, end: 10 } };
    expect(plainEqual(moved, counted('a.yaml', 5, place()).location)).toBe(false);
    expect(Object.keys(original)).toEqual(['file', 'span']);
    expect(JSON.stringify(original)).toBe('{"file":"a.yaml","span":{"start":5,"end":6}}');
  });
});
