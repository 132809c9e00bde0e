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
