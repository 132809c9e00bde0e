// Builds the bundles: the CLI and (later) the language server and the VS Code client.
import { build } from 'esbuild';
import { chmod, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// Paths are relative to this file, so `npm pack` in server/ can run it too.
process.chdir(fileURLToPath(new URL('.', import.meta.url)));

const common = {
  absWorkingDir: process.cwd(),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

/** Each bundle: entry point → output file. */
const bundles = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

await mkdir('server/dist', { recursive: true });
await Promise.all(bundles.map((bundle) => build({ ...common, ...bundle })));
await chmod('server/dist/cli.js', 0o755);
