// Go path.Match semantics (a table written for this project in the spirit of Go's own tests) and git pathspec globbing.
import { describe, expect, it } from 'vitest';
import { goPathMatch } from '../../../server/src/analysis/appsets/goPathMatch';
import { gitPathspecMatch } from '../../../server/src/analysis/appsets/gitPathspecMatch';

const TABLE: [pattern: string, name: string, expected: boolean | 'malformed'][] = [
  ['apps', 'apps', true],
  ['apps', 'apps/a', false],
  ['apps/*', 'apps/web', true],
  ['apps/*', 'apps/web/deep', false],
  ['apps/*', 'apps/', true],
  ['*', 'a/b', false],
  ['*/*', 'a/b', true],
  ['a*', 'abc', true],
  ['a*/b', 'abc/b', true],
  ['a*/b', 'a/c/b', false],
  ['a*b*c*d*e*/f', 'axbxcxdxe/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
  ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
  ['a*b*c*d*e*/f', 'axbxcxdxexxx/fff', false],
  ['a*b?c*x', 'abxbbxdbxebxczzx', true],
  ['a*b?c*x', 'abxbbxdbxebxczzy', false],
  ['ab[c]', 'abc', true],
  ['ab[b-d]', 'abc', true],
  ['ab[e-g]', 'abc', false],
  ['ab[^c]', 'abc', false],
  ['ab[^b-d]', 'abc', false],
  ['ab[^e-g]', 'abc', true],
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'ab', false],
  ['a?b', 'a☺b', true],
  ['a[^a]b', 'a☺b', true],
  ['a???b', 'a☺b', false],
  ['a[^a][^a][^a]b', 'a☺b', false],
  ['[a-ζ]*', 'α', true],
  ['*[a-ζ]', 'A', false],
  ['a?b', 'a/b', false],
  ['a*b', 'a/b', false],
  ['a[/]b', 'a/b', true],
  ['[\\]a]', ']', true],
  ['[\\-]', '-', true],
  ['[x\\-]', 'x', true],
  ['[x\\-]', '-', true],
  ['[x\\-]', 'z', false],
  ['[\\-x]', 'x', true],
  ['[]a]', ']', 'malformed'],
  ['[-]', '-', 'malformed'],
  ['[x-]', 'x', 'malformed'],
  ['[-x]', 'x', 'malformed'],
  ['\\', 'a', 'malformed'],
  ['[a-b-c]', 'a', 'malformed'],
  ['[', 'a', 'malformed'],
  ['[^', 'a', 'malformed'],
  ['[^bc', 'a', 'malformed'],
  ['a[', 'a', 'malformed'],
  ['a[', 'ab', 'malformed'],
  ['a[', 'x', 'malformed'],
  ['a/b[', 'x', 'malformed'],
  ['*x', 'xxx', true],
  ['**', 'a/b', false],
  ['apps/**', 'apps/a/b', false],
  ['/apps/*', 'apps/web', false],
];

describe('goPathMatch', () => {
  it.each(TABLE)('%s against %s', (pattern, name, expected) => {
    const result = goPathMatch(pattern, name);
    if (expected === 'malformed') expect(result).toEqual({ matched: false, malformed: true });
    else expect(result).toEqual({ matched: expected, malformed: false });
  });
});

describe('gitPathspecMatch (git ls-files default globbing)', () => {
  it.each([
    ['clusters/*/config.json', 'clusters/a/config.json', true],
    ['clusters/*/config.json', 'clusters/a/b/config.json', true],
    ['cluster-charts/*/*/values.yaml', 'cluster-charts/a/b/c/values.yaml', true],
    ['cluster-charts/**/values.yaml', 'cluster-charts/a/values.yaml', true],
    ['cluster-charts/*/x/values.yaml', 'cluster-charts/a/values.yaml', false],
    ['**/config.yaml', 'a/b/config.yaml', true],
    ['apps/config.yaml', 'apps/config.yaml', true],
    ['apps', 'apps/x/config.yaml', true],
    ['apps', 'apps-other/config.yaml', false],
    ['apps/?.yaml', 'apps/a.yaml', true],
    ['apps/[!b].yaml', 'apps/a.yaml', true],
    ['apps/[!b].yaml', 'apps/b.yaml', false],
    ['apps/[[:digit:]].yaml', 'apps/7.yaml', true],
    ['*.json', 'deep/dir/x.json', true],
    ['*.json', 'deep/dir/x.yaml', false],
  ] as const)('%s against %s', (pattern, path, expected) => {
    expect(gitPathspecMatch(pattern, path)).toBe(expected);
  });
});
