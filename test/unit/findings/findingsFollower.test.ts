// toFindings with a follower: after each change of the problem list, the same findings a full pass makes, the untouched ones the same objects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '../../../server/src/analysis/config/projectConfig';
import { FindingsFollower, toFindings } from '../../../server/src/analysis/findings';
import type { Problem } from '../../../server/src/analysis/rules/rule';

const RULE_IDS = ['waves/dependency-not-ordered', 'deps/dependency-cycle', 'sync/hook-on-application'];
const FILES = ['apps/a.yaml', 'apps/b.yaml', 'platform/c.yaml'];

/** A problem object; equal fields give equal keys (a duplicate), so the lists below have some. */
function problemOf([rule, file, start, message, length = 1]: readonly [number, number, number, number, number?]): Problem {
  return { ruleId: RULE_IDS[rule]!, message: `message ${message}`, location: { file: FILES[file]!, span: { start, end: start + length } } } as Problem;
}

/** Rule, file, start, message and span length: problems differing in length alone sort alike (the sort's order decides). */
const fieldsArbitrary = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 }));

/** One step: drop the problems at some places, add new ones at others. */
const stepArbitrary = fc.record({ drop: fc.array(fc.nat(), { maxLength: 3 }), add: fc.array(fc.tuple(fc.nat(), fieldsArbitrary), { maxLength: 6 }) });

function configWith(off: boolean): ProjectConfig {
  return { rules: new Map(off ? [['sync/hook-on-application', 'off' as const]] : []) } as unknown as ProjectConfig;
}

describe('FindingsFollower', () => {
  it('gives what a full pass gives after every change of the list', () => {
    fc.assert(
      fc.property(fc.array(fieldsArbitrary, { maxLength: 12 }), fc.array(stepArbitrary, { maxLength: 8 }), fc.boolean(), (start, steps, off) => {
        const config = configWith(off);
        const follower = new FindingsFollower();
        let problems = start.map(problemOf);
        expect(toFindings(problems, config, undefined, follower)).toEqual(toFindings(problems, config, undefined));
        for (const { drop, add } of steps) {
          const next = [...problems];
          for (const place of drop) if (next.length > 0) next.splice(place % next.length, 1);
          for (const [place, fields] of add) next.splice(place % (next.length + 1), 0, problemOf(fields));
          const followed = toFindings(next, config, undefined, follower);
          const full = toFindings(next, config, undefined);
          expect(followed).toEqual(full);
          problems = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('takes the previous findings when the list is the same, and follows one problem that came', () => {
    const config = configWith(false);
    const follower = new FindingsFollower();
    const problems = [problemOf([0, 0, 1, 0]), problemOf([1, 1, 2, 0])];
    const first = toFindings(problems, config, undefined, follower);
    expect(toFindings([...problems], config, undefined, follower)).toBe(first);
    const came = problemOf([2, 0, 0, 1]);
    const second = toFindings([...problems, came], config, undefined, follower);
    expect(second.map((finding) => `${finding.location.file}:${finding.location.span.start} ${finding.ruleId}`)).toEqual([
      'apps/a.yaml:0 sync/hook-on-application',
      'apps/a.yaml:1 waves/dependency-not-ordered',
      'apps/b.yaml:2 deps/dependency-cycle',
    ]);
    expect(second[1]).toBe(first[0]);
    expect(second[2]).toBe(first[1]);
    // A problem made again saying the same (a new object): the same finding, and the very same list.
    const again = toFindings([problems[0]!, problemOf([1, 1, 2, 0]), came], config, undefined, follower);
    expect(again).toBe(second);
  });

  it('gives what a full pass gives when it compares the lists the problems come from, one by one', () => {
    // A step per segment: drop and add problems, or put one of another segment's problems in too (listed twice).
    const segmentStep = fc.record({ segment: fc.nat({ max: 2 }), drop: fc.array(fc.nat(), { maxLength: 2 }), add: fc.array(fieldsArbitrary, { maxLength: 2 }), twice: fc.option(fc.nat(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(fc.array(fieldsArbitrary, { maxLength: 5 }), { minLength: 3, maxLength: 3 }), fc.array(fc.array(segmentStep, { maxLength: 3 }), { maxLength: 8 }), (start, steps) => {
        const config = configWith(false);
        const follower = new FindingsFollower();
        let segments: (readonly Problem[])[] = start.map((fields) => fields.map(problemOf));
        expect(toFindings(segments.flat(), config, undefined, follower, segments)).toEqual(toFindings(segments.flat(), config, undefined));
        for (const step of steps) {
          // Unchanged segments are new arrays of the same problems (as a check makes its list again).
          const next = segments.map((segment) => [...segment]);
          for (const { segment, drop, add, twice } of step) {
            const list = next[segment] as Problem[];
            for (const place of drop) if (list.length > 0) list.splice(place % list.length, 1);
            for (const fields of add) list.push(problemOf(fields));
            const other = next[(segment + 1) % 3] as Problem[];
            if (twice !== undefined && other.length > 0) list.push(other[twice % other.length] as Problem);
          }
          const followed = toFindings(next.flat(), config, undefined, follower, next);
          expect(followed).toEqual(toFindings(next.flat(), config, undefined));
          segments = next;
        }
      }),
      {
        numRuns: 500,
        // Found by a run: a problem moved to another segment, its finding sorting alike with another (they differ only
        // in their span's end): a full pass orders the two by their problems' new order.
        examples: [
          [
            [[], [[0, 0, 0, 0, 1], [0, 0, 0, 0, 1], [0, 0, 0, 0, 2], [0, 0, 0, 0, 1], [0, 0, 0, 0, 1]], []],
            [
              [
                { segment: 0, drop: [], add: [], twice: 582236232 },
                { segment: 1, drop: [1601077362], add: [], twice: undefined },
              ],
            ],
          ],
        ],
      },
    );
  });
});
