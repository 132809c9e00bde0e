// The server folder packs on its own into a package whose bin is the bundled CLI, with no runtime dependencies.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SERVER = join(__dirname, '..', '..', 'server');

describe('server package', () => {
  it('packs the bundled CLI as the gitops-waves bin, with no dependencies to install', () => {
    const manifest = JSON.parse(readFileSync(join(SERVER, 'package.json'), 'utf8'));
    expect(manifest.bin['gitops-waves']).toBe('dist/cli.js');
    expect(manifest.dependencies ?? {}).toEqual({});
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: SERVER, encoding: 'utf8' });
    const [pack] = JSON.parse(output) as { files: { path: string }[] }[];
    const files = pack!.files.map((file) => file.path).sort();
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('package.json');
    expect(files.every((file) => file.startsWith('dist/') || ['package.json', 'README.md'].includes(file))).toBe(true);
  });
});
