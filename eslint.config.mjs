// Lint encodes the house rules: the one-way layering (docs/architecture.md), no host globals
// outside widget/, no `any` at boundaries, and small files.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The layers of src/ and what each may import (docs/architecture.md). Every import of another
// layer goes through its index.ts; src/sync has a second entry, sync/idb, for the browser-only
// IndexedDB store, so Node code never loads it.
const LAYERS = ['core', 'api', 'sync', 'state', 'i18n', 'ui', 'mount', 'cli'];
const MAY_IMPORT = {
  core: [],
  api: ['core'],
  sync: ['core', 'api'],
  state: ['core', 'api', 'sync'],
  i18n: [],
  ui: ['core', 'state', 'i18n'],
  mount: ['core', 'api', 'sync', 'state', 'i18n', 'ui'],
  cli: ['core', 'api', 'sync'],
  widget: LAYERS.filter(l => l !== 'cli'),
};
const PACKAGES = {
  ui: ['preact', 'preact/*', '@preact/*'],
  chart: ['chart.js', 'chart.js/*'],
  http: ['axios', 'axios/*'],
  zod: ['zod', 'zod/*'],
};

/**
 * Entries besides a layer's index: sync/idb, the browser-only cache; state/settings, the settings
 * schema alone, for script.js's first part (widget/script.ts), which must not pull in the rest.
 */
const SECOND_ENTRY = { sync: 'idb', state: 'settings' };

/** no-restricted-imports for a layer: other layers only through their index, some not at all. */
function layerRules(name, packages, message) {
  const allowed = MAY_IMPORT[name];
  const others = LAYERS.filter(l => l !== name);
  const patterns = [
    ...others
      .filter(l => !allowed.includes(l))
      .map(l => ({ group: [`**/${l}`, `**/${l}/**`], message: `${message} (no ${l})` })),
    ...others
      .filter(l => allowed.includes(l))
      .map(l => ({
        group: [
          `**/${l}/*`,
          ...(SECOND_ENTRY[l]
            ? [`!**/${l}/${SECOND_ENTRY[l]}`, `**/${l}/${SECOND_ENTRY[l]}/*`]
            : []),
        ],
        message: `Import src/${l} only through its index.ts${SECOND_ENTRY[l] ? ` (or ${l}/${SECOND_ENTRY[l]})` : ''}.`,
      })),
    ...(packages.length > 0 ? [{ group: packages, message }] : []),
  ];
  return { 'no-restricted-imports': ['error', { patterns }] };
}

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
      ...layerRules(
        'core',
        [...PACKAGES.ui, ...PACKAGES.chart, ...PACKAGES.http, ...PACKAGES.zod],
        'src/core is pure funnel math: no I/O, no UI, no other layers.',
      ),
    },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: layerRules(
      'api',
      [...PACKAGES.ui, ...PACKAGES.chart],
      'src/api is the REST client: it depends on core only.',
    ),
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: layerRules(
      'sync',
      [...PACKAGES.ui, ...PACKAGES.chart, ...PACKAGES.http],
      'src/sync keeps data: it depends on core and api only.',
    ),
  },
  {
    files: ['src/state/**/*.ts'],
    rules: layerRules(
      'state',
      ['preact', 'preact/*', '@preact/signals', ...PACKAGES.chart, ...PACKAGES.http],
      'src/state depends on core, api and sync only (signals-core, not Preact).',
    ),
  },
  {
    files: ['src/i18n/**/*.ts'],
    rules: layerRules('i18n', [], 'src/i18n is a leaf.'),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: layerRules(
      'ui',
      [...PACKAGES.http, ...PACKAGES.zod],
      'src/ui talks to data through state, never to api or sync.',
    ),
  },
  {
    files: ['src/mount/**/*.{ts,tsx}'],
    rules: layerRules('mount', [...PACKAGES.http], 'src/mount composes the layers below it.'),
  },
  {
    files: ['src/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-console': 'off',
      ...layerRules(
        'cli',
        [...PACKAGES.ui, ...PACKAGES.chart],
        'The CLI uses core, api and sync only.',
      ),
    },
  },
  {
    files: ['widget/**/*.ts'],
    rules: layerRules('widget', [...PACKAGES.http], 'widget/ adapts amoCRM to src/mount.'),
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
