// Unit specs live beside the code; end-to-end suites under test/ run against a real PostgreSQL
// (TEST_DATABASE_URL, or the embedded one), each suite on its own database.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' });
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };

// Test files run in the worker's own context, not a fresh vm context each: globals accessed in hot
// code (Math, typed arrays) are up to 4× slower through a vm context's proxy, and the server pass took
// 635 s against 839–871 s. A suite that needs a fresh context says `@jest-environment node`.
const testEnvironment = 'jest-environment-node-single-context';

module.exports = {
  testTimeout: 90000,
  // Suites mostly wait on PostgreSQL and HTTP; more workers than the 2 cores keeps both busy.
  maxWorkers: 3,
  // A worker's heap grows suite after suite (each suite loads the app's modules anew; seen at 4 GB
  // per worker half-way through a run, slowing every later suite): such a worker is replaced.
  workerIdleMemoryLimit: '1200MB',
  projects: [
    {
      displayName: 'unit',
      testEnvironment,
      rootDir: __dirname,
      roots: ['<rootDir>/libs', '<rootDir>/apps'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/apps/web/'],
      moduleNameMapper,
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment,
      rootDir: __dirname,
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      moduleNameMapper,
      transform,
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
