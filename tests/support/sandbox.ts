// The sandbox's test helpers (startTestSandbox, token helpers, `graph`), kept at this path for the
// product's suites; they live in the sandbox package (packages/m365-sandbox/src/testing.ts).
export * from '@workshopplanner/m365-sandbox/testing';
