// Two projects: `unit` (pure, fast, *.spec.ts) and `int` (real nats-server, PostgreSQL and Redis
// started by the harness in globalSetup; *.int-spec.ts and *.e2e-spec.ts).
const { pathsToModuleNameMapper } = require('./tools/build/jest-paths.cjs');
const { swcOptions } = require('./tools/build/swc-options.cjs');

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions({ resolvePaths: false }), module: { type: 'es6' }, swcrc: false }] },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: pathsToModuleNameMapper(),
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tools/build/jest-global-setup.mjs',
      globalTeardown: '<rootDir>/tools/build/jest-global-teardown.mjs',
    },
  ],
};
