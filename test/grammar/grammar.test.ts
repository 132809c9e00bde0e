// Grammar snapshots: our YAML injections mark Argo CD annotation keys, sync-wave values and ApplicationSet {{ … }} expressions.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contributedGrammars, renderTokens, vscodeYamlGrammars } from './tokenizeYaml';

const FIXTURES = join(__dirname, 'fixtures');
const FIXTURE_NAMES = readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml'));
/** VS Code's YAML extension inside the code-server the end-to-end run installs (scripts/e2e/installCodeServer.mjs). */
const VSCODE_YAML_EXTENSION = join(
  process.env.GITOPS_WAVES_E2E_CACHE ?? join(homedir(), '.cache', 'gitops-waves-e2e'),
  'code-server-4.139.1', 'lib', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'yaml',
);

/** Only the scopes of our grammars per token (carets count : scopes), without the base grammar and the wrapping meta scope. */
async function ourScopes(text: string, baseGrammars?: ReadonlyMap<string, string>): Promise<string[]> {
  const rendered = await renderTokens(text, baseGrammars);
  return rendered
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) => {
      const [, carets = '', scopes = ''] = /^#\s*(\^+) (.*)$/.exec(line) ?? [];
      const ours = scopes.split(' ').filter((scope) => scope.endsWith('.gitops-waves') && scope !== 'meta.sync-wave.gitops-waves');
      return ours.length === 0 ? '' : `${carets.length}:${ours.join(' ')}`;
    })
    .filter((line) => line !== '');
}

/** Our tokens with their positions (the caret line, our scopes only), for comparing two base grammars. */
async function ourTokenLines(text: string, baseGrammars?: ReadonlyMap<string, string>): Promise<string[]> {
  const rendered = await renderTokens(text, baseGrammars);
  return rendered
    .split('\n')
    .filter((line) => line.startsWith('>') || line.includes('.gitops-waves'))
    .map((line) => (line.startsWith('>') ? line : line.replace(/ (\S+)/g, (scope: string) => (scope.endsWith('.gitops-waves') ? scope : ''))));
}

describe('YAML injection grammars', () => {
  it('are contributed for source.yaml from files under syntaxes/', () => {
    expect(contributedGrammars()).toEqual([
      { scopeName: 'gitops-waves.argocd-annotations.injection', path: './syntaxes/gitops-waves.injection.tmLanguage.json', injectTo: ['source.yaml'] },
      { scopeName: 'gitops-waves.template-expressions.injection', path: './syntaxes/gitops-waves-templates.injection.tmLanguage.json', injectTo: ['source.yaml'] },
    ]);
  });

  for (const fixture of FIXTURE_NAMES) {
    it(`tokenizes ${fixture} as in its snapshot`, async () => {
      const rendered = await renderTokens(readFileSync(join(FIXTURES, fixture), 'utf8'));
      await expect(rendered).toMatchFileSnapshot(join(__dirname, '__snapshots__', `${fixture}.snap`));
    });
  }

  it('classifies sync-wave values as Argo CD parses them', async () => {
    const wave = async (value: string) => (await ourScopes(`argocd.argoproj.io/sync-wave: ${value}\n`)).filter((scope) => !scope.includes('annotation-key'));
    expect(await wave('"-2"')).toEqual(['2:constant.numeric.integer.sync-wave.gitops-waves']);
    expect(await wave("'+10' # comment")).toEqual(['3:constant.numeric.integer.sync-wave.gitops-waves']);
    expect(await wave('5')).toEqual(['1:invalid.illegal.sync-wave.not-a-string.gitops-waves']);
    expect(await wave('"1.5"')).toEqual(['3:invalid.illegal.sync-wave.not-an-integer.gitops-waves']);
    expect(await wave('" 1"')).toEqual(['2:invalid.illegal.sync-wave.not-an-integer.gitops-waves']);
    expect(await wave('one')).toEqual(['3:invalid.illegal.sync-wave.not-an-integer.gitops-waves']);
    expect(await wave('|')).toEqual([]);
  });

  it('leaves comments, look-alike keys and values naming the annotation unmarked', async () => {
    expect(await ourScopes('# argocd.argoproj.io/sync-wave: "1"\n')).toEqual([]);
    expect(await ourScopes('example.argocd.argoproj.io/sync-wave: "1"\n')).toEqual([]);
    expect(await ourScopes('note: "argocd.argoproj.io/sync-wave: 1"\n')).toEqual([]);
    expect(await ourScopes('message: {{ not a string }}\n')).toEqual([]);
  });

  // VS Code 1.93+ ships a rewritten YAML grammar; where one is installed, our scopes must come out the same on it.
  it.skipIf(!existsSync(VSCODE_YAML_EXTENSION))('marks the same tokens on top of VS Code\'s own YAML grammar (when code-server is installed)', async () => {
    const vscodeGrammars = vscodeYamlGrammars(VSCODE_YAML_EXTENSION);
    for (const fixture of FIXTURE_NAMES) {
      const text = readFileSync(join(FIXTURES, fixture), 'utf8');
      const onVscodeGrammar = await ourTokenLines(text, vscodeGrammars);
      expect(onVscodeGrammar.filter((line) => line.startsWith('#')).length).toBeGreaterThan(0);
      expect({ fixture, tokens: onVscodeGrammar }).toEqual({ fixture, tokens: await ourTokenLines(text) });
    }
  });
});
