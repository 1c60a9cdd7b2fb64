import type { Config } from 'jest';

const swc: [string, Record<string, unknown>] = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

// TypeScript sources import each other with .js extensions (NodeNext); Jest resolves the .ts file.
const esmTs = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.tsx?$': swc },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@callboard/shared$': '<rootDir>/shared/src/index.ts',
    // Its ESM build imports JSON without an import attribute, which Jest's ESM loader warns about on every file.
    '^libphonenumber-js$': '<rootDir>/node_modules/libphonenumber-js/index.cjs',
  },
} satisfies Config;

const config: Config = {
  maxWorkers: 2,
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'server',
      rootDir: '.',
      testEnvironment: 'node',
      roots: ['<rootDir>/server/src', '<rootDir>/shared/src'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      globalSetup: '<rootDir>/server/src/test/global-setup.ts',
      globalTeardown: '<rootDir>/server/src/test/global-teardown.ts',
      ...esmTs,
    },
    {
      displayName: 'client',
      rootDir: '.',
      testEnvironment: '<rootDir>/client/src/test/jsdom-environment.cjs',
      roots: ['<rootDir>/client/src'],
      testMatch: ['**/__tests__/**/*.test.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/client/src/test/setup.ts'],
      ...esmTs,
    },
    {
      displayName: 'e2e',
      rootDir: '.',
      testEnvironment: 'node',
      roots: ['<rootDir>/client/e2e'],
      testMatch: ['**/*.e2e.ts'],
      testTimeout: 300_000,
      ...esmTs,
    },
  ],
};

export default config;
