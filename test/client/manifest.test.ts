// The extension manifest agrees with the client: every declared command has a command file and vice versa; settings, trust and activation as designed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REVEAL_IN_GRAPH_COMMAND } from '../../server/src/lsp/protocol';

const ROOT = join(__dirname, '..', '..');
const COMMANDS = join(ROOT, 'client', 'src', 'commands');

interface Manifest {
  main: string;
  activationEvents: string[];
  capabilities: { virtualWorkspaces: { supported: boolean }; untrustedWorkspaces: { supported: string; restrictedConfigurations: string[]; description: string } };
  contributes: {
    commands: { command: string; title: string; category: string; icon?: string }[];
    configuration: { properties: Record<string, { scope?: string; default?: unknown }> };
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; icon?: string }[]>;
    viewsWelcome: { view: string; contents: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }[] }[];
  };
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

describe('views, menus and walkthrough in the manifest', () => {
  const commands = new Set(manifest.contributes.commands.map((command) => command.command));

  it('puts the Applications view in a GitOps Waves container with an icon that ships', () => {
    expect(manifest.contributes.viewsContainers.activitybar.map((container) => container.id)).toEqual(['gitopsWaves']);
    expect(manifest.contributes.views['gitopsWaves']?.map((view) => view.id)).toEqual(['gitopsWaves.applications']);
    for (const icon of [...manifest.contributes.viewsContainers.activitybar.map((container) => container.icon), ...(manifest.contributes.views['gitopsWaves'] ?? []).map((view) => view.icon ?? '')]) {
      expect(existsSync(join(ROOT, icon)), icon).toBe(true);
    }
  });

  it('gives every command a codicon and names only declared commands in menus and links', () => {
    expect(manifest.contributes.commands.filter((command) => !/^\$\([a-z-]+\)$/.test(command.icon ?? ''))).toEqual([]);
    const inMenus = Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((entry) => entry.command));
    expect(inMenus.filter((command) => !commands.has(command))).toEqual([]);
    const linked = [...manifest.contributes.viewsWelcome.map((welcome) => welcome.contents), ...manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps.map((step) => step.description))]
      .flatMap((text) => [...text.matchAll(/\(command:(gitopsWaves\.[A-Za-z.]+)\)/g)].map((match) => match[1]!))
      .filter((command) => command !== 'gitopsWaves.applications.focus');
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((command) => !commands.has(command))).toEqual([]);
  });

  it('declares the command the server\'s code lenses use', () => {
    expect(commands.has(REVEAL_IN_GRAPH_COMMAND)).toBe(true);
  });

  it('has a walkthrough that opens the bundled example, with media that ship', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    expect(walkthrough?.steps[0]?.completionEvents).toEqual(['onCommand:gitopsWaves.openExample']);
    for (const step of walkthrough?.steps ?? []) expect(existsSync(join(ROOT, step.media.markdown ?? step.media.image ?? 'missing')), step.id).toBe(true);
    expect(existsSync(join(ROOT, 'examples', 'homelab', '.gitops-waves.yaml'))).toBe(true);
  });
});
