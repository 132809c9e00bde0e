// Excluding paths: globs drop files and whole folders before anything reads them, from options and from the config file.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../server/src/analysis/analyze';
import { excludeFiles } from '../../server/src/analysis/excludeFiles';
import { snapshotFromTexts } from '../../server/src/analysis/snapshot';

const snapshot = snapshotFromTexts({
  'apps/a.yaml': 'kind: A\n',
  'legacy/old.yaml': 'kind: [broken\n',
  'legacy/deep/x.yaml': 'kind: X\n',
  'charts/c/values.yaml': 'a: 1\n',
  'apps/charts/d.yaml': 'a: 1\n',
});

describe('excludeFiles', () => {
  it('drops a folder by name or by a ** glob, and matches **/x at the top level too', () => {
    expect([...excludeFiles(snapshot, ['legacy']).files.keys()].sort()).toEqual(['apps/a.yaml', 'apps/charts/d.yaml', 'charts/c/values.yaml']);
    expect([...excludeFiles(snapshot, ['legacy/**']).files.keys()].sort()).toEqual(['apps/a.yaml', 'apps/charts/d.yaml', 'charts/c/values.yaml']);
    expect([...excludeFiles(snapshot, ['**/charts/**']).files.keys()].sort()).toEqual(['apps/a.yaml', 'legacy/deep/x.yaml', 'legacy/old.yaml']);
    expect(excludeFiles(snapshot, ['legacy']).directories.has('legacy/deep')).toBe(false);
  });

  it('keeps the snapshot as it is without patterns, and ignores invalid ones', () => {
    expect(excludeFiles(snapshot, [])).toBe(snapshot);
    expect(excludeFiles(snapshot, ['[']).files.size).toBe(snapshot.files.size);
  });

  it('applies the config file\'s exclude and the options\' exclude in analyze', () => {
    const withConfig = snapshotFromTexts({ ...Object.fromEntries([...snapshot.files].map(([path, file]) => [path, file.kind === 'text' ? file.text : ''])), '.gitops-waves.yaml': 'exclude: [legacy/**]\n' });
    expect(analyze(withConfig).findings.map((finding) => finding.location.file)).not.toContain('legacy/old.yaml');
    expect(analyze(snapshot).findings.map((finding) => finding.location.file)).toContain('legacy/old.yaml');
    expect(analyze(snapshot, { exclude: ['legacy/old.yaml'] }).findings.map((finding) => finding.location.file)).not.toContain('legacy/old.yaml');
  });
});
