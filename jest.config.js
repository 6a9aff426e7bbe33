/** Tests are ESM TypeScript: ts-jest transpiles each file on its own (isolatedModules); `npm run typecheck` does the type checking. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'lcov'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/jest-cleanup.ts'],
  reporters: ['default', '<rootDir>/test/helpers/real-binary-reporter.cjs'],
  testTimeout: 60000,
};
