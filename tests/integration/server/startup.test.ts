// The server process refuses to start for a real tenant (START_SANDBOX=false, or a public https
// PUBLIC_URL) while the identity provider, secret, site or tenants are still the sandbox's: it
// exits non-zero and names every setting to fix. `npm start` says so before building anything.
import { describe, expect, it, jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// Each case starts a tsx process (a few seconds on a busy machine).
jest.setTimeout(90_000);

const TSX = resolve('node_modules/.bin/tsx');
const SANDBOX_SETTINGS = [
  'AUTHORITY_HOST',
  'GRAPH_BASE_URL',
  'TENANT_ID',
  'CLIENT_ID',
  'CLIENT_SECRET',
  'SHAREPOINT_SITE',
  'ALLOWED_TENANT_IDS',
];

/** Runs an entry point with only these settings (none of the test run's own). */
function run(entry: string, settings: Record<string, string>) {
  const result = spawnSync(TSX, [entry], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...settings },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('starting for a real tenant with the sandbox’s settings', () => {
  it('the server exits non-zero, naming every setting that still points at the sandbox', () => {
    const result = run('src/server/main.ts', { START_SANDBOX: 'false' });
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain('server ready');
    expect(result.stderr).toContain('Refusing to start: START_SANDBOX=false');
    for (const name of SANDBOX_SETTINGS)
      expect(result.stderr).toMatch(new RegExp(`^  ${name}: `, 'm'));
    // An operator's message, not a stack trace.
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('so does a public https address, and npm start stops before building the web bundle', () => {
    const result = run('src/cli/start.ts', {
      PUBLIC_URL: 'https://workshops.noord-holland.nl',
      WEB_DIST_DIR: '.data/never-built-by-startup-test',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'Refusing to start: PUBLIC_URL is https://workshops.noord-holland.nl',
    );
    for (const name of SANDBOX_SETTINGS)
      expect(result.stderr).toMatch(new RegExp(`^  ${name}: `, 'm'));
    expect(result.stdout).not.toContain('wordt gestart');
  });
});
