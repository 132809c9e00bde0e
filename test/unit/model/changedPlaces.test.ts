// Lists of nodes made by replacing nodes record their places, and the followers of node lists look only there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedPlaces, movedPlaces, NodesWhere, placesById, recordMovedPlaces, ResultsByPosition, visitChangedPositions, withNodesReplaced } from '../../../server/src/analysis/model/nodePositions';
import type { AppNode, RepositoryModel } from '../../../server/src/analysis/model/types';
import { applicationsToJudge } from '../../../server/src/analysis/projects/applicationsToJudge';

/** A node with an id and a kind (all the followers here read). */
const node = (id: string, kind = 'Application'): AppNode => ({ id, kind }) as unknown as AppNode;

/** A NodesWhere (sets) and a ResultsByPosition following `nodes`, and the nodes the results were computed for. */
function followersOf(nodes: readonly AppNode[]): { where: NodesWhere; results: ResultsByPosition<string>; computed: AppNode[]; resultOf: (item: AppNode) => string } {
  const where = new NodesWhere((item) => item.kind === 'ApplicationSet');
  const results = new ResultsByPosition<string>();
  const computed: AppNode[] = [];
  const resultOf = (item: AppNode): string => {
    computed.push(item);
    return `${item.id}:${item.kind}`;
  };
  where.of(nodes);
  results.resultsFor(nodes, resultOf);
  return { where, results, computed, resultOf };
}

