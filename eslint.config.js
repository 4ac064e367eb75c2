// Lint rules, and the layer boundaries of docs/ARCHITECTURE.md enforced as import rules:
// shared/ is pure TypeScript (no node:, DOM or Electron), electron/core/ runs under plain Node
// (no 'electron'), and the renderer reaches the core only through renderer/api.ts.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and the renderer run in the browser too: no Node built-ins.' };
const electronOnlyInShell = {
  name: 'electron',
  message: 'Only electron/main.ts and electron/preload.cts may import electron (it cannot load under plain Node).',
};
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'location'].map((name) => ({
  name,
  message: 'shared/ is pure TypeScript used by both sides: no DOM.',
}));

export default defineConfig([
  globalIgnores(['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.electron-native/**', 'coverage/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `typeof import('...')` stays allowed: vi.mock and lazy imports need the type of a module not yet loaded.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, { name: 'react', message: 'shared/ holds rules and schemas, not components.' }],
          patterns: [nodeBuiltins, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from the core or the renderer.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals,
        { name: 'process', message: 'shared/ runs in the renderer too: no process.' },
        { name: 'Buffer', message: 'shared/ runs in the renderer too: use Uint8Array.' },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            { group: ['**/cli/**', '**/cli.js'], message: 'The core does not know the command line (electron/cli/ uses the core, not the reverse).' },
            { group: ['**/renderer/**'], message: 'The core does not import the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell], patterns: [{ group: ['**/renderer/**'], message: 'The command line does not import the renderer.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [nodeBuiltins, { group: ['**/electron/**'], message: 'The renderer reaches the core only through renderer/api.ts.' }],
        },
      ],
    },
  },
  {
    // The transport lives in renderer/api.ts alone: no component talks to the host by itself.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/api.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the core through renderer/api.ts.' }],
      'no-restricted-properties': ['error', { object: 'window', property: 'chatterbox', message: 'Call the core through renderer/api.ts.' }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx,mjs}', '*.config.ts', 'build/**/*.mjs'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
]);
