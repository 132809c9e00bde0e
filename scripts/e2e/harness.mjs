// Builds what both end-to-end routes share: the harness bundle (suites + Mocha), its .vsix, and the CLI's findings the suites compare with.
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The example every route opens, as a copy (see {@link copyWorkspace}). */
export const WORKSPACE = join(ROOT, 'examples', 'homelab');

/**
 * Copies the example into `workFolder` (keeping its folder name, which the suites see) and returns the copy.
 * The suites edit files (the quick fix): they must never touch the repository's own example.
 */
export function copyWorkspace(workFolder) {
  const copy = join(workFolder, 'homelab');
  cpSync(WORKSPACE, copy, { recursive: true });
  return copy;
}
const HARNESS = join(ROOT, 'test', 'e2e', 'harness');

/** Bundles the harness extension (Mocha and the suites included, `vscode` external); returns the bundle's path. */
export async function bundleHarness() {
  const outfile = join(HARNESS, 'dist', 'harness.js');
  await build({
    absWorkingDir: ROOT,
    entryPoints: [join(HARNESS, 'src', 'harness.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'error',
  });
  return outfile;
}

/** Bundles and packages the harness as a .vsix in `workFolder`; returns its path. */
export async function packageHarness(workFolder) {
  await bundleHarness();
  const output = join(workFolder, 'harness.vsix');
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', output], { cwd: HARNESS, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`packaging the harness failed:\n${result.stdout}${result.stderr}`);
  return output;
}

/** Writes the CLI's JSON findings for `workspace` into `workFolder` (exit code 1 only means "has errors"); returns the file. */
export function writeExpectedFindings(workFolder, workspace = WORKSPACE) {
  const result = spawnSync(process.execPath, [join(ROOT, 'server', 'dist', 'cli.js'), 'check', '--format', 'json', workspace], { encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`gitops-waves check failed (exit ${result.status}): ${result.stderr}`);
  const file = join(workFolder, 'expected-findings.json');
  writeFileSync(file, result.stdout);
  return file;
}
