import { describe, expect, it } from '@jest/globals';
import { readEnv, readServerEnv } from '../../../src/server/env.js';

describe('readEnv', () => {
  it('needs nothing for the sandbox: both sandbox tenants allowed, CORS closed, 64 KB bodies', () => {
    const env = readEnv({});
    expect(env.ALLOWED_TENANT_IDS).toEqual([
      '5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90',
      '9b3e71d4-6a25-4c8f-b0e2-7d54a1c93f68',
    ]);
    expect(env.CORS_ALLOWED_ORIGINS).toEqual([]);
    expect(env.BODY_LIMIT_BYTES).toBe(65536);
    expect(env.RATE_LIMIT_MAX).toBe(300);
    expect(env.API_IDENTIFIER_URI).toBe(
      'api://localhost:3000/2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27',
    );
    expect(env.ALLOW_LOCALHOST).toBe(true);
  });

  it('derives the Application ID URI and localhost framing from PUBLIC_URL', () => {
    const env = readEnv({ PUBLIC_URL: 'https://workshopplanner.noord-holland.nl' });
    expect(env.API_IDENTIFIER_URI).toBe(
      'api://workshopplanner.noord-holland.nl/2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27',
    );
    expect(env.ALLOW_LOCALHOST).toBe(false);
    expect(readEnv({ PUBLIC_URL: 'https://x.nl', ALLOW_LOCALHOST: 'true' }).ALLOW_LOCALHOST).toBe(
      true,
    );
  });

  it('refuses a lease on the background cycle that is not longer than its interval', () => {
    expect(readEnv({}).LEASE_SECONDS).toBe(180);
    expect(readEnv({ SYNC_INTERVAL_SECONDS: '300' }).LEASE_SECONDS).toBe(900); // three intervals
    expect(() => readEnv({ SYNC_INTERVAL_SECONDS: '60', LEASE_SECONDS: '60' })).toThrow(
      /LEASE_SECONDS: must be longer than SYNC_INTERVAL_SECONDS \(60\)/,
    );
    expect(readEnv({ SYNC_INTERVAL_SECONDS: '0', LEASE_SECONDS: '30' }).LEASE_SECONDS).toBe(30);
  });

  it('reads comma-separated lists', () => {
    const env = readEnv({
      ALLOWED_TENANT_IDS: ' 5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90 , ',
      CORS_ALLOWED_ORIGINS: 'http://localhost:5173,https://cdn.example.nl',
    });
    expect(env.ALLOWED_TENANT_IDS).toEqual(['5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90']);
    expect(env.CORS_ALLOWED_ORIGINS).toEqual(['http://localhost:5173', 'https://cdn.example.nl']);
  });

  it('fails naming the variable', () => {
    expect(() => readEnv({ ALLOWED_TENANT_IDS: 'riec' })).toThrow(/ALLOWED_TENANT_IDS/);
    expect(() => readEnv({ ALLOWED_TENANT_IDS: ',' })).toThrow(/ALLOWED_TENANT_IDS/);
    expect(() => readEnv({ CORS_ALLOWED_ORIGINS: 'https://cdn.example.nl/app/' })).toThrow(
      /CORS_ALLOWED_ORIGINS/,
    );
    expect(() => readEnv({ ALLOW_LOCALHOST: 'yes' })).toThrow(/ALLOW_LOCALHOST/);
    expect(() => readEnv({ BODY_LIMIT_BYTES: '10' })).toThrow(/BODY_LIMIT_BYTES/);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default and takes true/false or the proxies’ addresses and CIDRs', () => {
    expect(readEnv({}).TRUST_PROXY).toBe(false);
    expect(readEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(readEnv({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'loopback',
    ]);
  });

  it('refuses a hop count (Fastify 5 would trust nobody) and anything not an address', () => {
    expect(() => readEnv({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY/);
    expect(() => readEnv({ TRUST_PROXY: 'proxy.example.nl' })).toThrow(/TRUST_PROXY/);
    expect(() => readEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });
});

// The settings of a real tenant: none of them the sandbox's.
const TENANT = {
  AUTHORITY_HOST: 'https://login.microsoftonline.com',
  GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
  TENANT_ID: '0d7c6b5a-4e3f-4a2b-9c1d-8e7f6a5b4c3d',
  CLIENT_ID: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  CLIENT_SECRET: 'a-real-secret-from-the-vault',
  SHAREPOINT_SITE:
    'rieconh.sharepoint.com,7a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d,1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
  ALLOWED_TENANT_IDS: '0d7c6b5a-4e3f-4a2b-9c1d-8e7f6a5b4c3d',
};
const ALL_TENANT_SETTINGS = Object.keys(TENANT);

function refusal(source: Record<string, string>): string {
  try {
    readServerEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('readServerEnv accepted the settings');
}

describe('readServerEnv', () => {
  it('runs on the sandbox’s values locally (npm start, tests, http or localhost)', () => {
    expect(() => readServerEnv({})).not.toThrow();
    expect(() => readServerEnv({ PUBLIC_URL: 'https://localhost:3000' })).not.toThrow();
    expect(() => readServerEnv({ PUBLIC_URL: 'http://workshops.example.nl' })).not.toThrow();
  });

  it('refuses START_SANDBOX=false with the sandbox’s settings, naming each of them', () => {
    const message = refusal({ START_SANDBOX: 'false' });
    expect(message).toMatch(/START_SANDBOX=false/);
    for (const name of ALL_TENANT_SETTINGS)
      expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'));
  });

  it('refuses a public https address with the sandbox’s settings, naming only what is missing', () => {
    const message = refusal({
      ...TENANT,
      PUBLIC_URL: 'https://workshops.noord-holland.nl',
      CLIENT_SECRET: 'sandbox-client-secret-not-for-production',
      AUTHORITY_HOST: 'https://localhost:5443',
      ALLOWED_TENANT_IDS: `${TENANT.TENANT_ID},5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90`,
    });
    expect(message).toMatch(/PUBLIC_URL is https:\/\/workshops\.noord-holland\.nl/);
    const named = [...message.matchAll(/^ {2}([A-Z_]+): /gm)].map((match) => match[1]);
    expect(named).toEqual(['AUTHORITY_HOST', 'CLIENT_SECRET', 'ALLOWED_TENANT_IDS']);
  });

  it('refuses a moved clock (SANDBOX_TODAY) for a real tenant', () => {
    const message = refusal({
      ...TENANT,
      START_SANDBOX: 'false',
      SANDBOX_CLOCK_OFFSET_MS: '-7862400000',
    });
    const named = [...message.matchAll(/^ {2}([A-Z_]+): /gm)].map((match) => match[1]);
    expect(named).toEqual(['SANDBOX_CLOCK_OFFSET_MS']);
  });

  it('starts for a real tenant once every setting is the tenant’s', () => {
    const env = readServerEnv({
      ...TENANT,
      START_SANDBOX: 'false',
      PUBLIC_URL: 'https://workshops.noord-holland.nl',
    });
    expect(env.TENANT_ID).toBe(TENANT.TENANT_ID);
  });
});
