// Three projects, one per environment: node for pure layers, jsdom for components, the mounts
// (test/unit/mount) and the widget adapter, and e2e (node driving Chromium) for the built bundle
// inside the sandbox.
const base = {
  clearMocks: true,
  transform: {
    '^.+\\.(tsx?|mjs)$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
    // p-throttle and cookie 2 (behind fastify's inject) ship ESM as plain .js files.
    '/node_modules/(p-throttle|cookie)/.+\\.js$': [
      'ts-jest',
      { tsconfig: '<rootDir>/test/tsconfig.json' },
    ],
  },
  // Preact 11, signals and a few small libraries ship ESM only; let ts-jest compile them.
  transformIgnorePatterns: [
    '/node_modules/(?!(preact|@preact|@testing-library/preact|p-throttle|idb|d3-array|internmap|cookie)/)',
  ],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      // Mount tests render Preact: they belong to the dom project.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/unit/mount/'],
    },
    {
      ...base,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      // Not the "browser" condition: it resolves Preact and signals to ESM builds jest cannot load.
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      // After the framework: @testing-library/preact registers its auto-cleanup on import only
      // when afterEach exists.
      setupFilesAfterEnv: ['<rootDir>/test/support/jsdom-setup.ts'],
      testMatch: [
        '<rootDir>/test/dom/**/*.test.ts?(x)',
        // src/mount's own tests sit beside the other layers' unit tests, but need a DOM.
        '<rootDir>/test/unit/mount/**/*.test.ts?(x)',
      ],
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
};
