// The .vsix built by `npm run package` ships only the bundles, grammars, media, docs and the top-level documents, under a size bound.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_VSIX_BYTES, vsixPath } from '../../scripts/package.mjs';
import { zipEntries, type ZipEntry } from './zipEntries';

const ROOT = join(__dirname, '..', '..');

/** What may ship, relative to the extension folder (vsce renames README/CHANGELOG/LICENSE). */
const ALLOWED = [
  /^package\.json$/,
  /^readme\.md$/,
  /^changelog\.md$/,
  /^LICENSE\.txt$/,
  /^client\/dist\/extension\.js$/,
  /^server\/dist\/server\.js$/,
  /^syntaxes\/[a-z-]+(\.injection)?\.tmLanguage\.json$/,
  /^media\/[^/]+\.(png|svg|gif)$/,
  /^media\/dist\/graph\.(js|css)$/,
  /^media\/walkthrough\/[a-z-]+\.md$/,
  /^media\/screenshots\/[a-z-]+\.png$/,
  /^examples\/homelab\/.+\.(ya?ml|md|tpl)$/,
  /^docs\/.+\.md$/,
];

describe('the .vsix package', () => {
  let entries: ZipEntry[] = [];

  beforeAll(() => {
    // `npm test` builds the bundles before vitest; rebuilding here could rewrite a bundle another test is running.
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--no-build'], { cwd: ROOT, stdio: 'pipe' });
    entries = zipEntries(vsixPath());
  }, 120_000);

  it('holds only the allowlisted files, and the ones the extension needs', () => {
    const files = entries.map((entry) => entry.name).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
    expect(files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; icon: string; contributes: { grammars: { path: string }[] } };
    const needed = [manifest.main, manifest.icon, ...manifest.contributes.grammars.map((grammar) => grammar.path), 'server/dist/server.js', 'media/dist/graph.js', 'media/dist/graph.css', 'examples/homelab/.gitops-waves.yaml', 'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt'];
    expect(needed.map((file) => file.replace(/^\.\//, '')).filter((file) => !files.includes(file))).toEqual([]);
    expect(files.some((file) => file.endsWith('.map') || file.startsWith('node_modules/') || file.endsWith('.ts'))).toBe(false);
  });

  it('shows README.marketplace.md on the extension page (the root README stays the project README)', () => {
    const readme = entries.find((entry) => entry.name === 'extension/readme.md');
    expect(readme?.uncompressedSize).toBe(statSync(join(ROOT, 'README.marketplace.md')).size);
  });

  it(`stays under ${MAX_VSIX_BYTES} bytes`, () => {
    expect(statSync(vsixPath()).size).toBeLessThan(MAX_VSIX_BYTES);
    const unpacked = entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
    expect(unpacked).toBeLessThan(4 * MAX_VSIX_BYTES);
  });
});
