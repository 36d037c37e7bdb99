import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// engine/ and io/ are pure: they run in Node, vitest and a Worker (docs/architecture.md).
const uiModules = ['react', 'react-dom', 'react-dom/*', 'react-i18next', 'maplibre-gl', 'deck.gl', '@deck.gl/*', 'zustand', 'zustand/*'];
const domGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'HTMLElement', 'alert'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'out/**', 'tests/e2e/__screenshots__/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/engine/**/*.ts', 'src/io/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: uiModules,
              message: 'src/engine and src/io must stay free of UI (docs/architecture.md): no React, DOM, maplibre-gl or deck.gl.',
            },
            {
              group: ['**/app/**', '**/ui/**', '**/worker/**'],
              message: 'engine/io must not import from app/, ui/ or worker/ (imports point one way).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({ name, message: 'engine/io must not touch the DOM (docs/architecture.md).' })),
      ],
    },
  },
  // The rest of the one-way chain ui -> app -> worker -> engine/io; i18n is used by app and ui.
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/worker/**'], message: 'ui must not import from worker/: go through app/ (its actions and re-exported types).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/app/**', '**/ui/**'], message: 'worker is glue between app and engine/io: it must not import from app/ or ui/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**', '**/ui/**', '**/worker/**'],
              message: 'i18n must not import from app/, ui/ or worker/ (app and ui use it, not the reverse).',
            },
          ],
        },
      ],
    },
  },
);
