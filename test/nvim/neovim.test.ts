// Neovim route: headless Neovim with test/nvim/init.lua starts the bundled server and reads a fixture file's diagnostics (skipped without nvim).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServerBundle, REPOSITORY_ROOT, SERVER_BUNDLE, writeTemporaryRepository } from '../support/lspClient';
import { FIXTURE_FILES } from '../protocol/fixtureRepository';

/** The nvim version line, or undefined when nvim is not on PATH. */
function neovimVersion(): string | undefined {
  try {
    return execFileSync('nvim', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return undefined;
  }
}

const version = neovimVersion();
if (!version) console.warn('nvim is not on PATH: the Neovim test is skipped (CI installs Debian\'s neovim).');

describe.skipIf(!version)(`Neovim (${version ?? 'absent'}) as a client`, () => {
  beforeAll(() => buildServerBundle(), 120_000);

  it('shows the server diagnostics of a fixture file', () => {
    const root = writeTemporaryRepository(FIXTURE_FILES);
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'gitops-waves-nvim-'));
    const output = path.join(scratch, 'diagnostics.txt');
    try {
      const run = spawnSync(
        'nvim',
        ['--headless', '-n', '-i', 'NONE', '-u', path.join(REPOSITORY_ROOT, 'test/nvim/init.lua'), '-c', `luafile ${path.join(REPOSITORY_ROOT, 'test/nvim/collectDiagnostics.lua')}`],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 60_000,
          env: {
            ...process.env,
            GITOPS_WAVES_SERVER: SERVER_BUNDLE,
            GITOPS_WAVES_STATE_DIR: path.join(scratch, 'state'),
            GITOPS_WAVES_FILE: path.join(root, 'apps/web-copy.yaml'),
            GITOPS_WAVES_OUTPUT: output,
            // Keep Neovim's own state and logs out of the home folder.
            XDG_CONFIG_HOME: path.join(scratch, 'config'),
            XDG_DATA_HOME: path.join(scratch, 'data'),
            XDG_STATE_HOME: path.join(scratch, 'state-home'),
            XDG_CACHE_HOME: path.join(scratch, 'cache'),
          },
        },
      );
      expect(run.status, `nvim failed: ${run.stderr}`).toBe(0);
      expect(readFileSync(output, 'utf8')).toMatchInlineSnapshot(`
        "3:8 1 model/duplicate-application-name Application name 'web' is also used by the Application in apps/web.yaml: Argo CD keeps one Application per name and namespace, so they overwrite each other.
        "
      `);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
