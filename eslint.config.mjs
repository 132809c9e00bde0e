// ESLint: TypeScript rules plus the layering invariants (the analysis core does no IO and knows no LSP).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noIoInCore = {
  patterns: [
    { group: ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'net', 'http', 'https', 'os', 'worker_threads'], message: 'The analysis core is pure: no Node built-ins (invariant 1). Do IO in server/src/host.' },
    { group: ['vscode', 'vscode-*', 'vscode-languageserver*'], message: 'The analysis core knows nothing of LSP or VS Code (invariants 1 and 4).' },
    { group: ['**/host/*', '**/cli/*', '**/lsp/*'], message: 'The analysis core does not import its hosts.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', '**/dist/**', 'node_modules/**', 'out/**', 'test-results/**', '.bench/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/analysis/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noIoInCore] },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
