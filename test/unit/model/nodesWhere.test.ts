// NodesWhere: the nodes passing a test, followed place by place from the last list, always what filtering the list gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodesCameAndWent, NodesWhere } from '../../../server/src/analysis/model/nodePositions';
import type { AppNode } from '../../../server/src/analysis/model/types';

const node = (kind: string, serial: number): AppNode => ({ kind, id: `${kind}-${serial}` }) as unknown as AppNode;
const isSet = (item: AppNode): boolean => item.kind === 'ApplicationSet';

describe('NodesWhere', () => {
  it('gives the filtered list after each list of replacements, removals and additions', () => {
    const edit = fc.record({ place: fc.nat(), kind: fc.constantFrom('Application', 'ApplicationSet'), how: fc.constantFrom('replace', 'insert', 'remove') });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Application', 'ApplicationSet'), { maxLength: 30 }), fc.array(fc.array(edit, { maxLength: 4 }), { maxLength: 10 }), (kinds, steps) => {
        const where = new NodesWhere(isSet);
        let serial = 0;
        let nodes = kinds.map((kind) => node(kind, serial++));
        expect(where.of(nodes)).toEqual(nodes.filter(isSet));
        for (const step of steps) {
          const next = [...nodes];
          for (const { place, kind, how } of step) {
            if (how === 'insert') next.splice(place % (next.length + 1), 0, node(kind, serial++));
            else if (next.length > 0 && how === 'remove') next.splice(place % next.length, 1);
            else if (next.length > 0) next[place % next.length] = node(kind, serial++);
          }
          const found = where.of(next);
          expect(found).toEqual(next.filter(isSet));
          expect(found.every((item, at) => item === next.filter(isSet)[at])).toBe(true);
          nodes = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same list object while the nodes it keeps are the same', () => {
    const where = new NodesWhere(isSet);
    const nodes = [node('Application', 1), node('ApplicationSet', 2), node('Application', 3)];
    const first = where.of(nodes);
    // Another Application at place 0: the kept list is the same object.
    expect(where.of([node('Application', 4), nodes[1]!, nodes[2]!])).toBe(first);
  });

  it('nodesCameAndWent: a node that moved is in neither list, one that came or went is', () => {
    const [a, b, c, d] = [node('Application', 1), node('Application', 2), node('ApplicationSet', 3), node('Application', 4)];
    // b moved to the end, c went, d came.
    const changes = nodesCameAndWent([a, b, c], [a, d, b]);
    expect([...changes].map(([item, step]) => `${item.id} ${step}`).sort()).toEqual(['Application-4 1', 'ApplicationSet-3 -1']);
  });
});
