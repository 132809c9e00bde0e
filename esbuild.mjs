// Builds the bundles: the CLI, the language server, the VS Code client and the wave graph webview.
import { build } from 'esbuild';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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
  // Outputs are written below, atomically.
  write: false,
};

/** dagre's MIT notice, kept in the minified webview script that bundles it (its own LEGAL.txt does not ship). */
const DAGRE_NOTICE = '/*! Includes @dagrejs/dagre and @dagrejs/graphlib: MIT License, Copyright (c) 2012-2014 Chris Pettitt. */';

/** Each bundle: entry point → output file. */
const bundles = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'server/dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The language server: `gitops-waves-language-server --stdio`, and what the VS Code client starts.
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The VS Code client: `vscode` is provided by the editor at run time.
  { entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
  // The wave graph webview: one browser script (dagre bundled in, no CDN) and its stylesheet. No source map:
  // the .vsix ships no maps, and the page's CSP would refuse to fetch one anyway.
  { entryPoints: ['media/graph/main.ts'], outfile: 'media/dist/graph.js', platform: 'browser', format: 'iife', target: 'es2022', sourcemap: false, minify: true, legalComments: 'none', banner: { js: DAGRE_NOTICE } },
  { entryPoints: ['media/graph/graph.css'], outfile: 'media/dist/graph.css', platform: 'browser', sourcemap: false },
];

/** Executable bundles (npm bins). */
const executables = new Set(['server/dist/cli.js', 'server/dist/server.js']);

/**
 * Replaces a file in one step (write a temporary file, then rename): a process starting the
 * bundle while another build runs (parallel test files, the language server's probe child)
 * reads either the old or the new file, never half of one.
 */
async function writeAtomically(file, contents, mode) {
  const temporary = `${file}.${process.pid}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(temporary, contents);
  await chmod(temporary, mode);
  await rename(temporary, file);
}

const results = await Promise.all(bundles.map((bundle) => build({ ...common, ...bundle })));
await Promise.all(
  results.flatMap((result) =>
    result.outputFiles.map((output) => {
      const relative = relativePath(output.path);
      return writeAtomically(output.path, output.contents, executables.has(relative) ? 0o755 : 0o644);
    }),
  ),
);

/** A path relative to this folder, `/`-separated. */
function relativePath(absolute) {
  return absolute.slice(process.cwd().length + 1).split('\\').join('/');
}
