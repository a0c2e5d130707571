// Lint encodes the house rules: the one-way layering (core ← api ← state ← ui), no host globals
// outside widget/, no `any` at boundaries, and small files.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (group, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'test-artifacts/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-console': 'error',
      'no-alert': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-param-reassign': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Arrow shorthands returning void (`l => list.push(l)`) read fine; the rule is style, not safety.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'APP', message: 'amoCRM globals are read only in widget/.' },
        { name: 'AMOCRM', message: 'amoCRM globals are read only in widget/.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // 15, not 10: every `?? 0` that noUncheckedIndexedAccess asks for counts as a branch.
      complexity: ['error', 15],
      ...layer(
        [
          'preact',
          'preact/*',
          '@preact/*',
          'axios',
          'zod',
          'zod/*',
          'chart.js',
          'chart.js/*',
          '**/api/**',
          '**/state/**',
          '**/ui/**',
          '**/cli/**',
          '**/widget/**',
        ],
        'src/core is pure funnel math: no I/O, no UI, no other layers.',
      ),
    },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: layer(
      [
        'preact',
        'preact/*',
        '@preact/*',
        'chart.js',
        'chart.js/*',
        '**/state/**',
        '**/ui/**',
        '**/cli/**',
        '**/widget/**',
      ],
      'src/api depends on core only.',
    ),
  },
  {
    files: ['src/state/**/*.ts'],
    rules: layer(
      [
        'preact',
        'preact/*',
        'chart.js',
        'chart.js/*',
        'axios',
        '**/ui/**',
        '**/cli/**',
        '**/widget/**',
      ],
      'src/state depends on core and api only.',
    ),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: layer(['axios', '**/cli/**', '**/widget/**'], 'src/ui talks to data through state.'),
  },
  {
    files: ['src/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-console': 'off',
      ...layer(
        ['preact', 'preact/*', '@preact/*', 'chart.js', '**/state/**', '**/ui/**', '**/widget/**'],
        'The CLI uses core and api only.',
      ),
    },
  },
  {
    files: [
      'sandbox/**/*.ts',
      'scripts/**/*.{ts,mjs,js}',
      'bin/**',
      '*.config.{js,mjs}',
      'jest.config.js',
    ],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    files: ['**/*.cjs', 'jest.config.js', 'webpack*.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      'max-lines': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
