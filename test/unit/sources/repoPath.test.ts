// Tests of the posix repository-path helpers.
import { describe, expect, it } from 'vitest';
import { basename, dirname, joinRepoPath, normalizeRepoPath, relativeRepoPath } from '../../../server/src/analysis/text/repoPath';

describe('repoPath', () => {
  it('normalises dots, empty segments and leading slashes', () => {
    expect(normalizeRepoPath('./a//b/./c/')).toBe('a/b/c');
    expect(normalizeRepoPath('a/b/../c')).toBe('a/c');
    expect(normalizeRepoPath('/a/b')).toBe('a/b');
    expect(normalizeRepoPath('.')).toBe('');
    expect(normalizeRepoPath('a/..')).toBe('');
  });

  it('returns undefined when a path escapes the repository', () => {
    expect(normalizeRepoPath('..')).toBeUndefined();
    expect(normalizeRepoPath('a/../../b')).toBeUndefined();
    expect(joinRepoPath('apps', '../../x')).toBeUndefined();
  });

  it('joins relative to a folder, and from the root for a leading slash', () => {
    expect(joinRepoPath('overlays/dev', '../../base')).toBe('base');
    expect(joinRepoPath('', 'x.yaml')).toBe('x.yaml');
    expect(joinRepoPath('apps', '/values.yaml')).toBe('values.yaml');
  });

  it('splits dirname and basename', () => {
    expect(dirname('a/b/c.yaml')).toBe('a/b');
    expect(dirname('c.yaml')).toBe('');
    expect(basename('a/b/c.yaml')).toBe('c.yaml');
    expect(basename('')).toBe('');
    expect(relativeRepoPath('apps', 'apps/a/b.yaml')).toBe('a/b.yaml');
    expect(relativeRepoPath('apps', 'appsx/b.yaml')).toBeUndefined();
    expect(relativeRepoPath('', 'b.yaml')).toBe('b.yaml');
  });
});
