import { describe, expect, it } from '@jest/globals';
import { readEnv } from '../../../src/server/env.js';
import {
  PERMISSIONS_POLICY,
  contentSecurityPolicyDirectives,
} from '../../../src/server/http/security-headers.js';

describe('contentSecurityPolicyDirectives', () => {
  it('allows scripts only from this origin and office.js’s CDN, never inline', () => {
    const csp = contentSecurityPolicyDirectives(readEnv({}));
    expect(csp['script-src']).toEqual([
      "'self'",
      'https://appsforoffice.microsoft.com',
      'https://res.cdn.office.net',
    ]);
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(csp['object-src']).toEqual(["'none'"]);
  });

  it('lets the authority be reached and the Microsoft 365 hosts frame the app', () => {
    const csp = contentSecurityPolicyDirectives(
      readEnv({
        PUBLIC_URL: 'https://workshopplanner.example.nl',
        AUTHORITY_HOST: 'https://login.microsoftonline.com',
      }),
    );
    expect(csp['connect-src']).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(csp['frame-ancestors']).toEqual([
      "'self'",
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.cloud.microsoft',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://*.outlook.com',
      'https://*.office.com',
      'https://*.office365.com',
      'https://*.microsoft365.com',
    ]);
    expect(csp['upgrade-insecure-requests']).toEqual([]);
  });

  it('adds localhost only in development', () => {
    const csp = contentSecurityPolicyDirectives(readEnv({ PUBLIC_URL: 'http://localhost:3000' }));
    expect(csp['frame-ancestors']).toContain('http://localhost:*');
    expect(csp['connect-src']).toContain('https://localhost:*');
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
  });
});

describe('PERMISSIONS_POLICY', () => {
  it('denies every listed feature to every origin, in the header’s syntax', () => {
    const entries = PERMISSIONS_POLICY.split(', ');
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const entry of entries) expect(entry).toMatch(/^[a-z-]+=\(\)$/);
    expect(entries).toEqual(expect.arrayContaining(['camera=()', 'microphone=()', 'payment=()']));
  });
});
