// The sandbox's tests: integration (real HTTP against a sandbox started per file), contract
// (every payload type against Microsoft's Graph metadata) and the inspector in Chromium. One
// project, run on its own (`npm test --workspace @workshopplanner/m365-sandbox`, through
// scripts/run-tests.ts) and as a project of the repository's `npm test`.
// Jest runs the TypeScript sources as native ES modules: swc strips the types, `tsc --noEmit`
// (the repository's `npm run typecheck`) checks them.
/** @type {import('jest').Config} */
export default {
  displayName: 'm365-sandbox',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'es6' },
      },
    ],
  },
  extensionsToTreatAsEsm: ['.ts'],
  // Sources import siblings as `./x.js` (Node ESM resolution); jest must find `./x.ts`.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/tests/support/setup.ts'],
};
