// Jest runs the TypeScript sources as native ES modules (see scripts/run-tests.ts for the
// --experimental-vm-modules flag): swc strips the types, `tsc --noEmit` checks them.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2023',
      transform: { react: { runtime: 'automatic' } },
      // Keep `with { type: 'json' }`: Node's ESM loader requires it for JSON modules.
      experimental: { keepImportAttributes: true },
    },
    module: { type: 'es6' },
  },
];

/** @type {import('jest').Config['projects'][number]} */
const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  // Sources import siblings as `./x.js` (Node ESM resolution); jest must find `./x.ts`.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/setup/unit.ts'],
    },
    {
      ...base,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/web/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/tests/web/support/setup.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/setup/integration.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/setup/e2e.ts'],
    },
    // The sandbox package's own suites (integration, contract against Microsoft's Graph metadata,
    // the inspector in Chromium), with its jest.config.js: `npm test` stays the one test command.
    '<rootDir>/packages/m365-sandbox',
  ],
};
