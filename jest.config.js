// One Jest config for every workspace. TypeScript 5.9 type-checks (`npm run typecheck`); Sucrase only
// strips types and turns ESM into CommonJS, so tests start fast. It is pure JavaScript: @swc/jest and
// Jest 30 pull native bindings whose other-platform packages the registry here lacks, which breaks
// `npm ci`. ESM-only packages (jose, ...) are transformed too.
/** @type {import('jest').Config} */
const transform = {
  '^.+\\.(t|j)sx?$': ['@sucrase/jest-plugin', { jsxRuntime: 'automatic', production: true }],
};
const esmOnly = ['jose', 'ulid', 'nanoid', 'uuid', '@tanstack'].join('|');
const common = {
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  testEnvironment: 'node',
  roots: [
    '<rootDir>/shared',
    '<rootDir>/tab',
    '<rootDir>/bot',
    '<rootDir>/appPackage',
    '<rootDir>/infra',
    '<rootDir>/scripts',
  ],
  modulePathIgnorePatterns: ['<rootDir>/.data', '/dist/', '/build/'],
};
module.exports = {
  // A guard against a hung test, not a measure of speed: specs wait for conditions, and a busy
  // 2-core machine running two suites at once can take many seconds over one.
  testTimeout: 120_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '**/*.spec.ts',
        '**/*.spec.tsx',
        '!**/*.int.spec.ts',
        '!**/*.e2e.spec.ts',
        '!**/*.resilience.spec.ts',
      ],
      // jsdom specs: the layout Fluent's focus manager expects, and the Testing Library wait limit.
      setupFiles: ['<rootDir>/scripts/jest/jsdom-globals.ts', '<rootDir>/tab/src/testing/jsdom-setup.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int.spec.ts', '**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/scripts/jest/azurite.global-setup.ts',
      globalTeardown: '<rootDir>/scripts/jest/azurite.global-teardown.ts',
    },
  ],
};