describe('withNodesReplaced and changedPlaces', () => {
  it('puts each replacement at its id, records the places, and follows a few lists back', () => {
    const first = ['a', 'b', 'c', 'd'].map((id) => node(id));
    const second = withNodesReplaced(first, [node('c'), node('a')]) as AppNode[];
    expect(second.map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(changedPlaces(first, second)).toEqual([0, 2]);
    const third = withNodesReplaced(second, [node('d')]) as AppNode[];
    expect(changedPlaces(second, third)).toEqual([3]);
    // Two steps back: the union of both steps' places.
    expect(changedPlaces(first, third)).toEqual([0, 2, 3]);
    expect(changedPlaces(third, third)).toEqual([]);
    // Not made from it (another order, or another list): undefined, the caller compares place by place.
    expect(changedPlaces(third, first)).toBeUndefined();
    expect(changedPlaces([...first], second)).toBeUndefined();
    // The ids' places are shared with the list made from it.
    expect(placesById(third)).toBe(placesById(first));
  });

  it('gives undefined when a replacement has an id the list does not hold', () => {
    expect(withNodesReplaced([node('a')], [node('z')])).toBeUndefined();
  });

  it('lets visitChangedPositions, ResultsByPosition and NodesWhere answer as a comparison of every place does', () => {
    const edit = fc.record({ place: fc.nat(), kind: fc.constantFrom('Application', 'ApplicationSet') });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Application', 'ApplicationSet'), { minLength: 1, maxLength: 20 }), fc.array(fc.array(edit, { maxLength: 3 }), { maxLength: 8 }), (kinds, steps) => {
        let nodes: readonly AppNode[] = kinds.map((kind, at) => node(`n${at}`, kind));
        const { where, results, computed, resultOf } = followersOf(nodes);
        for (const step of steps) {
          const replacements = step.map(({ place, kind }) => node((nodes[place % nodes.length] as AppNode).id, kind));
          const next = withNodesReplaced(nodes, replacements) as AppNode[];
          const visited: [string, number][] = [];
          visitChangedPositions(nodes, next, (item, sign) => visited.push([`${item.id}:${item.kind}`, sign]));
          const expected: [string, number][] = [];
          nodes.forEach((before, place) => {
            if (before === next[place]) return;
            expected.push([`${(next[place] as AppNode).id}:${(next[place] as AppNode).kind}`, 1], [`${before.id}:${before.kind}`, -1]);
          });
          expect(visited).toEqual(expected);
          computed.length = 0;
          expect(results.resultsFor(next, resultOf)).toEqual(next.map((item) => `${item.id}:${item.kind}`));
          // Only the nodes that are other objects were computed again.
          expect(computed).toEqual(next.filter((item, place) => item !== nodes[place]));
          expect(where.of(next)).toEqual(next.filter((item) => item.kind === 'ApplicationSet'));
          nodes = next;
        }
      }),
    );
  });

  it('lets applicationsToJudge keep its list, the replaced entries put in place and recorded, while each place stays an Application or not', () => {
    const judgedNode = (id: string, kind: string, serial: number): AppNode => ({ id, kind, serial, application: kind === 'Application' ? { looksLikePatch: false } : undefined }) as unknown as AppNode;
    const edit = fc.record({ place: fc.nat(), kind: fc.constantFrom('Application', 'ApplicationSet') });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Application', 'ApplicationSet'), { minLength: 1, maxLength: 20 }), fc.array(fc.array(edit, { maxLength: 3 }), { maxLength: 8 }), (kinds, steps) => {
        let serial = 0;
        let nodes: readonly AppNode[] = kinds.map((kind, at) => judgedNode(`n${at}`, kind, serial++));
        let judged = applicationsToJudge({ nodes } as unknown as RepositoryModel);
        for (const step of steps) {
          const replacements = step.map(({ place, kind }) => judgedNode((nodes[place % nodes.length] as AppNode).id, kind, serial++));
          const next = withNodesReplaced(nodes, replacements) as AppNode[];
          const after = applicationsToJudge({ nodes: next } as unknown as RepositoryModel);
          expect(after.map((entry) => entry.node)).toEqual(next.filter((item) => item.kind === 'Application'));
          const places = changedPlaces(judged, after);
          // Every replaced place kept its kind: the list is the last one with entries put in place.
          if (next.every((item, at) => item.kind === (nodes[at] as AppNode).kind)) expect(places).toBeDefined();
          // Recorded when it was made from the last list: every place whose entry differs is among the recorded ones.
          if (places !== undefined) after.forEach((entry, at) => entry === judged[at] || expect(places).toContain(at));
          nodes = next;
          judged = after;
        }
      }),
    );
  });

  it('lets ResultsByPosition and NodesWhere take a node that only moved from its previous place, in a reordered list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Application', 'ApplicationSet'), { minLength: 1, maxLength: 20 }),
        fc.array(fc.record({ seed: fc.nat(), replace: fc.array(fc.nat(), { maxLength: 3 }) }), { maxLength: 6 }),
        (kinds, steps) => {
          let nodes: readonly AppNode[] = kinds.map((kind, at) => node(`n${at}`, kind));
          const { where, results, computed, resultOf } = followersOf(nodes);
          for (const { seed, replace } of steps) {
            // Another order (a rotation and a swap), and a few nodes made again with another kind.
            const rotated = [...nodes.slice(seed % nodes.length), ...nodes.slice(0, seed % nodes.length)];
            if (rotated.length > 1) [rotated[0], rotated[1]] = [rotated[1] as AppNode, rotated[0] as AppNode];
            for (const place of replace) {
              const at = place % rotated.length;
              const was = rotated[at] as AppNode;
              rotated[at] = node(was.id, was.kind === 'Application' ? 'ApplicationSet' : 'Application');
            }
            recordMovedPlaces(nodes, rotated);
            expect(movedPlaces(nodes, rotated)).toBeDefined();
            computed.length = 0;
            expect(results.resultsFor(rotated, resultOf)).toEqual(rotated.map((item) => `${item.id}:${item.kind}`));
            // Only the nodes that are not in the previous list (new objects) were computed.
            expect(computed).toEqual(rotated.filter((item) => !nodes.includes(item)));
            expect(where.of(rotated)).toEqual(rotated.filter((item) => item.kind === 'ApplicationSet'));
            nodes = rotated;
          }
        },
      ),
    );
  });
});
