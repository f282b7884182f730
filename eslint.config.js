// ESLint: TypeScript rules plus the layer rule: where code may run decides what it may import (docs/ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import assertions from './eslint-rules/assertions.js';

const noNode = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'net', 'better-sqlite3'],
  message: 'src-shared and src-renderer run anywhere: no Node built-ins.',
};
const noElectron = {
  group: ['electron', 'electron/*', 'electron-updater'],
  message: 'Only src-main/electron may import Electron.',
};
const noMain = {
  group: ['**/src-main/**', '../src-main/*', '../../src-main/*'],
  message: 'Only `import type` from src-main is allowed here.',
  allowTypeImports: true,
};
const noRenderer = { group: ['**/src-renderer/**'], message: 'src-renderer is the browser layer; nothing imports it.' };
const noServer = {
  group: ['**/server/**', '../server/*', '!@trpc/server/**'],
  message: 'The server is a separate program; share code through src-shared.',
};
const noMainAtAll = {
  group: ['**/src-main/**'],
  message: 'The server never imports the counter app; share code through src-shared.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'out',
      'release',
      'coverage',
      'test-results',
      'playwright-report',
      'src-main/db/migrations',
      'bench/.cache',
      '.stryker-tmp',
      'reports',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Error'] > Literal",
          message: 'Throw a domain error (NotFound, Conflict, Invalid, Forbidden) so the user sees a clear message.',
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [noNode, noElectron, noMain, noRenderer, noServer] },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noNode, noElectron, noMain, noServer] }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noElectron, noRenderer, noServer] }] },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noRenderer, noServer] }] },
  },
  {
    files: ['dashboard/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            noNode,
            noElectron,
            noMainAtAll,
            noRenderer,
            {
              ...noServer,
              message: 'The dashboard talks to the server over tRPC: only `import type` from server/.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noMainAtAll, noRenderer, noElectron] }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests that could pass without testing: an expect() on one path only, an every() that an empty list satisfies.
    files: ['test/**/*.ts'],
    plugins: { assertions },
    rules: { 'assertions/no-conditional-expect': 'error', 'assertions/no-vacuous-every': 'error' },
  },
);
