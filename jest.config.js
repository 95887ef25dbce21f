/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Builds dist/ and the CLI once for the bundle and CLI tests.
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 60000,
};
