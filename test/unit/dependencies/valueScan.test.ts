// The value scan: class references by key and Service URLs, with the path of each, in a plain value.
import { describe, expect, it } from 'vitest';
import { scanValue, type ScannedReference } from '../../../server/src/analysis/dependencies/valueScan';

function scan(value: unknown, skip: ReadonlySet<string> = new Set()): ScannedReference[] {
  const found: ScannedReference[] = [];
  scanValue(value, (reference) => found.push(reference), skip);
  return found;
}

describe('scanValue', () => {
  it('reports class keys and Service URLs with the path to each', () => {
    const value = {
      spec: {
        storageClassName: 'longhorn',
        containers: [{ env: [{ name: 'DB', value: 'postgres://db.data.svc.cluster.local:5432/app' }] }],
        templates: [{ priorityClassName: 'high' }],
      },
    };
    expect(scan(value)).toEqual([
      { type: 'class', kind: 'storage-class', name: 'longhorn', key: 'storageClassName', path: ['spec', 'storageClassName'] },
      { type: 'service', name: 'db', namespace: 'data', url: 'postgres://db.data.svc.cluster.local:5432', path: ['spec', 'containers', 0, 'env', 0, 'value'] },
      { type: 'class', kind: 'priority-class', name: 'high', key: 'priorityClassName', path: ['spec', 'templates', 0, 'priorityClassName'] },
    ]);
  });

  it('gives each reference a path of its own (not one shared with the walk)', () => {
    const [first, second] = scan({ a: { storageClass: 'one' }, b: [{ storageClass: 'two' }] });
    expect(first?.path).toEqual(['a', 'storageClass']);
    expect(second?.path).toEqual(['b', 0, 'storageClass']);
  });

  it('reads keys that are names of Object.prototype members as plain keys', () => {
    expect(scan({ constructor: 'fast', toString: 'x', hasOwnProperty: 'y' })).toEqual([]);
  });

  it('skips top-level keys asked to, templated strings and non-names', () => {
    const value = { status: { storageClassName: 'gone' }, spec: { storageClassName: '{{ .Values.class }}', storageClass: '-', volumeSnapshotClassName: 'Not_A_Name' } };
    expect(scan(value, new Set(['status']))).toEqual([]);
    expect(scan(value).map((reference) => reference.path.join('.'))).toEqual(['status.storageClassName']);
  });
});
