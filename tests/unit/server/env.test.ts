import { describe, expect, it } from '@jest/globals';
import { readEnv } from '../../../src/server/env.js';

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
