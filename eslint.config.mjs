// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'out/**', 'node_modules/**', 'coverage/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Nothing in the Apps Script bundle may reach the network or Node.
    files: ['src/**/*.ts'],
    ignores: ['src/adapters/xlsx/**', 'src/cli/**'],
    rules: {
      'no-restricted-globals': ['error', 'UrlFetchApp', 'fetch', 'XMLHttpRequest'],
      'no-restricted-imports': ['error', { patterns: ['exceljs', 'node:*', 'fs', 'path'] }],
    },
  },
  {
    // The functional core is pure: no host services, no Node, no exceljs, no adapters. Listed after
    // the block above because a later block's rule list replaces an earlier one's.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'exceljs',
            'node:*',
            'fs',
            'path',
            '**/adapters/**',
            '**/port/**',
            '**/commands/**',
            '**/gas/**',
            '**/cli/**',
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'SpreadsheetApp',
        'LockService',
        'HtmlService',
        'PropertiesService',
        'UrlFetchApp',
        'Utilities',
        'ScriptApp',
        'Session',
        'fetch',
        'XMLHttpRequest',
        'process',
        'require',
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
