// The parse cache shared across analyses: an unchanged file is not parsed again; a changed or deleted one is.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/src/analysis/analyze';
import { ParseCache } from '../../../server/src/analysis/parseCache';
import { RepoIndex } from '../../../server/src/analysis/repoIndex';
import { snapshotFromTexts } from '../../../server/src/analysis/snapshot';
import { DEFAULT_PARSE_LIMITS } from '../../../server/src/analysis/yaml/parseYamlFile';

describe('ParseCache', () => {
  it('serves unchanged texts from the cache and re-parses changed ones', () => {
    const cache = new ParseCache(DEFAULT_PARSE_LIMITS);
    const first = snapshotFromTexts({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: 1\n' });
    const parsedA = new RepoIndex(first, DEFAULT_PARSE_LIMITS, cache).parsed('a.yaml');
    new RepoIndex(first, DEFAULT_PARSE_LIMITS, cache).parsed('b.yaml');
    const second = snapshotFromTexts({ 'a.yaml': 'a: 1\n', 'b.yaml': 'b: [2\n' });
    const index = new RepoIndex(second, DEFAULT_PARSE_LIMITS, cache);
    expect(index.parsed('a.yaml')).toBe(parsedA);
    expect(index.parsed('b.yaml')?.problems.map((item) => item.ruleId)).toEqual(['parse/yaml-syntax']);
    expect(cache.statistics).toEqual({ hits: 1, misses: 3 });
  });

  it('is ignored by an index with other limits', () => {
    const cache = new ParseCache(DEFAULT_PARSE_LIMITS);
    const snapshot = snapshotFromTexts({ 'a.yaml': 'a: [[[1]]]\n' });
    new RepoIndex(snapshot, DEFAULT_PARSE_LIMITS, cache).parsed('a.yaml');
    const strict = new RepoIndex(snapshot, { ...DEFAULT_PARSE_LIMITS, maxNesting: 2 }, cache).parsed('a.yaml');
    expect(strict?.status).toBe('rejected');
  });

  it('gives analyze the same findings with and without the cache, and forgets deleted files', () => {
    const texts = { 'apps/a.yaml': 'kind: Application\nmetadata:\n  name: a\n', 'apps/b.yaml': 'broken: [\n' };
    const cache = new ParseCache(DEFAULT_PARSE_LIMITS);
    const cached = analyze(snapshotFromTexts(texts), { parseCache: cache });
    const again = analyze(snapshotFromTexts(texts), { parseCache: cache });
    expect(again.findings).toEqual(cached.findings);
    expect(again.findings).toEqual(analyze(snapshotFromTexts(texts)).findings);
    cache.retain((path) => path !== 'apps/b.yaml');
    expect(cache.size).toBe(1);
  });
});
