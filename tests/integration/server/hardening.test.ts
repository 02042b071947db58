// Security headers fit for a page that Teams and Outlook frame, CORS closed by default, the rate
// limit per user, correlation ids, and logs that carry neither tokens nor personal data.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import { startTestSandbox } from '../../support/sandbox.js';
import {
  apiToken,
  call,
  expectProblem,
  personByUpn,
  startTestServer,
  type TestServer,
} from './server-harness.js';

// Each file starts its own sandbox (seeded) and servers: more than jest's 5 s on a busy machine.

let sandbox: Sandbox;
let server: TestServer;
let webDir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  webDir = mkdtempSync(join(tmpdir(), 'workshopplanner-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Workshopplanner</title>');
  server = await startTestServer(sandbox, { env: { WEB_DIST_DIR: webDir } });
});
afterAll(async () => {
  await server.close();
  await sandbox.close();
});

function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  it('the web page and the API carry a CSP for framing by Teams and Outlook, without X-Frame-Options', async () => {
    for (const path of ['/', '/api/health', '/api/me']) {
      const result = await call(server, path);
      const csp = directives(result.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual([
        "'self'",
        'https://appsforoffice.microsoft.com',
        'https://res.cdn.office.net',
      ]);
      expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
      expect(csp.get('frame-ancestors')).toEqual(
        expect.arrayContaining([
          "'self'",
          'https://teams.microsoft.com',
          'https://*.cloud.microsoft',
          'https://outlook.office.com',
          'https://*.microsoft365.com',
          'http://localhost:*',
        ]),
      );
      expect(csp.get('connect-src')).toEqual(
        expect.arrayContaining(["'self'", new URL(sandbox.urls.https).origin]),
      );
      expect(result.headers.get('x-frame-options')).toBeNull();
      expect(result.headers.get('x-content-type-options')).toBe('nosniff');
      expect(result.headers.get('referrer-policy')).toBe('no-referrer');
      // Plain HTTP: HSTS would be ignored and upgrade-insecure-requests would break local use.
      expect(result.headers.get('strict-transport-security')).toBeNull();
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
    }
    const page = await call(server, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Workshopplanner');
  });

  it('behind https: HSTS, and no localhost in frame-ancestors when ALLOW_LOCALHOST is off', async () => {
    const production = await startTestServer(sandbox, {
      env: { PUBLIC_URL: 'https://workshopplanner.example.nl', ALLOW_LOCALHOST: 'false' },
    });
    try {
      const result = await call(production, '/api/health');
      expect(result.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      const csp = directives(result.headers.get('content-security-policy'));
      expect(csp.get('frame-ancestors')).not.toContain('http://localhost:*');
      expect(csp.has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await production.close();
    }
  });

  it('a Permissions-Policy turns off camera, microphone, geolocation, payment, usb and the like', async () => {
    for (const path of ['/', '/api/health', '/api/me', '/api/nope']) {
      const header = (await call(server, path)).headers.get('permissions-policy') ?? '';
      const denied = new Set(header.split(',').map((part) => part.trim()));
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial']) {
        expect({ path, feature, denied: denied.has(`${feature}=()`) }).toEqual({
          path,
          feature,
          denied: true,
        });
      }
      // Nothing the hosts need for framing or sign-in is touched (WebAuthn stays the browser's).
      expect(header).not.toMatch(/publickey-credentials|fullscreen|clipboard/);
    }
  });

  it('serves no source maps, not even one left over in the web folder', async () => {
    writeFileSync(join(webDir, 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map\n');
    writeFileSync(join(webDir, 'app.js.map'), '{"version":3,"sources":["src/web/secret.ts"]}');
    expect((await call(server, '/app.js')).status).toBe(200);
    for (const headers of [{}, { 'accept-encoding': 'br, gzip' }]) {
      const map = await call(server, '/app.js.map', { headers });
      expect(map.status).toBe(404);
      expect(map.text).not.toContain('secret.ts');
    }
    expect((await call(server, '/APP.JS.MAP')).status).toBe(404);
  });

  it('API answers are not cached', async () => {
    const result = await call(server, '/api/me', { token: await apiToken(sandbox, 'sanne') });
    expect(result.headers.get('cache-control')).toBe('no-store');
  });
});

describe('CORS', () => {
  it('is closed by default: no other origin may read the API', async () => {
    const origin = 'https://evil.example';
    const simple = await call(server, '/api/health', { headers: { origin } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await call(server, '/api/me', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens only for the configured origins', async () => {
    const withCors = await startTestServer(sandbox, {
      env: { CORS_ALLOWED_ORIGINS: 'http://localhost:5173' },
    });
    try {
      const allowed = await call(withCors, '/api/me', {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
      const other = await call(withCors, '/api/me', {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await withCors.close();
    }
  });
});

describe('rate limit', () => {
  it('limits per user with 429 problem+json and Retry-After; other users and health go on', async () => {
    const limited = await startTestServer(sandbox, { env: { RATE_LIMIT_MAX: '3' } });
    try {
      const sanne = await apiToken(sandbox, 'sanne');
      const pieter = await apiToken(sandbox, 'pieter.bakker');
      for (let i = 0; i < 3; i++) {
        expect((await call(limited, '/api/me', { token: sanne })).status).toBe(200);
      }
      const refused = await call(limited, '/api/campaign', { token: sanne });
      expectProblem(refused, 429, 'RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.detail).toMatch(/te veel verzoeken/);
      // Same IP address, another user: a separate budget.
      expect((await call(limited, '/api/me', { token: pieter })).status).toBe(200);
      for (let i = 0; i < 5; i++) {
        expect((await call(limited, '/api/health')).status).toBe(200);
      }
    } finally {
      await limited.close();
    }
  });
});

describe('correlation id and logs', () => {
  it('echoes a well-formed x-correlation-id or client-request-id, replaces anything else', async () => {
    const mine = await call(server, '/api/health', {
      headers: { 'x-correlation-id': 'tab-7f3a9c21' },
    });
    expect(mine.headers.get('x-correlation-id')).toBe('tab-7f3a9c21');
    const msal = '0b5c9c4e-1d2f-4a3b-8c7d-6e5f4a3b2c1d';
    const fromClient = await call(server, '/api/health', {
      headers: { 'client-request-id': msal },
    });
    expect(fromClient.headers.get('x-correlation-id')).toBe(msal);
    const hostile = await call(server, '/api/nope', {
      headers: { 'x-correlation-id': 'x" level=60 <script>alert(1)</script>' },
    });
    expect(hostile.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(hostile.body.correlationId).toBe(hostile.headers.get('x-correlation-id'));
  });

  it('logs the request with its correlation id and the user’s oid, never the token or their name', async () => {
    const sanne = personByUpn('sanne.devries');
    const token = await apiToken(sandbox, 'sanne');
    const correlationId = 'log-test-5d1e8a77';
    await call(server, '/api/me?email=sanne.devries@riec.nl', {
      token,
      headers: { 'x-correlation-id': correlationId, cookie: 'session=geheim-koekje' },
    });
    const lines = server.logs.filter((line) => line.includes(correlationId));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const completed = lines
      .map((line) => JSON.parse(line))
      .find((e) => e.msg === 'request completed');
    expect(completed).toMatchObject({ correlationId, userId: sanne.id, res: { statusCode: 200 } });
    const all = server.logs.join('\n');
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split('.')[2]);
    expect(all).not.toContain('geheim-koekje');
    expect(all).not.toMatch(/sanne\.devries|Sanne de Vries/);
    expect(all).not.toContain('127.0.0.1"');
  });
});
