import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// engine/ and io/ are pure: they run in Node, vitest and a Worker (DESIGN.md).
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
      'no-restricted-imports': ['error', {
        patterns: [
          { group: uiModules, message: 'src/engine and src/io must stay free of UI (DESIGN.md): no React, DOM, maplibre-gl or deck.gl.' },
          { group: ['**/app/**', '**/ui/**', '**/worker/**'], message: 'engine/io must not import from app/, ui/ or worker/ (imports point one way).' },
        ],
      }],
      'no-restricted-globals': ['error', ...domGlobals.map((name) => ({ name, message: 'engine/io must not touch the DOM (DESIGN.md).' }))],
    },
  },
);
