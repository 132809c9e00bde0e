// Builds the bundles: the CLI, the language server and (later) the VS Code client.
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
  // The language server: `gitops-waves-language-server --stdio`, and what the VS Code client starts.
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The language server: `gitops-waves-language-server --stdio`, and what the VS Code client starts.
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The VS Code client: `vscode` is provided by the editor at run time.
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
];

await mkdir('server/dist', { recursive: true });
await Promise.all(bundles.map((bundle) => build({ ...common, ...bundle })));
await Promise.all(['server/dist/cli.js', 'server/dist/server.js'].map((file) => chmod(file, 0o755)));
