// Grammar snapshots: our YAML injections mark Argo CD annotation keys, sync-wave values and ApplicationSet {{ … }} expressions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contributedGrammars, renderTokens } from './tokenizeYaml';

const FIXTURES = join(__dirname, 'fixtures');

/** Only the scopes of our grammars per token (carets count : scopes), without the base grammar and the wrapping meta scope. */
async function ourScopes(text: string): Promise<string[]> {
  const rendered = await renderTokens(text);
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

describe('YAML injection grammars', () => {
  it('are contributed for source.yaml from files under syntaxes/', () => {
    expect(contributedGrammars()).toEqual([
      { scopeName: 'gitops-waves.argocd-annotations.injection', path: './syntaxes/gitops-waves.injection.tmLanguage.json', injectTo: ['source.yaml'] },
      { scopeName: 'gitops-waves.template-expressions.injection', path: './syntaxes/gitops-waves-templates.injection.tmLanguage.json', injectTo: ['source.yaml'] },
    ]);
  });

  for (const fixture of readdirSync(FIXTURES).filter((name) => name.endsWith('.yaml'))) {
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
});
