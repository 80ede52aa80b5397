import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'storybook-static/**',
      'coverage/**',
      'data/**',
      'custom-elements.json',
      'test/**/fixtures/**',
      'bench/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: [
      'components/**/*.ts',
      'stories/**/*.ts',
      'test/components/**/*.ts',
      'test/browser/**/*.ts',
    ],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['components/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    files: ['components/**/*.ts', 'stories/**/*.ts', 'test/components/**', 'test/browser/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: [
      '**/*.mjs',
      '**/*.js',
      'src/cli/**',
      'test/src/**',
      'test/e2e/**',
      'bench/**',
      'demo/server/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['demo/site/**/*.js', 'bench/pages/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Benchmark and e2e drivers run in Node but hand callbacks to the page (page.evaluate).
    files: ['bench/**/*.mjs', 'test/e2e/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Author text must never become markup.
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Author text is never HTML.' }],
        },
      ],
    },
  },
  {
    // The engine must stay free of eval-like constructs: the bundle runs under strict CSP.
    files: ['src/**/*.ts', 'components/**/*.ts'],
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      // Built-ins newer than the supported browsers (docs/compatibility.md: Chrome 98, Firefox 98,
      // Safari 16.4) type-check under the ES2023 lib but throw there: Firefox 98-103 have no findLast.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[property.name=/^(findLast|findLastIndex|toSorted|toReversed|toSpliced)$/]',
          message: 'ES2023 array methods are missing in Firefox 98-103 (docs/compatibility.md).',
        },
      ],
    },
  },
);
