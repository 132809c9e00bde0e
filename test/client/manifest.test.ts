// The extension manifest agrees with the client: every declared command has a command file and vice versa; settings, trust and activation as designed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const COMMANDS = join(ROOT, 'client', 'src', 'commands');

interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: { virtualWorkspaces: { supported: boolean }; untrustedWorkspaces: { supported: string; restrictedConfigurations: string[]; description: string } };
  contributes: { commands: { command: string; title: string; category: string }[]; configuration: { properties: Record<string, { scope?: string; default?: unknown }> } };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('extension manifest', () => {
  it('declares exactly the commands client/src/commands registers, one file each', () => {
    const registered = readdirSync(COMMANDS)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => /export const [A-Z_]+_COMMAND = '([^']+)'/.exec(readFileSync(join(COMMANDS, file), 'utf8'))?.[1] ?? `${file}: no command id`);
    expect(manifest.contributes.commands.map((command) => command.command).sort()).toEqual(registered.sort());
    expect(manifest.contributes.commands.every((command) => command.category === 'GitOps Waves')).toBe(true);
  });

  it('activates on YAML workspaces and documents only', () => {
    expect(manifest.activationEvents).toEqual(['workspaceContains:**/*.{yaml,yml}', 'onLanguage:yaml']);
    expect(manifest.main).toBe('./client/dist/extension.js');
  });

  it('declares the settings, with the file-size cap restricted in untrusted workspaces', () => {
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual([
      'gitopsWaves.exclude',
      'gitopsWaves.maxFileSize',
      'gitopsWaves.repoURL',
      'gitopsWaves.rules',
      'gitopsWaves.trace.server',
    ]);
    expect(manifest.contributes.configuration.properties['gitopsWaves.maxFileSize']?.default).toBe(2 * 1024 * 1024);
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(['gitopsWaves.maxFileSize']);
    for (const setting of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations) {
      expect(manifest.capabilities.untrustedWorkspaces.description).toContain(setting);
    }
    expect(manifest.capabilities.virtualWorkspaces.supported).toBe(false);
  });
});
