// Builds the bundles and packages the VS Code extension into dist/gitops-waves-<version>.vsix with @vscode/vsce, then checks its size.
// Usage: npm run package   (prints the .vsix path on its last line); `--no-build` packages the bundles already built.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Upper bound of the .vsix size: the two bundles compress to about 400 KB, so more means something leaked in. */
export const MAX_VSIX_BYTES = 2 * 1024 * 1024;
/** Files the extension cannot work without; vsce would happily package without them. */
const REQUIRED_FILES = ['client/dist/extension.js', 'server/dist/server.js'];

/** Where `npm run package` writes the .vsix. */
export function vsixPath() {
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return join(ROOT, 'dist', `${name}-${version}.vsix`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Builds (unless `build` is false: the tests package what `npm test` built, so no test rewrites a bundle another
 * test is running) and packages; returns the .vsix path. Throws when a bundle is missing or the package is too large.
 */
export function packageExtension({ build = true } = {}) {
  if (build) run(process.execPath, ['esbuild.mjs']);
  for (const file of REQUIRED_FILES) {
    try {
      statSync(join(ROOT, file));
    } catch {
      throw new Error(`${file} is missing${build ? ' after the build' : ': run `node esbuild.mjs` first'}; the extension would not start`);
    }
  }
  const output = vsixPath();
  mkdirSync(dirname(output), { recursive: true });
  // --no-dependencies: everything the extension runs is bundled; node_modules never ships.
  // --allow-missing-repository, --no-rewrite-relative-links: the manifest names no public repository yet, so
  // README links stay relative to the extension folder (VS Code's extension page resolves them there).
  // --readme-path: the extension page shows README.marketplace.md (for VS Code users); README.md stays the project's README.
  run(process.execPath, [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--readme-path', 'README.marketplace.md', '--out', output]);
  const size = statSync(output).size;
  if (size > MAX_VSIX_BYTES) throw new Error(`${output} is ${size} bytes, over the ${MAX_VSIX_BYTES}-byte bound: check .vscodeignore`);
  return output;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(packageExtension({ build: !process.argv.includes('--no-build') }));
}
