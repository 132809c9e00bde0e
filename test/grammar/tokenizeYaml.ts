// Tokenizes YAML with the YAML base grammar plus our injection grammars (vscode-textmate + vscode-oniguruma), for grammar snapshots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');

/** The injection grammars the extension contributes, read from package.json like VS Code does. */
export interface ContributedGrammar {
  readonly scopeName: string;
  readonly path: string;
  readonly injectTo: readonly string[];
}

/** The `contributes.grammars` entries of the extension manifest. */
export function contributedGrammars(): ContributedGrammar[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: ContributedGrammar[] } };
  return manifest.contributes.grammars;
}

/**
 * The YAML base grammar, from the `tm-grammars` npm package (the TextMate YAML grammar VS Code shipped
 * before 1.93; VS Code now ships a rewrite with the same top scope `source.yaml`), so the test runs offline.
 */
const TM_GRAMMARS_YAML: ReadonlyMap<string, string> = new Map([['source.yaml', join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'yaml.json')]]);

/**
 * VS Code's own YAML grammars (`source.yaml` includes `source.yaml.1.2` and friends), read from a VS Code
 * install's `extensions/yaml` folder, e.g. the code-server the end-to-end run installs.
 */
export function vscodeYamlGrammars(yamlExtensionFolder: string): ReadonlyMap<string, string> {
  const manifest = JSON.parse(readFileSync(join(yamlExtensionFolder, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string }[] } };
  return new Map(manifest.contributes.grammars.map((grammar) => [grammar.scopeName, join(yamlExtensionFolder, grammar.path)]));
}

const registries = new Map<ReadonlyMap<string, string>, Promise<textmate.Registry>>();
let onigurumaLoaded: Promise<void> | undefined;

async function registry(baseGrammars: ReadonlyMap<string, string>): Promise<textmate.Registry> {
  let created = registries.get(baseGrammars);
  if (created) return created;
  created = (async () => {
    onigurumaLoaded ??= (async () => {
      const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
      await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    })();
    await onigurumaLoaded;
    const grammars = contributedGrammars();
    const files = new Map<string, string>([...baseGrammars, ...grammars.map((grammar) => [grammar.scopeName, join(ROOT, grammar.path)] as const)]);
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) => {
        const file = files.get(scopeName);
        return file === undefined ? null : textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
      },
      getInjections: (scopeName) => grammars.filter((grammar) => grammar.injectTo.includes(scopeName)).map((grammar) => grammar.scopeName),
    });
  })();
  registries.set(baseGrammars, created);
  return created;
}

/**
 * Renders the tokens of a YAML text, one source line (`>`) followed by one line per token that carries
 * a scope besides `source.yaml` (`#` + carets under the token + its scopes, root scope left out).
 * The base YAML grammar is `tm-grammars`' unless `baseGrammars` (scope name → file) says otherwise.
 */
export async function renderTokens(text: string, baseGrammars: ReadonlyMap<string, string> = TM_GRAMMARS_YAML): Promise<string> {
  const grammar = await (await registry(baseGrammars)).loadGrammar('source.yaml');
  if (!grammar) throw new Error('the YAML base grammar did not load');
  const output: string[] = [];
  let ruleStack = textmate.INITIAL;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    output.push(`>${line}`);
    const result = grammar.tokenizeLine(line, ruleStack);
    for (const token of result.tokens) {
      const scopes = token.scopes.filter((scope) => scope !== 'source.yaml');
      const tokenText = line.slice(token.startIndex, token.endIndex);
      if (scopes.length === 0 || tokenText.trim() === '') continue;
      output.push(`#${' '.repeat(token.startIndex)}${'^'.repeat(token.endIndex - token.startIndex)} ${scopes.join(' ')}`);
    }
    ruleStack = result.ruleStack;
  }
  return `${output.join('\n')}\n`;
}
