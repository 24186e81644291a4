// ESLint flat config. TypeScript in apps/, libs/, db/ and test/ is linted with type
// information from tsconfig.json; plain JavaScript (config files, scripts/*.mjs) without.
// Formatting belongs to Prettier, so eslint-config-prettier comes last.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Globals of Node.js for the plain JavaScript files. */
const nodeGlobals = Object.fromEntries(
  [
    'AbortController',
    'AbortSignal',
    'Buffer',
    'URL',
    'URLSearchParams',
    'clearImmediate',
    'clearInterval',
    'clearTimeout',
    'console',
    'fetch',
    'global',
    'globalThis',
    'process',
    'queueMicrotask',
    'setImmediate',
    'setInterval',
    'setTimeout',
    'structuredClone',
  ].map((name) => [name, 'readonly']),
);
const commonJsGlobals = {
  __dirname: 'readonly',
  __filename: 'readonly',
  exports: 'writable',
  module: 'readonly',
  require: 'readonly',
};

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', '**/.data/', '**/coverage/', 'test-results/']),

  {
    name: 'ohjaamo/javascript',
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', globals: nodeGlobals },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: commonJsGlobals },
  },

  {
    // Progressive-enhancement scripts served to the browser (no bundler, no modules).
    name: 'ohjaamo/browser-scripts',
    files: ['apps/*/public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        HTMLElement: 'readonly',
        EventSource: 'readonly',
      },
    },
  },

  {
    name: 'ohjaamo/typescript',
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'warn',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        // Express middleware and Nest callbacks may be async; a promise where a handler
        // returns void is fine in arguments and attributes, not elsewhere.
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      // Nest modules are empty classes carrying a decorator.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    name: 'ohjaamo/tests',
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      // expect(mock.method).toHaveBeenCalled() passes methods unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
      // HTTP response bodies (supertest) and raw query rows are untyped by nature; tests
      // assert on their shape instead.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },

  {
    // Command-line programs (scripts, db tools, *.cli.ts) and the start command talk to the
    // terminal directly, as do the entry points when the configuration is invalid (before
    // any logger exists).
    name: 'ohjaamo/console-allowed',
    files: [
      'scripts/**',
      'test/**',
      'db/**',
      'apps/launcher/**',
      'apps/*/src/main.ts',
      '**/*.cli.ts',
    ],
    rules: { 'no-console': 'off' },
  },

  prettier,
);
