// Client settings (gitopsWaves.rules): valid severities kept, anything else reported and ignored.
import { describe, expect, it } from 'vitest';
import { readClientSettings, sameSettings } from '../../../server/src/lsp/settings';

describe('readClientSettings', () => {
  it('keeps valid severities and reports the rest', () => {
    const { settings, problems } = readClientSettings({ rules: { 'parse/yaml-syntax': 'error', 'waves/unquoted-value': 'off', 'x/y': 'fatal', 'z/w': 3 } });
    expect([...settings.severities]).toEqual([
      ['parse/yaml-syntax', 'error'],
      ['waves/unquoted-value', 'off'],
    ]);
    expect(problems).toEqual([
      'gitopsWaves.rules: the severity of x/y must be one of error, warning, info, hint, off (got "fatal"); ignored',
      'gitopsWaves.rules: the severity of z/w must be one of error, warning, info, hint, off (got 3); ignored',
    ]);
  });

  it('accepts nothing at all, and rejects a rules value that is not a map', () => {
    expect(readClientSettings(null).settings.severities.size).toBe(0);
    expect(readClientSettings(undefined).problems).toEqual([]);
    expect(readClientSettings({ rules: ['parse/yaml-syntax'] }).problems).toEqual(['gitopsWaves.rules must be an object mapping rule ids to severities; ignored']);
  });

  it('compares settings by content', () => {
    const a = readClientSettings({ rules: { 'a/b': 'info' } }).settings;
    expect(sameSettings(a, readClientSettings({ rules: { 'a/b': 'info' } }).settings)).toBe(true);
    expect(sameSettings(a, readClientSettings({ rules: { 'a/b': 'hint' } }).settings)).toBe(false);
  });
});

describe('readClientSettings: repoURL, exclude, maxFileSize', () => {
  it('reads valid values and reports invalid ones', () => {
    const valid = readClientSettings({ repoURL: ' https://github.com/example/lab.git ', exclude: ['legacy/**'], maxFileSize: 1024 }).settings;
    expect(valid).toMatchObject({ repoUrl: 'https://github.com/example/lab.git', exclude: ['legacy/**'], maxFileBytes: 1024 });
    const { settings, problems } = readClientSettings({ repoURL: 5, exclude: 'legacy', maxFileSize: -1 });
    expect(settings).toMatchObject({ repoUrl: undefined, exclude: [], maxFileBytes: undefined });
    expect(problems).toHaveLength(3);
  });

  it('counts them when comparing settings', () => {
    const base = readClientSettings({}).settings;
    expect(sameSettings(base, readClientSettings({ exclude: ['a/**'] }).settings)).toBe(false);
    expect(sameSettings(base, readClientSettings({ maxFileSize: 5 }).settings)).toBe(false);
    expect(sameSettings(base, readClientSettings({ repoURL: 'https://x/y' }).settings)).toBe(false);
  });
});
